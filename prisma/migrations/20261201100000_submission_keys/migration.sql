-- One-time keys that make create forms idempotent: each form carries a random key; the create inserts it in its
-- own transaction, so a double click or a replayed request finds the key taken and is sent to the first result.
CREATE TABLE "SubmissionKey" (
    "key" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "form" TEXT NOT NULL,
    "result" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubmissionKey_pkey" PRIMARY KEY ("key")
);

-- Old keys are pruned by a periodic job.
CREATE INDEX "SubmissionKey_createdAt_idx" ON "SubmissionKey"("createdAt");
