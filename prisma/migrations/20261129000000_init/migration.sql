-- Jisr: the whole domain model. Written from prisma/schema.prisma (the CREATE statements were produced with
-- `prisma migrate diff --from-empty` and then reviewed); the hand-written part at the end adds what Prisma's
-- schema language cannot say: extensions, the accent-insensitive search column, GIN indexes and CHECKs.

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Accent-insensitive, language-neutral text search (French, Arabic and English words side by side):
-- `simple` does not stem, so a word is found in any of the three languages; `unaccent` folds é→e, ç→c …
CREATE TEXT SEARCH CONFIGURATION jisr (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION jisr ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;


-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('expert', 'staff', 'officer', 'admin');

-- CreateEnum
CREATE TYPE "UserStatus" AS ENUM ('active', 'disabled', 'deleted');

-- CreateEnum
CREATE TYPE "ExpertKind" AS ENUM ('diaspora', 'south_south', 'immigrant_resident');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('female', 'male', 'other', 'undisclosed');

-- CreateEnum
CREATE TYPE "MissionMode" AS ENUM ('on_site', 'remote', 'hybrid');

-- CreateEnum
CREATE TYPE "ProfileVisibility" AS ENUM ('private', 'institutions', 'public');

-- CreateEnum
CREATE TYPE "CefrLevel" AS ENUM ('A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native');

-- CreateEnum
CREATE TYPE "InstitutionKind" AS ENUM ('ministry', 'university', 'hospital', 'regional_agency', 'commune', 'cooperative', 'public_agency', 'ngo');

-- CreateEnum
CREATE TYPE "InstitutionStatus" AS ENUM ('pending', 'verified', 'rejected');

-- CreateEnum
CREATE TYPE "MemberRole" AS ENUM ('admin', 'staff');

-- CreateEnum
CREATE TYPE "MemberStatus" AS ENUM ('pending', 'active', 'rejected');

-- CreateEnum
CREATE TYPE "NeedStatus" AS ENUM ('draft', 'submitted', 'published', 'filled', 'closed', 'cancelled');

-- CreateEnum
CREATE TYPE "SkillRequirement" AS ENUM ('required', 'desirable');

-- CreateEnum
CREATE TYPE "CandidacyStatus" AS ENUM ('applied', 'invited', 'shortlisted', 'interviewed', 'selected', 'not_selected', 'withdrawn');

-- CreateEnum
CREATE TYPE "MissionStatus" AS ENUM ('proposed', 'accepted', 'approved', 'briefed', 'in_progress', 'completed', 'reported', 'evaluated', 'followed_up', 'declined', 'rejected', 'cancelled');

-- CreateEnum
CREATE TYPE "InvestmentStatus" AS ENUM ('draft', 'submitted', 'under_review', 'eligible', 'ineligible', 'funded', 'withdrawn');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('pending', 'sending', 'sent', 'failed');

-- CreateEnum
CREATE TYPE "TokenPurpose" AS ENUM ('verify_email', 'reset_password', 'confirm_profile');

-- CreateTable
CREATE TABLE "Region" (
    "code" TEXT NOT NULL,
    "nameFr" TEXT NOT NULL,
    "nameAr" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "capitalFr" TEXT NOT NULL,
    "capitalAr" TEXT NOT NULL,
    "capitalEn" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Sector" (
    "code" TEXT NOT NULL,
    "nameFr" TEXT NOT NULL,
    "nameAr" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,

    CONSTRAINT "Sector_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Skill" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "sectorCode" TEXT NOT NULL,
    "broaderId" INTEGER,
    "labelFr" TEXT NOT NULL,
    "labelAr" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Skill_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "UserRole" NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'fr',
    "status" "UserStatus" NOT NULL DEFAULT 'active',
    "emailVerifiedAt" TIMESTAMP(3),
    "failedLogins" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "lastLoginAt" TIMESTAMP(3),
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Consent" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "purpose" TEXT NOT NULL,
    "textVersion" TEXT NOT NULL,
    "givenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" TIMESTAMP(3),

    CONSTRAINT "Consent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserToken" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "purpose" "TokenPurpose" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UserToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExpertProfile" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "gender" "Gender" NOT NULL DEFAULT 'undisclosed',
    "phone" TEXT,
    "kind" "ExpertKind" NOT NULL DEFAULT 'diaspora',
    "countryOfResidence" TEXT,
    "cityOfResidence" TEXT,
    "nationalities" TEXT[],
    "originRegionCode" TEXT,
    "originCommune" TEXT,
    "headline" TEXT,
    "bio" TEXT,
    "yearsExperience" INTEGER,
    "employer" TEXT,
    "position" TEXT,
    "sectors" TEXT[],
    "missionModes" "MissionMode"[],
    "preferredRegions" TEXT[],
    "maxMissionDays" INTEGER,
    "visibility" "ProfileVisibility" NOT NULL DEFAULT 'institutions',
    "matchable" BOOLEAN NOT NULL DEFAULT true,
    "cvFileKey" TEXT,
    "cvUploadedAt" TIMESTAMP(3),
    "confirmedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "staleSince" TIMESTAMP(3),
    "lastActiveAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExpertProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExpertDegree" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "expertId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "field" TEXT,
    "institution" TEXT,
    "year" INTEGER,

    CONSTRAINT "ExpertDegree_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExpertSkill" (
    "expertId" UUID NOT NULL,
    "skillId" INTEGER NOT NULL,
    "level" INTEGER NOT NULL,
    "years" INTEGER,

    CONSTRAINT "ExpertSkill_pkey" PRIMARY KEY ("expertId","skillId")
);

-- CreateTable
CREATE TABLE "ExpertLanguage" (
    "expertId" UUID NOT NULL,
    "language" TEXT NOT NULL,
    "level" "CefrLevel" NOT NULL,

    CONSTRAINT "ExpertLanguage_pkey" PRIMARY KEY ("expertId","language")
);

-- CreateTable
CREATE TABLE "Availability" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "expertId" UUID NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,

    CONSTRAINT "Availability_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Institution" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "nameAr" TEXT,
    "kind" "InstitutionKind" NOT NULL,
    "regionCode" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "description" TEXT,
    "website" TEXT,
    "status" "InstitutionStatus" NOT NULL DEFAULT 'pending',
    "verifiedAt" TIMESTAMP(3),
    "rejectionReason" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Institution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InstitutionMember" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "institutionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "MemberRole" NOT NULL DEFAULT 'staff',
    "status" "MemberStatus" NOT NULL DEFAULT 'pending',
    "jobTitle" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InstitutionMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Need" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "institutionId" UUID NOT NULL,
    "createdById" UUID,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "baseline" TEXT,
    "sectorCode" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "city" TEXT,
    "mode" "MissionMode" NOT NULL,
    "windowStart" DATE NOT NULL,
    "windowEnd" DATE NOT NULL,
    "durationDays" INTEGER NOT NULL,
    "expertsWanted" INTEGER NOT NULL DEFAULT 1,
    "climateTag" BOOLEAN NOT NULL DEFAULT false,
    "genderTag" BOOLEAN NOT NULL DEFAULT false,
    "status" "NeedStatus" NOT NULL DEFAULT 'draft',
    "reviewComment" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "search" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('jisr', coalesce("title", '')), 'A') ||
        setweight(to_tsvector('jisr', coalesce("description", '')), 'B')
    ) STORED,

    CONSTRAINT "Need_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NeedSkill" (
    "needId" UUID NOT NULL,
    "skillId" INTEGER NOT NULL,
    "minLevel" INTEGER NOT NULL,
    "requirement" "SkillRequirement" NOT NULL DEFAULT 'required',

    CONSTRAINT "NeedSkill_pkey" PRIMARY KEY ("needId","skillId")
);

-- CreateTable
CREATE TABLE "NeedLanguage" (
    "needId" UUID NOT NULL,
    "language" TEXT NOT NULL,
    "minLevel" "CefrLevel" NOT NULL,

    CONSTRAINT "NeedLanguage_pkey" PRIMARY KEY ("needId","language")
);

-- CreateTable
CREATE TABLE "NeedEvent" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "needId" UUID NOT NULL,
    "actorId" UUID,
    "fromStatus" "NeedStatus",
    "toStatus" "NeedStatus" NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NeedEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Candidacy" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "needId" UUID NOT NULL,
    "expertId" UUID NOT NULL,
    "status" "CandidacyStatus" NOT NULL,
    "motivation" TEXT,
    "reason" TEXT,
    "respondedAt" TIMESTAMP(3),
    "remindedAt" TIMESTAMP(3),
    "alertedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Candidacy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CandidacyEvent" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "candidacyId" UUID NOT NULL,
    "actorId" UUID,
    "fromStatus" "CandidacyStatus",
    "toStatus" "CandidacyStatus" NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CandidacyEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PerDiemRate" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "city" TEXT NOT NULL,
    "regionCode" TEXT,
    "dailyRate" DECIMAL(12,2) NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'MAD',
    "validFrom" DATE NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "PerDiemRate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Mission" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "needId" UUID NOT NULL,
    "expertId" UUID NOT NULL,
    "candidacyId" UUID,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "status" "MissionStatus" NOT NULL DEFAULT 'proposed',
    "version" INTEGER NOT NULL DEFAULT 0,
    "perDiemRateId" UUID,
    "travelCost" DECIMAL(12,2),
    "perDiemDaily" DECIMAL(12,2),
    "perDiemDays" INTEGER,
    "budgetTotal" DECIMAL(12,2),
    "currency" TEXT NOT NULL DEFAULT 'MAD',
    "briefing" JSONB NOT NULL DEFAULT '{}',
    "rejectionReason" TEXT,
    "cancellationReason" TEXT,
    "approvedAt" TIMESTAMP(3),
    "followUpDueOn" DATE,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Mission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MissionEvent" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "missionId" UUID NOT NULL,
    "actorId" UUID,
    "fromStatus" "MissionStatus",
    "toStatus" "MissionStatus" NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MissionEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MissionReport" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "missionId" UUID NOT NULL,
    "expertActivities" TEXT,
    "expertResults" TEXT,
    "expertRecommendations" TEXT,
    "expertSubmittedAt" TIMESTAMP(3),
    "rating" INTEGER,
    "outcomes" TEXT,
    "evaluatorId" UUID,
    "evaluatedAt" TIMESTAMP(3),
    "followUpNotes" TEXT,
    "followedUpAt" TIMESTAMP(3),

    CONSTRAINT "MissionReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvestmentProject" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "ownerId" UUID,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "sectorCode" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "city" TEXT,
    "totalCost" DECIMAL(14,2) NOT NULL,
    "investorContribution" DECIMAL(14,2) NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'MAD',
    "bankName" TEXT,
    "jobsCreated" INTEGER,
    "isOpportunity" BOOLEAN NOT NULL DEFAULT false,
    "status" "InvestmentStatus" NOT NULL DEFAULT 'draft',
    "eligibility" JSONB,
    "version" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" TIMESTAMP(3),
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InvestmentProject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvestmentInterest" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "projectId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "message" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InvestmentInterest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MatcherWeights" (
    "version" SERIAL NOT NULL,
    "weights" JSONB NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MatcherWeights_pkey" PRIMARY KEY ("version")
);

-- CreateTable
CREATE TABLE "CofinancingRuleSet" (
    "version" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "rules" JSONB NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CofinancingRuleSet_pkey" PRIMARY KEY ("version")
);

-- CreateTable
CREATE TABLE "AppSetting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AppSetting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "link" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "toAddress" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "textBody" TEXT NOT NULL,
    "htmlBody" TEXT,
    "status" "OutboxStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "availableAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "ip" TEXT,
    "details" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "sid" VARCHAR NOT NULL,
    "sess" JSON NOT NULL,
    "expire" TIMESTAMP(6) NOT NULL,

    CONSTRAINT "session_pkey" PRIMARY KEY ("sid")
);

-- CreateIndex
CREATE UNIQUE INDEX "Skill_code_key" ON "Skill"("code");

-- CreateIndex
CREATE INDEX "Skill_sectorCode_idx" ON "Skill"("sectorCode");

-- CreateIndex
CREATE INDEX "Skill_broaderId_idx" ON "Skill"("broaderId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_role_status_idx" ON "User"("role", "status");

-- CreateIndex
CREATE INDEX "Consent_userId_purpose_idx" ON "Consent"("userId", "purpose");

-- CreateIndex
CREATE UNIQUE INDEX "UserToken_tokenHash_key" ON "UserToken"("tokenHash");

-- CreateIndex
CREATE INDEX "UserToken_userId_purpose_idx" ON "UserToken"("userId", "purpose");

-- CreateIndex
CREATE UNIQUE INDEX "ExpertProfile_userId_key" ON "ExpertProfile"("userId");

-- CreateIndex
CREATE INDEX "ExpertProfile_originRegionCode_idx" ON "ExpertProfile"("originRegionCode");

-- CreateIndex
CREATE INDEX "ExpertProfile_countryOfResidence_idx" ON "ExpertProfile"("countryOfResidence");

-- CreateIndex
CREATE INDEX "ExpertDegree_expertId_idx" ON "ExpertDegree"("expertId");

-- CreateIndex
CREATE INDEX "ExpertSkill_skillId_level_idx" ON "ExpertSkill"("skillId", "level");

-- CreateIndex
CREATE INDEX "ExpertLanguage_language_level_idx" ON "ExpertLanguage"("language", "level");

-- CreateIndex
CREATE INDEX "Availability_expertId_startsOn_idx" ON "Availability"("expertId", "startsOn");

-- CreateIndex
CREATE INDEX "Institution_status_regionCode_idx" ON "Institution"("status", "regionCode");

-- CreateIndex
CREATE INDEX "InstitutionMember_userId_idx" ON "InstitutionMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "InstitutionMember_institutionId_userId_key" ON "InstitutionMember"("institutionId", "userId");

-- CreateIndex
CREATE INDEX "Need_status_publishedAt_idx" ON "Need"("status", "publishedAt");

-- CreateIndex
CREATE INDEX "Need_status_sectorCode_idx" ON "Need"("status", "sectorCode");

-- CreateIndex
CREATE INDEX "Need_status_regionCode_idx" ON "Need"("status", "regionCode");

-- CreateIndex
CREATE INDEX "Need_institutionId_status_idx" ON "Need"("institutionId", "status");

-- CreateIndex
CREATE INDEX "NeedSkill_skillId_idx" ON "NeedSkill"("skillId");

-- CreateIndex
CREATE INDEX "NeedEvent_needId_createdAt_idx" ON "NeedEvent"("needId", "createdAt");

-- CreateIndex
CREATE INDEX "Candidacy_expertId_status_idx" ON "Candidacy"("expertId", "status");

-- CreateIndex
CREATE INDEX "Candidacy_status_createdAt_idx" ON "Candidacy"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Candidacy_needId_expertId_key" ON "Candidacy"("needId", "expertId");

-- CreateIndex
CREATE INDEX "CandidacyEvent_candidacyId_createdAt_idx" ON "CandidacyEvent"("candidacyId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PerDiemRate_city_validFrom_key" ON "PerDiemRate"("city", "validFrom");

-- CreateIndex
CREATE UNIQUE INDEX "Mission_candidacyId_key" ON "Mission"("candidacyId");

-- CreateIndex
CREATE INDEX "Mission_expertId_status_startsOn_idx" ON "Mission"("expertId", "status", "startsOn");

-- CreateIndex
CREATE INDEX "Mission_status_startsOn_idx" ON "Mission"("status", "startsOn");

-- CreateIndex
CREATE INDEX "Mission_needId_status_idx" ON "Mission"("needId", "status");

-- CreateIndex
CREATE INDEX "MissionEvent_missionId_createdAt_idx" ON "MissionEvent"("missionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MissionReport_missionId_key" ON "MissionReport"("missionId");

-- CreateIndex
CREATE INDEX "InvestmentProject_status_regionCode_idx" ON "InvestmentProject"("status", "regionCode");

-- CreateIndex
CREATE INDEX "InvestmentProject_ownerId_idx" ON "InvestmentProject"("ownerId");

-- CreateIndex
CREATE UNIQUE INDEX "InvestmentInterest_projectId_userId_key" ON "InvestmentInterest"("projectId", "userId");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxEmail_status_availableAt_idx" ON "OutboxEmail"("status", "availableAt");

-- CreateIndex
CREATE INDEX "AuditLog_entity_entityId_idx" ON "AuditLog"("entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_createdAt_idx" ON "AuditLog"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE INDEX "session_expire_idx" ON "session"("expire");

-- AddForeignKey
ALTER TABLE "Skill" ADD CONSTRAINT "Skill_sectorCode_fkey" FOREIGN KEY ("sectorCode") REFERENCES "Sector"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Skill" ADD CONSTRAINT "Skill_broaderId_fkey" FOREIGN KEY ("broaderId") REFERENCES "Skill"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserToken" ADD CONSTRAINT "UserToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertProfile" ADD CONSTRAINT "ExpertProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertProfile" ADD CONSTRAINT "ExpertProfile_originRegionCode_fkey" FOREIGN KEY ("originRegionCode") REFERENCES "Region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertDegree" ADD CONSTRAINT "ExpertDegree_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "ExpertProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertSkill" ADD CONSTRAINT "ExpertSkill_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "ExpertProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertSkill" ADD CONSTRAINT "ExpertSkill_skillId_fkey" FOREIGN KEY ("skillId") REFERENCES "Skill"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertLanguage" ADD CONSTRAINT "ExpertLanguage_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "ExpertProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Availability" ADD CONSTRAINT "Availability_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "ExpertProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Institution" ADD CONSTRAINT "Institution_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstitutionMember" ADD CONSTRAINT "InstitutionMember_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstitutionMember" ADD CONSTRAINT "InstitutionMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Need" ADD CONSTRAINT "Need_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Need" ADD CONSTRAINT "Need_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Need" ADD CONSTRAINT "Need_sectorCode_fkey" FOREIGN KEY ("sectorCode") REFERENCES "Sector"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Need" ADD CONSTRAINT "Need_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedSkill" ADD CONSTRAINT "NeedSkill_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedSkill" ADD CONSTRAINT "NeedSkill_skillId_fkey" FOREIGN KEY ("skillId") REFERENCES "Skill"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedLanguage" ADD CONSTRAINT "NeedLanguage_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedEvent" ADD CONSTRAINT "NeedEvent_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedEvent" ADD CONSTRAINT "NeedEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Candidacy" ADD CONSTRAINT "Candidacy_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Candidacy" ADD CONSTRAINT "Candidacy_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "ExpertProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CandidacyEvent" ADD CONSTRAINT "CandidacyEvent_candidacyId_fkey" FOREIGN KEY ("candidacyId") REFERENCES "Candidacy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CandidacyEvent" ADD CONSTRAINT "CandidacyEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PerDiemRate" ADD CONSTRAINT "PerDiemRate_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mission" ADD CONSTRAINT "Mission_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mission" ADD CONSTRAINT "Mission_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "ExpertProfile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mission" ADD CONSTRAINT "Mission_candidacyId_fkey" FOREIGN KEY ("candidacyId") REFERENCES "Candidacy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mission" ADD CONSTRAINT "Mission_perDiemRateId_fkey" FOREIGN KEY ("perDiemRateId") REFERENCES "PerDiemRate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MissionEvent" ADD CONSTRAINT "MissionEvent_missionId_fkey" FOREIGN KEY ("missionId") REFERENCES "Mission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MissionEvent" ADD CONSTRAINT "MissionEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MissionReport" ADD CONSTRAINT "MissionReport_missionId_fkey" FOREIGN KEY ("missionId") REFERENCES "Mission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvestmentProject" ADD CONSTRAINT "InvestmentProject_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvestmentProject" ADD CONSTRAINT "InvestmentProject_sectorCode_fkey" FOREIGN KEY ("sectorCode") REFERENCES "Sector"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvestmentProject" ADD CONSTRAINT "InvestmentProject_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvestmentInterest" ADD CONSTRAINT "InvestmentInterest_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "InvestmentProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvestmentInterest" ADD CONSTRAINT "InvestmentInterest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- ---------- hand-written: search and array indexes, integrity checks ----------

CREATE INDEX "Need_search_idx" ON "Need" USING GIN ("search");
CREATE INDEX "Need_published_window_idx" ON "Need" ("windowStart", "windowEnd") WHERE "status" = 'published';
CREATE INDEX "ExpertProfile_sectors_idx" ON "ExpertProfile" USING GIN ("sectors");
CREATE INDEX "ExpertProfile_preferredRegions_idx" ON "ExpertProfile" USING GIN ("preferredRegions");
CREATE INDEX "Skill_labels_trgm_idx" ON "Skill" USING GIN (("labelFr" || ' ' || "labelEn" || ' ' || "labelAr") gin_trgm_ops);

ALTER TABLE "ExpertSkill" ADD CONSTRAINT "ExpertSkill_level_check" CHECK ("level" BETWEEN 1 AND 4);
ALTER TABLE "ExpertSkill" ADD CONSTRAINT "ExpertSkill_years_check" CHECK ("years" IS NULL OR "years" BETWEEN 0 AND 70);
ALTER TABLE "NeedSkill" ADD CONSTRAINT "NeedSkill_minLevel_check" CHECK ("minLevel" BETWEEN 1 AND 4);
ALTER TABLE "Availability" ADD CONSTRAINT "Availability_range_check" CHECK ("endsOn" >= "startsOn");
ALTER TABLE "Need" ADD CONSTRAINT "Need_window_check" CHECK ("windowEnd" >= "windowStart");
ALTER TABLE "Need" ADD CONSTRAINT "Need_duration_check" CHECK ("durationDays" BETWEEN 1 AND 365);
ALTER TABLE "Need" ADD CONSTRAINT "Need_expertsWanted_check" CHECK ("expertsWanted" BETWEEN 1 AND 50);
ALTER TABLE "Mission" ADD CONSTRAINT "Mission_dates_check" CHECK ("endsOn" >= "startsOn");
ALTER TABLE "MissionReport" ADD CONSTRAINT "MissionReport_rating_check" CHECK ("rating" IS NULL OR "rating" BETWEEN 1 AND 5);
ALTER TABLE "ExpertProfile" ADD CONSTRAINT "ExpertProfile_years_check" CHECK ("yearsExperience" IS NULL OR "yearsExperience" BETWEEN 0 AND 70);
ALTER TABLE "InvestmentProject" ADD CONSTRAINT "InvestmentProject_amounts_check" CHECK ("totalCost" >= 0 AND "investorContribution" >= 0);
