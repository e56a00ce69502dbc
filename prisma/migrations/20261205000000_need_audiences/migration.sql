-- Issue 13, item 1: whom a need is open to, the partner countries of South–South exchange, and the residence
-- status of immigrants living in the home country who register as experts.

-- Partner countries are reference data an admin edits: an ISO 3166-1 alpha-2 code and a name in each language.
CREATE TABLE "PartnerCountry" (
  "code"      TEXT NOT NULL,
  "nameFr"    TEXT NOT NULL,
  "nameAr"    TEXT NOT NULL,
  "nameEn"    TEXT NOT NULL,
  "active"    BOOLEAN NOT NULL DEFAULT true,
  "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "PartnerCountry_pkey" PRIMARY KEY ("code"),
  CONSTRAINT "PartnerCountry_code_iso" CHECK ("code" ~ '^[A-Z]{2}$')
);

-- Every need existing before audiences were known was a diaspora need (TRQN), so the default keeps its meaning.
ALTER TABLE "Need" ADD COLUMN "audiences" "ExpertKind"[] NOT NULL DEFAULT ARRAY['diaspora']::"ExpertKind"[];
ALTER TABLE "Need" ADD CONSTRAINT "Need_audiences_not_empty" CHECK (cardinality("audiences") >= 1);
-- The catalogue filters published needs by audience (array containment).
CREATE INDEX "Need_audiences_idx" ON "Need" USING GIN ("audiences");

CREATE TYPE "ResidenceStatus" AS ENUM ('resident_card', 'work_permit', 'student', 'refugee', 'other');
ALTER TABLE "ExpertProfile" ADD COLUMN "residenceStatus" "ResidenceStatus";
