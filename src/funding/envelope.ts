import type { Prisma } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import { fundingLines } from './queries.js';

export type EnvelopeCheck = { ok: true } | { ok: false; remaining: number; currency: string };

/**
 * At approval: does the mission's budget fit in what its funding line has left? The line's row is locked first, so
 * two approvals drawing on the same line are decided one after the other and cannot both spend the last dirhams.
 * Beyond the envelope, an officer's reason lets it through; it is kept on the mission and audited.
 */
export async function checkEnvelope(
  tx: Prisma.TransactionClient,
  mission: { id: string; fundingSourceId: string | null; budgetTotal: Prisma.Decimal | null },
  overrideReason: string | undefined,
  ctx: { actorId: string; ip?: string },
): Promise<EnvelopeCheck> {
  if (!mission.fundingSourceId || mission.budgetTotal === null) return { ok: true };
  await tx.$queryRaw`SELECT id FROM "FundingSource" WHERE id = ${mission.fundingSourceId}::uuid FOR UPDATE`;
  const [line] = await fundingLines(tx, mission.fundingSourceId);
  const amount = Number(mission.budgetTotal);
  if (!line || amount <= line.remaining) return { ok: true };
  if (!overrideReason) return { ok: false, remaining: line.remaining, currency: line.currency };
  await tx.mission.update({ where: { id: mission.id }, data: { envelopeOverrideReason: overrideReason } });
  await recordAudit(tx, {
    actorId: ctx.actorId, action: 'mission.envelope_override', entity: 'Mission', entityId: mission.id, ip: ctx.ip,
    details: { fundingSourceId: line.id, remaining: line.remaining, amount, reason: overrideReason },
  });
  return { ok: true };
}
