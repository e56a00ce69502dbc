import { Prisma, type PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import { exchangeExclusion } from '../matching/exchange-match.js';
import { institutionStaff, notify } from '../notifications/notify.js';

export type ProposeResult = { ok: true; id: string } | { ok: false; reason: 'notFound' | 'same_institution' | 'no_common_language' | 'closed' | 'exists' };

/**
 * Brings an open request and an open offer together: the exchange starts `proposed`, the offering institution is
 * told. The matcher's filters apply here too: an institution never exchanges with itself.
 */
export async function proposeExchange(prisma: PrismaClient, requestId: string, offerId: string, ctx: { actorId: string; ip?: string; publicUrl: string }): Promise<ProposeResult> {
  const [request, offer] = await Promise.all([
    prisma.exchangeRequest.findUnique({ where: { id: requestId } }),
    prisma.exchangeOffer.findUnique({ where: { id: offerId } }),
  ]);
  if (!request || !offer) return { ok: false, reason: 'notFound' };
  if (!request.open || !offer.open) return { ok: false, reason: 'closed' };
  const excluded = exchangeExclusion(request, offer);
  if (excluded) return { ok: false, reason: excluded };
  try {
    const id = await prisma.$transaction(async (tx) => {
      const exchange = await tx.exchange.create({ data: { offerId, requestId } });
      await tx.exchangeEvent.create({ data: { exchangeId: exchange.id, actorId: ctx.actorId, toStatus: 'proposed' } });
      await recordAudit(tx, { actorId: ctx.actorId, action: 'exchange.proposed', entity: 'Exchange', entityId: exchange.id, ip: ctx.ip });
      await notify(tx, ctx.publicUrl, await institutionStaff(tx, offer.institutionId), { kind: 'exchange_proposed', params: { title: request.title }, link: `/exchanges/${exchange.id}` });
      return exchange.id;
    });
    return { ok: true, id };
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') return { ok: false, reason: 'exists' };
    throw err;
  }
}
