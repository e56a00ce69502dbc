-- Issue 13, item 2: institutions of partner countries register too (South–South exchanges). An institution has a
-- country (ISO 3166-1 alpha-2, the home country by default); only institutions of the home country sit in one of
-- its regions, so the region becomes optional for the others.
ALTER TABLE "Institution" ADD COLUMN "countryCode" TEXT NOT NULL DEFAULT 'MA',
  ADD CONSTRAINT "Institution_countryCode_iso" CHECK ("countryCode" ~ '^[A-Z]{2}$');
ALTER TABLE "Institution" ALTER COLUMN "regionCode" DROP NOT NULL;
ALTER TABLE "Institution" ADD CONSTRAINT "Institution_home_has_region" CHECK ("countryCode" <> 'MA' OR "regionCode" IS NOT NULL);
