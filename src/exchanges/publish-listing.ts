import type { PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import type { FieldErrors } from '../http/forms.js';
import type { ListingInput } from './schemas.js';

/** Publishes an offer or a request for an institution the actor acts for (checked by the route). */
export async function publishListing(prisma: PrismaClient, input: ListingInput, ctx: { actorId: string; ip?: string }): Promise<{ ok: true; id: string } | { ok: false; errors: FieldErrors }> {
  if (!(await prisma.sector.findUnique({ where: { code: input.sectorCode } }))) return { ok: false, errors: { sectorCode: { key: 'validation.choice' } } };
  const { kind, ...fields } = input;
  const data = { ...fields, createdById: ctx.actorId };
  const id = await prisma.$transaction(async (tx) => {
    const row = kind === 'offer' ? await tx.exchangeOffer.create({ data }) : await tx.exchangeRequest.create({ data });
    await recordAudit(tx, { actorId: ctx.actorId, action: `exchange.${kind}_published`, entity: kind === 'offer' ? 'ExchangeOffer' : 'ExchangeRequest', entityId: row.id, ip: ctx.ip });
    return row.id;
  });
  return { ok: true, id };
}
