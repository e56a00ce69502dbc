import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.js';
import { DEADLINES_SETTING } from '../candidacies/response-deadlines.js';
import type { PrismaClient } from '../db/prisma.js';

const days = (max: number) => z.coerce.number({ message: 'refAdmin.errors.days' }).int('refAdmin.errors.days').min(1, 'refAdmin.errors.days').max(max, 'refAdmin.errors.days');

/** The candidacy deadlines (src/candidacies/response-deadlines.ts): the alert to officers comes after the reminder. */
export const deadlinesSchema = z.object({ reminderDays: days(90), alertDays: days(180) }).superRefine((v, ctx) => {
  if (v.alertDays <= v.reminderDays) ctx.addIssue({ code: 'custom', path: ['alertDays'], message: 'refAdmin.errors.alertAfterReminder' });
});

/** Saves the deadlines with its audit entry. The job reads the setting at every run: no cache to empty. */
export async function saveDeadlines(prisma: PrismaClient, input: z.infer<typeof deadlinesSchema>, ctx: { actorId: string; ip?: string }) {
  await prisma.$transaction(async (tx) => {
    await tx.appSetting.upsert({ where: { key: DEADLINES_SETTING }, create: { key: DEADLINES_SETTING, value: input }, update: { value: input } });
    await recordAudit(tx, { actorId: ctx.actorId, action: 'setting.changed', entity: 'AppSetting', entityId: DEADLINES_SETTING, ip: ctx.ip, details: input });
  });
}
