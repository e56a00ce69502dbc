import { z } from 'zod';
import { isoDay } from '../lib/iso-day.js';
import type { PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import type { FieldErrors } from '../http/forms.js';

const day = isoDay;
export const rescheduleSchema = z.object({ version: z.coerce.number().int().min(0).max(2_147_483_647), startsOn: day, endsOn: day });

export type RescheduleResult = { ok: true } | { ok: false; errors: FieldErrors } | { ok: false; conflict: true };

/**
 * While the expert has not answered, the host institution (or an officer) may move the proposed dates, inside the
 * need's window; the change is a mission event, so the expert sees what they are asked to accept.
 */
export async function rescheduleMission(
  prisma: PrismaClient,
  input: { missionId: string; version: number; startsOn: string; endsOn: string },
  ctx: { actorId: string; ip?: string },
): Promise<RescheduleResult> {
  const startsOn = new Date(`${input.startsOn}T00:00:00Z`);
  const endsOn = new Date(`${input.endsOn}T00:00:00Z`);
  const m = await prisma.mission.findUniqueOrThrow({ where: { id: input.missionId }, include: { need: true } });
  if (endsOn < startsOn) return { ok: false, errors: { endsOn: { key: 'needs.errors.windowOrder' } } };
  if (startsOn < m.need.windowStart || endsOn > m.need.windowEnd) return { ok: false, errors: { startsOn: { key: 'missions.errors.outsideWindow' } } };
  return prisma.$transaction(async (tx) => {
    const updated = await tx.mission.updateMany({
      where: { id: m.id, version: input.version, status: 'proposed' },
      data: { startsOn, endsOn, version: { increment: 1 } },
    });
    if (updated.count !== 1) return { ok: false as const, conflict: true as const };
    await tx.missionEvent.create({ data: { missionId: m.id, actorId: ctx.actorId, fromStatus: 'proposed', toStatus: 'proposed', note: `${input.startsOn} → ${input.endsOn}` } });
    await recordAudit(tx, { actorId: ctx.actorId, action: 'mission.rescheduled', entity: 'Mission', entityId: m.id, ip: ctx.ip, details: { startsOn: input.startsOn, endsOn: input.endsOn } });
    return { ok: true as const };
  });
}
