import { z } from 'zod';
import { Prisma, type PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import type { FieldErrors } from '../http/forms.js';

const name = z.string().trim().min(1, 'validation.required').max(100, 'validation.tooLong');

/** A commune an admin adds to a region: its slug (the code is "<region>-<slug>") and its three names. */
export const addCommuneSchema = z.object({
  regionCode: z.string().trim().regex(/^[A-Z]{2,4}$/, 'validation.choice'),
  slug: z.string().trim().toLowerCase().regex(/^[a-z0-9_]{1,60}$/, 'validation.choice'),
  nameFr: name,
  nameAr: name,
  nameEn: name,
});

export async function addCommune(prisma: PrismaClient, input: z.infer<typeof addCommuneSchema>, ctx: { actorId: string; ip?: string }): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  if (!(await prisma.region.findUnique({ where: { code: input.regionCode } }))) return { ok: false, errors: { regionCode: { key: 'validation.choice' } } };
  const code = `${input.regionCode}-${input.slug}`;
  try {
    await prisma.$transaction(async (tx) => {
      await tx.commune.create({ data: { code, regionCode: input.regionCode, nameFr: input.nameFr, nameAr: input.nameAr, nameEn: input.nameEn } });
      await recordAudit(tx, { actorId: ctx.actorId, action: 'commune.added', entity: 'Commune', entityId: code, ip: ctx.ip });
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') return { ok: false, errors: { slug: { key: 'amedip.errors.countryExists' } } };
    throw err;
  }
  return { ok: true };
}
