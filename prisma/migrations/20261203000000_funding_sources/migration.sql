-- Programme reports (issue 12): funding sources that missions draw on, and the indexes the report aggregates use.

-- A funding line: a donor's project with a yearly envelope. Committed amounts are computed from the missions that
-- draw on it (never stored), so they cannot drift from the budgets.
CREATE TABLE "FundingSource" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "donor" TEXT NOT NULL,
    "projectCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "envelope" DECIMAL(14,2) NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'MAD',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FundingSource_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "FundingSource_envelope_check" CHECK ("envelope" >= 0),
    CONSTRAINT "FundingSource_year_check" CHECK ("year" BETWEEN 2000 AND 2100)
);
CREATE UNIQUE INDEX "FundingSource_projectCode_year_key" ON "FundingSource"("projectCode", "year");

-- The line a mission's budget is paid from, and the officer's reason when an approval went beyond its envelope.
ALTER TABLE "Mission" ADD COLUMN "fundingSourceId" UUID;
ALTER TABLE "Mission" ADD COLUMN "envelopeOverrideReason" TEXT;
ALTER TABLE "Mission" ADD CONSTRAINT "Mission_fundingSourceId_fkey" FOREIGN KEY ("fundingSourceId") REFERENCES "FundingSource"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "Mission_fundingSourceId_status_idx" ON "Mission"("fundingSourceId", "status");

-- Report periods filter on creation dates: experts registered, needs posted, candidacies made.
CREATE INDEX "ExpertProfile_createdAt_idx" ON "ExpertProfile"("createdAt");
CREATE INDEX "Need_createdAt_idx" ON "Need"("createdAt");
CREATE INDEX "Candidacy_needId_createdAt_idx" ON "Candidacy"("needId", "createdAt");
