-- Issue 13, item 3: workshops and events of South–South exchange. Officers create them; experts and institution
-- staff register; a waiting list when full, promoted in order of registration; attendance; outcomes.

CREATE TYPE "EventStatus" AS ENUM ('open', 'cancelled', 'held');
CREATE TYPE "RegistrationStatus" AS ENUM ('confirmed', 'waitlisted', 'cancelled');

CREATE TABLE "Event" (
  "id"                   UUID NOT NULL DEFAULT gen_random_uuid(),
  "title"                TEXT NOT NULL,
  "description"          TEXT NOT NULL,
  "theme"                TEXT NOT NULL,
  "startsAt"             TIMESTAMP(3) NOT NULL,
  "endsAt"               TIMESTAMP(3) NOT NULL,
  "timeZone"             TEXT NOT NULL,
  "place"                TEXT,
  "onlineUrl"            TEXT,
  "languages"            TEXT[],
  "capacity"             INTEGER NOT NULL,
  "audiences"            "ExpertKind"[] NOT NULL DEFAULT ARRAY['diaspora']::"ExpertKind"[],
  "registrationDeadline" TIMESTAMP(3) NOT NULL,
  "status"               "EventStatus" NOT NULL DEFAULT 'open',
  "outcomes"             TEXT,
  "version"              INTEGER NOT NULL DEFAULT 0,
  "createdById"          UUID,
  "createdAt"            TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updatedAt"            TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "Event_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "Event_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "Event_capacity_positive" CHECK ("capacity" BETWEEN 1 AND 10000),
  CONSTRAINT "Event_ends_after_start" CHECK ("endsAt" > "startsAt"),
  CONSTRAINT "Event_deadline_before_end" CHECK ("registrationDeadline" <= "endsAt"),
  CONSTRAINT "Event_place_or_online" CHECK ("place" IS NOT NULL OR "onlineUrl" IS NOT NULL)
);
CREATE INDEX "Event_startsAt_idx" ON "Event" ("startsAt");

CREATE TABLE "EventRegistration" (
  "id"           UUID NOT NULL DEFAULT gen_random_uuid(),
  "eventId"      UUID NOT NULL,
  "userId"       UUID NOT NULL,
  "status"       "RegistrationStatus" NOT NULL,
  "attended"     BOOLEAN,
  "registeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "promotedAt"   TIMESTAMP(3),
  "cancelledAt"  TIMESTAMP(3),
  CONSTRAINT "EventRegistration_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "EventRegistration_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "EventRegistration_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "EventRegistration_eventId_userId_key" ON "EventRegistration" ("eventId", "userId");
-- seats taken and the waiting list in order of registration
CREATE INDEX "EventRegistration_eventId_status_registeredAt_idx" ON "EventRegistration" ("eventId", "status", "registeredAt");
CREATE INDEX "EventRegistration_userId_idx" ON "EventRegistration" ("userId");
