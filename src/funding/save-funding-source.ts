import { z } from 'zod';
import { Prisma, type PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import { fromCentimes, toCentimes } from '../missions/budget.js';

const text = (max: number) => z.string().trim().min(1, 'validation.required').max(max, 'validation.tooLong');

export const fundingSourceSchema = z.object({
  donor: text(200),
  projectCode: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/, 'validation.fundingCode'),
  name: text(200),
  year: z.coerce.number({ message: 'validation.required' }).int().min(2000, 'validation.fundingYear').max(2100, 'validation.fundingYear'),
  // the column holds 12 digits before the point (DECIMAL(14,2))
  envelope: z.string().trim().refine((v) => { const c = toCentimes(v); return c !== undefined && c < 1e14; }, 'validation.amount'),
  active: z.literal('on').optional(),
});
export type FundingSourceInput = z.infer<typeof fundingSourceSchema>;

/** Creates a funding line, or changes one (its envelope above all); audited either way. */
export async function saveFundingSource(
  prisma: PrismaClient, input: FundingSourceInput, id: string | undefined, ctx: { actorId: string; ip?: string },
): Promise<{ ok: true } | { ok: false; reason: 'duplicate' | 'notFound' }> {
  const data = { ...input, envelope: fromCentimes(toCentimes(input.envelope)!), active: input.active === 'on' || !id };
  try {
    await prisma.$transaction(async (tx) => {
      const before = id ? await tx.fundingSource.findUnique({ where: { id } }) : null;
      if (id && !before) throw new NotFound();
      const saved = id ? await tx.fundingSource.update({ where: { id }, data }) : await tx.fundingSource.create({ data });
      await recordAudit(tx, {
        actorId: ctx.actorId, action: id ? 'funding.updated' : 'funding.created', entity: 'FundingSource', entityId: saved.id, ip: ctx.ip,
        details: { envelope: data.envelope, ...(before ? { previousEnvelope: before.envelope.toString() } : {}), projectCode: data.projectCode, year: data.year },
      });
    });
    return { ok: true };
  } catch (err) {
    if (err instanceof NotFound) return { ok: false, reason: 'notFound' };
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') return { ok: false, reason: 'duplicate' };
    throw err;
  }
}

class NotFound extends Error {}
