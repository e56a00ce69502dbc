import type { PrismaClient } from '../db/prisma.js';
import type { Job } from '../jobs/scheduler.js';
import { institutionStaff, notify } from '../notifications/notify.js';

/**
 * A year after an evaluated mission, its institution and expert are asked "what changed since?". Once per mission:
 * the stamp is claimed by a conditional UPDATE … RETURNING.
 */
export async function remindFollowUps(deps: { prisma: PrismaClient; publicUrl: string }, now: Date): Promise<number> {
  const due = await deps.prisma.$queryRaw<{ id: string }[]>`
    UPDATE "Mission" SET "followUpRemindedAt" = ${now}
    WHERE status = 'evaluated' AND "followUpRemindedAt" IS NULL AND "followUpDueOn" <= ${now}
    RETURNING id`;
  for (const { id } of due) {
    const m = await deps.prisma.mission.findUniqueOrThrow({ where: { id }, include: { need: true, expert: { select: { userId: true } } } });
    const recipients = [m.expert.userId, ...(await institutionStaff(deps.prisma, m.need.institutionId))];
    await notify(deps.prisma, deps.publicUrl, recipients, { kind: 'mission.follow_up_due', params: { missionTitle: m.need.title }, link: `/missions/${m.id}` });
  }
  return due.length;
}

export function followUpJob(deps: { prisma: PrismaClient; publicUrl: string }): Job {
  return { name: 'mission-follow-up', everyMs: 60 * 60_000, run: (now) => remindFollowUps(deps, now) };
}
