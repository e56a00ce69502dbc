-- The diaspora investment track (issue 11): investment sectors and partner banks as reference data, co-financing
-- rule sets with versions and effective dates (MDM Invest seeded as version 1), the project lifecycle with its
-- events, evaluations and officers' overrides, and published opportunities with their interests.

-- CreateEnum
CREATE TYPE "ProjectKind" AS ENUM ('creation', 'extension');
CREATE TYPE "PromoterStatus" AS ENUM ('abroad', 'returned');
CREATE TYPE "OpportunityKind" AS ENUM ('offer', 'seek');
CREATE TYPE "OpportunityStatus" AS ENUM ('open', 'closed');

-- CreateTable
CREATE TABLE "InvestmentSector" (
    "code" TEXT NOT NULL,
    "nameFr" TEXT NOT NULL,
    "nameAr" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "priority" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "InvestmentSector_pkey" PRIMARY KEY ("code")
);

-- Reference data: the four priority sectors of MDM Invest first, with the codes the simulator's URL uses.
INSERT INTO "InvestmentSector" ("code", "nameFr", "nameAr", "nameEn", "priority", "sortOrder") VALUES
  ('industry', 'Industrie et services liés à l''industrie', 'الصناعة والخدمات المرتبطة بها', 'Industry and industry-related services', true, 1),
  ('education', 'Enseignement et formation', 'التعليم والتكوين', 'Education and training', true, 2),
  ('hotels', 'Hôtellerie', 'الفندقة', 'Hotels', true, 3),
  ('health', 'Santé', 'الصحة', 'Health', true, 4),
  ('agriculture', 'Agriculture et agro-alimentaire', 'الفلاحة والصناعات الغذائية', 'Agriculture and agri-food', false, 5),
  ('tourism', 'Tourisme et artisanat (hors hôtellerie)', 'السياحة والصناعة التقليدية (باستثناء الفندقة)', 'Tourism and crafts (other than hotels)', false, 6),
  ('energy', 'Énergies renouvelables', 'الطاقات المتجددة', 'Renewable energy', false, 7),
  ('environment', 'Eau, recyclage et environnement', 'الماء وإعادة التدوير والبيئة', 'Water, recycling and environment', false, 8),
  ('digital', 'Numérique', 'الرقمنة', 'Digital', false, 9),
  ('logistics', 'Transport et logistique', 'النقل واللوجستيك', 'Transport and logistics', false, 10),
  ('trade', 'Commerce et services', 'التجارة والخدمات', 'Trade and services', false, 11),
  ('other', 'Autre secteur', 'قطاع آخر', 'Other sector', false, 12);

-- CreateTable
CREATE TABLE "PartnerBank" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartnerBank_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "PartnerBank_name_key" ON "PartnerBank"("name");

-- The starting list; admins edit it at /admin/partner-banks.
INSERT INTO "PartnerBank" ("name") VALUES
  ('Attijariwafa bank'), ('Banque Populaire'), ('Bank of Africa'), ('CIH Bank'), ('Crédit Agricole du Maroc'),
  ('Société Générale Maroc'), ('BMCI'), ('Crédit du Maroc'), ('Al Barid Bank');

-- Generated demo rows of the old shape go: the demo is now made through the commands (src/demo/seed-investments.ts),
-- which run once more on the next start. Interests pointed at projects; they now point at opportunities.
DELETE FROM "InvestmentInterest";
DELETE FROM "InvestmentProject" WHERE "isDemo";

-- InvestmentProject: investment sectors instead of the programme's sectors, partner banks, the simulator's inputs,
-- jobs for gender reporting, climate tags, the business plan, the officer's decision and the grant granted.
ALTER TABLE "InvestmentProject" DROP CONSTRAINT "InvestmentProject_sectorCode_fkey";
UPDATE "InvestmentProject" SET "sectorCode" = CASE "sectorCode"
  WHEN 'industry' THEN 'industry' WHEN 'health' THEN 'health' WHEN 'education' THEN 'education'
  WHEN 'higher_education' THEN 'education' WHEN 'tourism' THEN 'tourism' WHEN 'agriculture' THEN 'agriculture'
  WHEN 'energy' THEN 'energy' WHEN 'water_environment' THEN 'environment' WHEN 'climate' THEN 'environment'
  WHEN 'digital' THEN 'digital' WHEN 'transport' THEN 'logistics' ELSE 'other' END;
ALTER TABLE "InvestmentProject" RENAME COLUMN "investorContribution" TO "ownFunds";
ALTER TABLE "InvestmentProject"
    ADD COLUMN "kind" "ProjectKind" NOT NULL DEFAULT 'creation',
    ADD COLUMN "promoterStatus" "PromoterStatus" NOT NULL DEFAULT 'abroad',
    ADD COLUMN "returnedMonthsAgo" INTEGER,
    ADD COLUMN "diasporaSharePercent" DECIMAL(5,2) NOT NULL DEFAULT 100,
    ADD COLUMN "otherFunds" DECIMAL(14,2) NOT NULL DEFAULT 0,
    ADD COLUMN "bankId" UUID,
    ADD COLUMN "jobsWomen" INTEGER,
    ADD COLUMN "jobsMen" INTEGER,
    ADD COLUMN "jobsUnder30" INTEGER,
    ADD COLUMN "climateTags" TEXT[],
    ADD COLUMN "businessPlanKey" TEXT,
    ADD COLUMN "businessPlanUploadedAt" TIMESTAMP(3),
    ADD COLUMN "decisionReason" TEXT,
    ADD COLUMN "grantAwarded" DECIMAL(14,2),
    ADD COLUMN "fundedOn" DATE;
UPDATE "InvestmentProject" p SET "bankId" = b."id" FROM "PartnerBank" b WHERE b."name" = p."bankName";
ALTER TABLE "InvestmentProject" DROP COLUMN "bankName", DROP COLUMN "isOpportunity";
ALTER TABLE "InvestmentProject" ADD CONSTRAINT "InvestmentProject_sectorCode_fkey" FOREIGN KEY ("sectorCode") REFERENCES "InvestmentSector"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "InvestmentProject" ADD CONSTRAINT "InvestmentProject_bankId_fkey" FOREIGN KEY ("bankId") REFERENCES "PartnerBank"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "InvestmentProject_status_sectorCode_idx" ON "InvestmentProject"("status", "sectorCode");
CREATE INDEX "InvestmentProject_bankId_idx" ON "InvestmentProject"("bankId");
ALTER TABLE "InvestmentProject" ADD CONSTRAINT "InvestmentProject_share_check" CHECK ("diasporaSharePercent" > 0 AND "diasporaSharePercent" <= 100);
ALTER TABLE "InvestmentProject" ADD CONSTRAINT "InvestmentProject_funds_check" CHECK ("otherFunds" >= 0 AND "ownFunds" + "otherFunds" <= "totalCost" AND ("grantAwarded" IS NULL OR "grantAwarded" >= 0));
ALTER TABLE "InvestmentProject" ADD CONSTRAINT "InvestmentProject_jobs_check" CHECK (coalesce("jobsWomen", 0) >= 0 AND coalesce("jobsMen", 0) >= 0 AND coalesce("jobsUnder30", 0) >= 0);

-- CreateTable
CREATE TABLE "InvestmentEvent" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "projectId" UUID NOT NULL,
    "actorId" UUID,
    "fromStatus" "InvestmentStatus",
    "toStatus" "InvestmentStatus" NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InvestmentEvent_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "InvestmentEvent_projectId_createdAt_idx" ON "InvestmentEvent"("projectId", "createdAt");
ALTER TABLE "InvestmentEvent" ADD CONSTRAINT "InvestmentEvent_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "InvestmentProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "InvestmentEvent" ADD CONSTRAINT "InvestmentEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CofinancingRuleSet: effective dates, a note and its author; MDM Invest's published rules as version 1.
ALTER TABLE "CofinancingRuleSet"
    ADD COLUMN "effectiveFrom" DATE NOT NULL DEFAULT CURRENT_DATE,
    ADD COLUMN "note" TEXT,
    ADD COLUMN "createdById" UUID;
INSERT INTO "CofinancingRuleSet" ("version", "name", "rules", "active", "effectiveFrom", "note") VALUES (1, 'MDM Invest',
  '{"currency":"MAD","rules":[{"id":"min_total_cost","kind":"min_total_cost","min":"1000000"},{"id":"project_kind","kind":"project_kind","allowed":["creation","extension"]},{"id":"promoter","kind":"promoter_status","allowed":["abroad","returned"],"maxReturnedMonths":12},{"id":"own_funds","kind":"min_own_funds_share","minPercent":"25"},{"id":"sector","kind":"sector_in","sectors":["industry","education","hotels","health"]}],"grant":{"percentOfDiasporaShare":"10","cap":"5000000"}}',
  true, DATE '2020-01-01', 'Published MDM Invest rules')
  ON CONFLICT ("version") DO NOTHING;
SELECT setval(pg_get_serial_sequence('"CofinancingRuleSet"', 'version'), (SELECT max("version") FROM "CofinancingRuleSet"));

-- CreateTable
CREATE TABLE "InvestmentEvaluation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "projectId" UUID NOT NULL,
    "ruleSetVersion" INTEGER NOT NULL,
    "eligible" BOOLEAN NOT NULL,
    "grant" DECIMAL(14,2) NOT NULL,
    "result" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InvestmentEvaluation_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "InvestmentEvaluation_projectId_createdAt_idx" ON "InvestmentEvaluation"("projectId", "createdAt");
ALTER TABLE "InvestmentEvaluation" ADD CONSTRAINT "InvestmentEvaluation_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "InvestmentProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "InvestmentEvaluation" ADD CONSTRAINT "InvestmentEvaluation_ruleSetVersion_fkey" FOREIGN KEY ("ruleSetVersion") REFERENCES "CofinancingRuleSet"("version") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "InvestmentRuleOverride" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "projectId" UUID NOT NULL,
    "ruleId" TEXT NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "reason" TEXT NOT NULL,
    "officerId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InvestmentRuleOverride_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "InvestmentRuleOverride_projectId_ruleId_createdAt_idx" ON "InvestmentRuleOverride"("projectId", "ruleId", "createdAt");
ALTER TABLE "InvestmentRuleOverride" ADD CONSTRAINT "InvestmentRuleOverride_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "InvestmentProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "InvestmentRuleOverride" ADD CONSTRAINT "InvestmentRuleOverride_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "InvestmentRuleOverride" ADD CONSTRAINT "InvestmentRuleOverride_reason_check" CHECK (length(btrim("reason")) > 0);

-- CreateTable
CREATE TABLE "InvestmentOpportunity" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "publisherId" UUID,
    "institutionId" UUID,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "kind" "OpportunityKind" NOT NULL,
    "sectorCode" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "city" TEXT,
    "ticketMin" DECIMAL(14,2) NOT NULL,
    "ticketMax" DECIMAL(14,2) NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'MAD',
    "status" "OpportunityStatus" NOT NULL DEFAULT 'open',
    "version" INTEGER NOT NULL DEFAULT 0,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    -- the same accent-insensitive search as the needs catalogue (the `jisr` configuration of the first migration)
    "search" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('jisr', coalesce("title", '')), 'A') ||
        setweight(to_tsvector('jisr', coalesce("description", '')), 'B')
    ) STORED,

    CONSTRAINT "InvestmentOpportunity_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "InvestmentOpportunity_status_regionCode_idx" ON "InvestmentOpportunity"("status", "regionCode");
CREATE INDEX "InvestmentOpportunity_status_sectorCode_idx" ON "InvestmentOpportunity"("status", "sectorCode");
CREATE INDEX "InvestmentOpportunity_institutionId_idx" ON "InvestmentOpportunity"("institutionId");
CREATE INDEX "InvestmentOpportunity_publisherId_idx" ON "InvestmentOpportunity"("publisherId");
CREATE INDEX "InvestmentOpportunity_search_idx" ON "InvestmentOpportunity" USING GIN ("search");
ALTER TABLE "InvestmentOpportunity" ADD CONSTRAINT "InvestmentOpportunity_publisherId_fkey" FOREIGN KEY ("publisherId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "InvestmentOpportunity" ADD CONSTRAINT "InvestmentOpportunity_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "InvestmentOpportunity" ADD CONSTRAINT "InvestmentOpportunity_sectorCode_fkey" FOREIGN KEY ("sectorCode") REFERENCES "InvestmentSector"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "InvestmentOpportunity" ADD CONSTRAINT "InvestmentOpportunity_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "InvestmentOpportunity" ADD CONSTRAINT "InvestmentOpportunity_tickets_check" CHECK ("ticketMin" > 0 AND "ticketMin" <= "ticketMax");

-- InvestmentInterest: an interest in a published opportunity (emptied above), with the publisher's answer.
ALTER TABLE "InvestmentInterest" DROP CONSTRAINT "InvestmentInterest_projectId_fkey";
DROP INDEX "InvestmentInterest_projectId_userId_key";
ALTER TABLE "InvestmentInterest" DROP COLUMN "projectId";
ALTER TABLE "InvestmentInterest"
    ADD COLUMN "opportunityId" UUID NOT NULL,
    ADD COLUMN "answer" TEXT,
    ADD COLUMN "answeredAt" TIMESTAMP(3);
CREATE UNIQUE INDEX "InvestmentInterest_opportunityId_userId_key" ON "InvestmentInterest"("opportunityId", "userId");
CREATE INDEX "InvestmentInterest_userId_idx" ON "InvestmentInterest"("userId");
ALTER TABLE "InvestmentInterest" ADD CONSTRAINT "InvestmentInterest_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "InvestmentOpportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;
