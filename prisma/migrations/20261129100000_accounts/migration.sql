-- Accounts and security baseline: a display name for every user, shared rate-limit counters, and an index to
-- find (and end) a user's sessions, whose user id lives inside the session JSON written by passport.

ALTER TABLE "User" ADD COLUMN "displayName" TEXT;

CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "hits" INTEGER NOT NULL,
    "resetAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "RateLimit_resetAt_idx" ON "RateLimit"("resetAt");

CREATE INDEX "session_user_idx" ON "session" (("sess" -> 'passport' ->> 'user'));

-- Demo and earlier users get a display name from their expert profile when they have one.
UPDATE "User" u SET "displayName" = p."firstName" || ' ' || p."lastName"
FROM "ExpertProfile" p WHERE p."userId" = u."id" AND u."displayName" IS NULL;
