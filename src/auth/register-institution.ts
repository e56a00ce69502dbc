import { HOME_COUNTRY } from '../amedip/audiences.js';
import { COUNTRY_CODES } from '../reference/codes.js';
import { z } from 'zod';
import { Prisma } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Locale } from '../i18n/i18n.js';
import { hashPassword } from '../lib/password.js';
import { enqueueEmail } from '../mail/outbox.js';
import { isUuid } from '../lib/uuid.js';
import { checkPassword } from './password-policy.js';
import { tellExistingAccount, type CommandResult, type RegistrationDeps } from './register-expert.js';
import { email, newPassword, personName } from './schemas.js';
import { issueToken } from './tokens.js';

const optionalText = (max: number) => z.string().trim().max(max).optional().transform((v) => (v ? v : undefined));

/**
 * One form, two ways: create a new institution (it waits for an officer's verification, its creator becomes its
 * administrator) or ask to join an existing verified one (its administrators approve).
 */
export const registerInstitutionSchema = z
  .object({
    displayName: personName,
    email,
    password: newPassword,
    jobTitle: optionalText(120),
    mode: z.enum(['create', 'join'], { message: 'validation.choice' }),
    institutionName: optionalText(200),
    kind: z
      .enum(['ministry', 'university', 'hospital', 'regional_agency', 'commune', 'cooperative', 'public_agency', 'ngo'], { message: 'validation.choice' })
      .optional(),
    regionCode: optionalText(10),
    /** the home country by default; another country must be a partner country of South–South exchange */
    countryCode: z.preprocess((v) => (v === '' || v === undefined ? HOME_COUNTRY : v), z.enum(COUNTRY_CODES as [string, ...string[]], { message: 'validation.choice' })),
    city: optionalText(100),
    institutionId: optionalText(36),
  })
  .superRefine((v, ctx) => {
    const need = (field: string) => ctx.addIssue({ code: 'custom', path: [field], message: 'validation.required' });
    if (v.mode === 'create') {
      if (!v.institutionName) need('institutionName');
      if (!v.kind) need('kind');
      // only institutions of the home country sit in one of its regions
      if (!v.regionCode && v.countryCode === HOME_COUNTRY) need('regionCode');
      if (!v.city) need('city');
    } else if (!v.institutionId) need('institutionId');
  });
export type RegisterInstitutionInput = z.infer<typeof registerInstitutionSchema>;

interface Context {
  locale: Locale;
  ip?: string;
  now: Date;
}

export async function registerInstitution(deps: RegistrationDeps, input: RegisterInstitutionInput, ctx: Context): Promise<CommandResult> {
  const strength = checkPassword(input.password, [input.email.split('@')[0] ?? '', ...input.displayName.split(/\s+/)]);
  if (!strength.ok) return { ok: false, errors: { password: { key: strength.messageKey, params: strength.params } } };
  const abroad = input.countryCode !== HOME_COUNTRY;
  if (input.mode === 'create' && !abroad && !(await deps.prisma.region.findUnique({ where: { code: input.regionCode! } }))) {
    return { ok: false, errors: { regionCode: { key: 'validation.choice' } } };
  }
  if (input.mode === 'create' && abroad && !(await deps.prisma.partnerCountry.findFirst({ where: { code: input.countryCode, active: true } }))) {
    return { ok: false, errors: { countryCode: { key: 'amedip.errors.notPartnerCountry' } } };
  }
  if (input.mode === 'join') {
    const target = isUuid(input.institutionId)
      ? await deps.prisma.institution.findFirst({ where: { id: input.institutionId!, status: 'verified' } })
      : null;
    if (!target) return { ok: false, errors: { institutionId: { key: 'validation.choice' } } };
  }
  const passwordHash = await hashPassword(input.password);
  try {
    await deps.prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, displayName: input.displayName, passwordHash, role: 'staff', locale: ctx.locale },
      });
      const institutionId =
        input.mode === 'create'
          ? (await tx.institution.create({
              data: {
                name: input.institutionName!, kind: input.kind!, countryCode: input.countryCode,
                regionCode: abroad ? null : input.regionCode!, city: input.city!, status: 'pending',
              },
            })).id
          : input.institutionId!;
      await tx.institutionMember.create({
        data: {
          institutionId, userId: user.id, jobTitle: input.jobTitle,
          role: input.mode === 'create' ? 'admin' : 'staff',
          status: input.mode === 'create' ? 'active' : 'pending',
        },
      });
      const token = await issueToken(tx, user.id, 'verify_email', ctx.now);
      await enqueueEmail(tx, {
        to: user.email, locale: ctx.locale, template: 'verify_email',
        params: { link: `${deps.publicUrl}/verify-email/${token}` },
      });
      await recordAudit(tx, {
        actorId: user.id, action: input.mode === 'create' ? 'institution.register' : 'institution.join_request',
        entity: 'Institution', entityId: institutionId, ip: ctx.ip, details: { role: 'staff' },
      });
    });
  } catch (err) {
    if (!(err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002')) throw err;
    await tellExistingAccount(deps, input.email, ctx.locale);
  }
  return { ok: true };
}
