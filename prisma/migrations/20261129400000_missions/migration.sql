-- Missions: the one-year follow-up reminder is sent once (stamped when claimed), and approved missions of an expert
-- are found quickly for the overlap check.
ALTER TABLE "Mission" ADD COLUMN "followUpRemindedAt" TIMESTAMP(3);

CREATE INDEX "Mission_followUp_due_idx" ON "Mission" ("followUpDueOn") WHERE "status" = 'evaluated' AND "followUpRemindedAt" IS NULL;
