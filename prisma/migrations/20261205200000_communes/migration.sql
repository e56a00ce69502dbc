-- Issue 13, item 5: communes per region as reference data. An expert's commune of origin becomes a value from this
-- list (the free-text "originCommune" stays as typed for now; the reference seed links it to a commune when the
-- names match), and a need may name the commune it serves.
CREATE TABLE "Commune" (
  "code"       TEXT NOT NULL,
  "regionCode" TEXT NOT NULL,
  "nameFr"     TEXT NOT NULL,
  "nameAr"     TEXT NOT NULL,
  "nameEn"     TEXT NOT NULL,
  "createdAt"  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "Commune_pkey" PRIMARY KEY ("code"),
  CONSTRAINT "Commune_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE,
  -- the code starts with its region's code: forms check that a commune belongs to the region chosen with it
  CONSTRAINT "Commune_code_in_region" CHECK (split_part("code", '-', 1) = "regionCode")
);
CREATE INDEX "Commune_regionCode_idx" ON "Commune" ("regionCode");

ALTER TABLE "ExpertProfile" ADD COLUMN "originCommuneCode" TEXT,
  ADD CONSTRAINT "ExpertProfile_originCommuneCode_fkey" FOREIGN KEY ("originCommuneCode") REFERENCES "Commune"("code") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "ExpertProfile_originCommuneCode_idx" ON "ExpertProfile" ("originCommuneCode");

ALTER TABLE "Need" ADD COLUMN "communeCode" TEXT,
  ADD CONSTRAINT "Need_communeCode_fkey" FOREIGN KEY ("communeCode") REFERENCES "Commune"("code") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "Need_communeCode_idx" ON "Need" ("communeCode");
