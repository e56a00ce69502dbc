-- Missions: the days a mission really started and completed, which may differ from the planned startsOn/endsOn.
-- The certificate prints these, so a mission can no longer be certified for days it did not take place.
ALTER TABLE "Mission" ADD COLUMN "startedOn" DATE, ADD COLUMN "completedOn" DATE;

-- Missions already started or done before this column existed: the day their transition was recorded, or the
-- planned day when no event says so.
UPDATE "Mission" m SET "startedOn" = COALESCE(
  (SELECT min(e."createdAt")::date FROM "MissionEvent" e WHERE e."missionId" = m."id" AND e."toStatus" = 'in_progress'),
  m."startsOn")
WHERE m."status" IN ('in_progress', 'completed', 'reported', 'evaluated', 'followed_up')
   OR EXISTS (SELECT 1 FROM "MissionEvent" e WHERE e."missionId" = m."id" AND e."toStatus" = 'in_progress');

UPDATE "Mission" m SET "completedOn" = GREATEST(COALESCE(
  (SELECT min(e."createdAt")::date FROM "MissionEvent" e WHERE e."missionId" = m."id" AND e."toStatus" = 'completed'),
  m."endsOn"), m."startedOn")
WHERE m."status" IN ('completed', 'reported', 'evaluated', 'followed_up');

ALTER TABLE "Mission" ADD CONSTRAINT "Mission_completed_after_start" CHECK ("completedOn" >= "startedOn");
