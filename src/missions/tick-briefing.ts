import { z } from 'zod';
import type { PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import { BRIEFING_ITEMS } from './policy.js';

export const briefingSchema = z.object({
  version: z.coerce.number().int().min(0).max(2_147_483_647),
  ...Object.fromEntries(BRIEFING_ITEMS.map((i) => [i, z.literal('on').optional()])),
}) as z.ZodObject<{ version: z.ZodCoercedNumber } & Record<(typeof BRIEFING_ITEMS)[number], z.ZodOptional<z.ZodLiteral<'on'>>>>;

/** The pre-departure checklist (documents, travel, insurance, the institution's contact), saved as a whole. */
export async function tickBriefing(
  prisma: PrismaClient,
  input: { missionId: string; version: number; items: Record<string, boolean> },
  ctx: { actorId: string; ip?: string },
): Promise<boolean> {
  const briefing = Object.fromEntries(BRIEFING_ITEMS.map((i) => [i, input.items[i] === true]));
  return prisma.$transaction(async (tx) => {
    const updated = await tx.mission.updateMany({
      where: { id: input.missionId, version: input.version, status: 'approved' },
      data: { briefing, version: { increment: 1 } },
    });
    if (updated.count !== 1) return false;
    await recordAudit(tx, { actorId: ctx.actorId, action: 'mission.briefing_updated', entity: 'Mission', entityId: input.missionId, ip: ctx.ip, details: briefing });
    return true;
  });
}
