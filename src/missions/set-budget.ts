import { z } from 'zod';
import type { Prisma, PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import { amountField, MAX_COLUMN_CENTIMES } from '../lib/money.js';
import { computeBudget, MAX_TRAVEL_COST } from './budget.js';

export const budgetSchema = z.object({
  version: z.coerce.number().int().min(0).max(2_147_483_647),
  travelCost: amountField(MAX_TRAVEL_COST),
  perDiemRateId: z.string().uuid('validation.choice'),
  /** the programme funding line paying it (src/funding); optional while a programme has none */
  fundingSourceId: z.union([z.literal(''), z.string().uuid('validation.choice')]).optional(),
});

/** The per-diem rates that apply to a mission: its city's, else its region's, latest first. */
export async function ratesFor(prisma: PrismaClient | Prisma.TransactionClient, need: { city: string | null; regionCode: string }, on: Date) {
  return prisma.perDiemRate.findMany({
    where: { validFrom: { lte: on }, OR: [{ city: { equals: need.city ?? '', mode: 'insensitive' } }, { regionCode: need.regionCode }] },
    orderBy: [{ validFrom: 'desc' }, { city: 'asc' }],
  });
}

export type BudgetResult = { ok: true } | { ok: false; reason: 'conflict' | 'rate' | 'tooLarge' | 'funding' };

/**
 * Sets travel cost and per diem (from the rate table) on a mission; the total is computed, never typed. Before
 * approval it prepares what the officer approves; after approval, a change is an event in the mission's timeline.
 */
export async function setMissionBudget(
  prisma: PrismaClient,
  input: { missionId: string; version: number; travelCost: string; perDiemRateId: string; fundingSourceId?: string },
  ctx: { actorId: string; ip?: string },
): Promise<BudgetResult> {
  return prisma.$transaction(async (tx) => {
    const m = await tx.mission.findUniqueOrThrow({ where: { id: input.missionId } });
    const need = await tx.need.findUniqueOrThrow({ where: { id: m.needId }, select: { city: true, regionCode: true } });
    const rate = (await ratesFor(tx, need, m.startsOn)).find((r) => r.id === input.perDiemRateId);
    if (!rate) return { ok: false as const, reason: 'rate' as const };
    const fundingSourceId = input.fundingSourceId || null;
    if (fundingSourceId && !(await tx.fundingSource.findFirst({ where: { id: fundingSourceId, active: true } }))) return { ok: false as const, reason: 'funding' as const };
    const budget = computeBudget(input.travelCost, rate.dailyRate.toString(), m.startsOn, m.endsOn);
    // The typed amounts are bounded, but a mission dated across centuries (old data) could still overflow the column.
    if (Number(budget.total) * 100 > MAX_COLUMN_CENTIMES) return { ok: false as const, reason: 'tooLarge' as const };
    const updated = await tx.mission.updateMany({
      where: { id: m.id, version: input.version, status: { in: ['accepted', 'approved', 'briefed', 'in_progress'] } },
      data: {
        travelCost: budget.travelCost, perDiemDaily: budget.perDiemDaily, perDiemDays: budget.perDiemDays, budgetTotal: budget.total,
        perDiemRateId: rate.id, currency: rate.currency, fundingSourceId, version: { increment: 1 },
      },
    });
    if (updated.count !== 1) return { ok: false as const, reason: 'conflict' as const };
    const previous = m.budgetTotal?.toString() ?? null;
    if (m.status !== 'accepted') {
      await tx.missionEvent.create({
        data: { missionId: m.id, actorId: ctx.actorId, fromStatus: m.status, toStatus: m.status, note: `budget: ${previous ?? '—'} → ${budget.total} ${rate.currency}` },
      });
    }
    await recordAudit(tx, {
      actorId: ctx.actorId, action: m.status === 'accepted' ? 'mission.budget_set' : 'mission.budget_changed', entity: 'Mission', entityId: m.id, ip: ctx.ip,
      details: { from: previous, to: budget.total, currency: rate.currency },
    });
    return { ok: true as const };
  });
}
