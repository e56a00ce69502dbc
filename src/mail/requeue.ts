import { recordAudit } from '../audit/record-audit.js';
import type { PrismaClient } from '../db/prisma.js';

export interface OutboxCounts {
  pending: number;
  sending: number;
  sent: number;
  failed: number;
}

/** How many messages are in each state (for the admin page and the command). */
export async function outboxCounts(prisma: PrismaClient): Promise<OutboxCounts> {
  const rows = await prisma.outboxEmail.groupBy({ by: ['status'], _count: { _all: true } });
  const counts: OutboxCounts = { pending: 0, sending: 0, sent: 0, failed: 0 };
  for (const r of rows) counts[r.status] = r._count._all;
  return counts;
}

/**
 * Puts failed messages back in the queue, due at once, with a fresh retry period (the worker counts its give-up
 * delay from `requeuedAt`). Each keeps its id, hence its Message-ID: a receiver that did get an earlier copy can
 * drop this one. Returns how many.
 */
export async function requeueFailedEmails(
  prisma: PrismaClient, ctx: { actorId?: string | null; ip?: string | null; ids?: string[] } = {},
): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.outboxEmail.updateMany({
      where: { status: 'failed', ...(ctx.ids ? { id: { in: ctx.ids } } : {}) },
      data: { status: 'pending', attempts: 0, availableAt: now, requeuedAt: now },
    });
    if (count > 0) {
      await recordAudit(tx, { actorId: ctx.actorId ?? null, action: 'mail.requeued', entity: 'OutboxEmail', ip: ctx.ip ?? null, details: { count } });
    }
    return count;
  });
}
