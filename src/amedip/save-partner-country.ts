import { z } from 'zod';
import { Prisma, type PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import type { FieldErrors } from '../http/forms.js';
import { COUNTRY_CODES } from '../reference/codes.js';

const name = z.string().trim().min(1, 'validation.required').max(100, 'validation.tooLong');

const names = { nameFr: name, nameAr: name, nameEn: name };

/** A new partner country: an ISO 3166-1 alpha-2 code (upper case, a real country) and its three names. */
export const addPartnerCountrySchema = z.object({
  code: z.string().trim().refine((c) => /^[A-Z]{2}$/.test(c) && COUNTRY_CODES.includes(c), 'amedip.errors.countryCode'),
  ...names,
});

/** An edit: the names, and whether the country is active (an unticked box is absent). */
export const updatePartnerCountrySchema = z.object({ ...names, active: z.literal('on').optional() });

type Result = { ok: true } | { ok: false; errors: FieldErrors } | { ok: false; notFound: true };
interface Ctx { actorId: string; ip?: string }

export async function addPartnerCountry(prisma: PrismaClient, input: z.infer<typeof addPartnerCountrySchema>, ctx: Ctx): Promise<Result> {
  try {
    await prisma.$transaction(async (tx) => {
      await tx.partnerCountry.create({ data: input });
      await recordAudit(tx, { actorId: ctx.actorId, action: 'partner_country.added', entity: 'PartnerCountry', entityId: input.code, ip: ctx.ip });
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') return { ok: false, errors: { code: { key: 'amedip.errors.countryExists' } } };
    throw err;
  }
  return { ok: true };
}

export async function updatePartnerCountry(prisma: PrismaClient, code: string, input: z.infer<typeof updatePartnerCountrySchema>, ctx: Ctx): Promise<Result> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.partnerCountry.updateMany({
      where: { code },
      data: { nameFr: input.nameFr, nameAr: input.nameAr, nameEn: input.nameEn, active: input.active === 'on' },
    });
    if (count !== 1) return { ok: false as const, notFound: true as const };
    await recordAudit(tx, {
      actorId: ctx.actorId, action: 'partner_country.updated', entity: 'PartnerCountry', entityId: code, ip: ctx.ip,
      details: { active: input.active === 'on' },
    });
    return { ok: true as const };
  });
}
