import type { PrismaClient } from '../db/prisma.js';
import type { Job } from '../jobs/scheduler.js';
import { institutionStaff, notify, officers } from '../notifications/notify.js';

export const DEADLINES_SETTING = 'candidacy.deadlines';
export const DEFAULT_DEADLINES = { reminderDays: 10, alertDays: 20 };
const DAY = 86_400_000;

export async function readDeadlines(prisma: PrismaClient): Promise<typeof DEFAULT_DEADLINES> {
  const row = await prisma.appSetting.findUnique({ where: { key: DEADLINES_SETTING } });
  return { ...DEFAULT_DEADLINES, ...((row?.value as Partial<typeof DEFAULT_DEADLINES> | null) ?? {}) };
}

/**
 * Nobody is left waiting: an application the institution has not answered after `reminderDays` reminds its staff,
 * after `alertDays` alerts the officers (and shows on their queue). Each fires once: the stamp is claimed by a
 * conditional UPDATE … RETURNING, so two instances running the job never both send.
 */
export async function remindUnansweredCandidacies(deps: { prisma: PrismaClient; publicUrl: string }, now: Date): Promise<number> {
  const { prisma } = deps;
  const { reminderDays, alertDays } = await readDeadlines(prisma);
  const reminded = await prisma.$queryRaw<{ id: string; needId: string }[]>`
    UPDATE "Candidacy" SET "remindedAt" = ${now}
    WHERE status = 'applied' AND "respondedAt" IS NULL AND "remindedAt" IS NULL AND "createdAt" <= ${new Date(now.getTime() - reminderDays * DAY)}
    RETURNING id, "needId"`;
  const alerted = await prisma.$queryRaw<{ id: string; needId: string }[]>`
    UPDATE "Candidacy" SET "alertedAt" = ${now}
    WHERE status = 'applied' AND "respondedAt" IS NULL AND "alertedAt" IS NULL AND "createdAt" <= ${new Date(now.getTime() - alertDays * DAY)}
    RETURNING id, "needId"`;
  const needs = new Map(
    (await prisma.need.findMany({ where: { id: { in: [...reminded, ...alerted].map((r) => r.needId) } }, include: { institution: true } })).map((n) => [n.id, n]),
  );
  for (const r of reminded) {
    const need = needs.get(r.needId)!;
    await notify(prisma, deps.publicUrl, await institutionStaff(prisma, need.institutionId), {
      kind: 'candidacy.reminder', params: { needTitle: need.title, days: String(reminderDays) }, link: `/needs/${need.id}`,
    });
  }
  const officerIds = alerted.length ? await officers(prisma) : [];
  for (const a of alerted) {
    const need = needs.get(a.needId)!;
    await notify(prisma, deps.publicUrl, officerIds, {
      kind: 'candidacy.overdue', params: { needTitle: need.title, institution: need.institution.name, days: String(alertDays) }, link: `/needs/${need.id}`,
    });
  }
  return reminded.length + alerted.length;
}

export function candidacyDeadlinesJob(deps: { prisma: PrismaClient; publicUrl: string }): Job {
  return { name: 'candidacy-deadlines', everyMs: 15 * 60_000, run: (now) => remindUnansweredCandidacies(deps, now) };
}
