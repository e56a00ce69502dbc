-- Issue 13, item 2: exchanges of practice between institutions (AMEDIP). An institution offers a practice it can
-- share or asks for one it wants to learn; a request and an offer of two institutions make an exchange, whose
-- lifecycle proposed → agreed → held → reported (or cancelled) is recorded step by step.
CREATE TYPE "ExchangeFormat" AS ENUM ('study_visit', 'workshop', 'remote_session');
CREATE TYPE "ExchangeStatus" AS ENUM ('proposed', 'agreed', 'held', 'reported', 'cancelled');

CREATE TABLE "ExchangeOffer" (
  "id"            UUID NOT NULL DEFAULT gen_random_uuid(),
  "institutionId" UUID NOT NULL,
  "title"         TEXT NOT NULL,
  "description"   TEXT NOT NULL,
  "theme"         TEXT NOT NULL,
  "sectorCode"    TEXT NOT NULL,
  "formats"       "ExchangeFormat"[],
  "languages"     TEXT[],
  "open"          BOOLEAN NOT NULL DEFAULT true,
  "createdById"   UUID,
  "createdAt"     TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "ExchangeOffer_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "ExchangeOffer_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "ExchangeOffer_sectorCode_fkey" FOREIGN KEY ("sectorCode") REFERENCES "Sector"("code") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "ExchangeOffer_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "ExchangeOffer_open_theme_idx" ON "ExchangeOffer" ("open", "theme");
CREATE INDEX "ExchangeOffer_institutionId_idx" ON "ExchangeOffer" ("institutionId");

CREATE TABLE "ExchangeRequest" (
  "id"            UUID NOT NULL DEFAULT gen_random_uuid(),
  "institutionId" UUID NOT NULL,
  "title"         TEXT NOT NULL,
  "description"   TEXT NOT NULL,
  "theme"         TEXT NOT NULL,
  "sectorCode"    TEXT NOT NULL,
  "formats"       "ExchangeFormat"[],
  "languages"     TEXT[],
  "open"          BOOLEAN NOT NULL DEFAULT true,
  "createdById"   UUID,
  "createdAt"     TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "ExchangeRequest_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "ExchangeRequest_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "ExchangeRequest_sectorCode_fkey" FOREIGN KEY ("sectorCode") REFERENCES "Sector"("code") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "ExchangeRequest_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "ExchangeRequest_open_theme_idx" ON "ExchangeRequest" ("open", "theme");
CREATE INDEX "ExchangeRequest_institutionId_idx" ON "ExchangeRequest" ("institutionId");

CREATE TABLE "Exchange" (
  "id"          UUID NOT NULL DEFAULT gen_random_uuid(),
  "offerId"     UUID NOT NULL,
  "requestId"   UUID NOT NULL,
  "status"      "ExchangeStatus" NOT NULL DEFAULT 'proposed',
  "report"      TEXT,
  "version"     INTEGER NOT NULL DEFAULT 0,
  "createdAt"   TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedAt"   TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "Exchange_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "Exchange_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "ExchangeOffer"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "Exchange_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ExchangeRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "Exchange_offerId_requestId_key" ON "Exchange" ("offerId", "requestId");
CREATE INDEX "Exchange_requestId_idx" ON "Exchange" ("requestId");

CREATE TABLE "ExchangeEvent" (
  "id"         UUID NOT NULL DEFAULT gen_random_uuid(),
  "exchangeId" UUID NOT NULL,
  "actorId"    UUID,
  "fromStatus" "ExchangeStatus",
  "toStatus"   "ExchangeStatus" NOT NULL,
  "note"       TEXT,
  "createdAt"  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "ExchangeEvent_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "ExchangeEvent_exchangeId_fkey" FOREIGN KEY ("exchangeId") REFERENCES "Exchange"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "ExchangeEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "ExchangeEvent_exchangeId_createdAt_idx" ON "ExchangeEvent" ("exchangeId", "createdAt");
