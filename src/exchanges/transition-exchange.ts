import type { PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import { institutionStaff, notify } from '../notifications/notify.js';
import { EXCHANGE_TRANSITIONS, type ExchangeAction } from './policy.js';

export type TransitionResult = { ok: true } | { ok: false; reason: 'conflict' | 'reportRequired' };

/**
 * One step of an exchange, guarded on its status and version: of two people acting at once exactly one wins, the
 * other is told. The step is recorded as an ExchangeEvent, audited, and both institutions are notified in each
 * recipient's language. Reporting needs the short report of what was learnt.
 */
export async function transitionExchange(
  prisma: PrismaClient,
  exchange: { id: string; offer: { institutionId: string; title: string }; request: { institutionId: string } },
  input: { action: ExchangeAction; version: number; note?: string },
  ctx: { actorId: string; ip?: string; publicUrl: string },
): Promise<TransitionResult> {
  const rule = EXCHANGE_TRANSITIONS[input.action];
  if (input.action === 'report' && (!input.note || input.note.length < 20)) return { ok: false, reason: 'reportRequired' };
  return prisma.$transaction(async (tx) => {
    const current = await tx.exchange.findUnique({ where: { id: exchange.id }, select: { status: true } });
    const updated = await tx.exchange.updateMany({
      where: { id: exchange.id, version: input.version, status: { in: rule.from } },
      data: { status: rule.to, version: { increment: 1 }, ...(input.action === 'report' ? { report: input.note } : {}) },
    });
    if (updated.count !== 1 || !current) return { ok: false as const, reason: 'conflict' as const };
    await tx.exchangeEvent.create({ data: { exchangeId: exchange.id, actorId: ctx.actorId, fromStatus: current.status, toStatus: rule.to, note: input.action === 'report' ? null : input.note } });
    await recordAudit(tx, { actorId: ctx.actorId, action: `exchange.${input.action}`, entity: 'Exchange', entityId: exchange.id, ip: ctx.ip, details: { from: current.status, to: rule.to } });
    const staff = [...(await institutionStaff(tx, exchange.offer.institutionId)), ...(await institutionStaff(tx, exchange.request.institutionId))].filter((id) => id !== ctx.actorId);
    await notify(tx, ctx.publicUrl, staff, { kind: `exchange_${rule.to}`, params: { title: exchange.offer.title }, link: `/exchanges/${exchange.id}` });
    return { ok: true as const };
  });
}
