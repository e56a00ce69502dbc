import { z } from 'zod';
import { Prisma, type PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Locale } from '../i18n/i18n.js';
import { hashPassword } from '../lib/password.js';
import { enqueueEmail } from '../mail/outbox.js';
import type { FieldErrors } from '../http/forms.js';
import { checkPassword } from './password-policy.js';
import { email, newPassword, personName } from './schemas.js';
import { issueToken } from './tokens.js';
import { COUNTRY_CODES } from '../reference/codes.js';
import { RESIDENCE_STATUSES } from '../amedip/audiences.js';

/** The version of the consent text the expert accepts; recorded with each consent. */
export const CONSENT_VERSION = '2026-11';
export const CONSENT_PURPOSE = 'profile_processing';

const blankIsAbsent = (v: unknown) => (v === '' ? undefined : v);

export const registerExpertSchema = z
  .object({
    firstName: personName,
    lastName: personName,
    email,
    password: newPassword,
    kind: z.enum(['diaspora', 'south_south', 'immigrant_resident'], { message: 'validation.choice' }),
    nationality: z.preprocess(blankIsAbsent, z.enum(COUNTRY_CODES as [string, ...string[]], { message: 'validation.choice' }).optional()),
    residenceStatus: z.preprocess(blankIsAbsent, z.enum(RESIDENCE_STATUSES, { message: 'validation.choice' }).optional()),
    consent: z.literal('on', { message: 'validation.consentRequired' }),
  })
  .superRefine((v, ctx) => {
    // South–South experts are matched on their nationality, immigrants residing here on nationality and status.
    if (v.kind !== 'diaspora' && !v.nationality) ctx.addIssue({ code: 'custom', path: ['nationality'], message: 'amedip.errors.nationalityRequired' });
    if (v.kind === 'immigrant_resident' && !v.residenceStatus) ctx.addIssue({ code: 'custom', path: ['residenceStatus'], message: 'amedip.errors.residenceStatusRequired' });
  });
export type RegisterExpertInput = z.infer<typeof registerExpertSchema>;

export type CommandResult = { ok: true } | { ok: false; errors: FieldErrors };

export interface RegistrationDeps {
  prisma: PrismaClient;
  publicUrl: string;
}

interface Context {
  locale: Locale;
  ip?: string;
  now: Date;
}

/**
 * Creates the expert's account, profile and consent, and queues the address check. An address that already has an
 * account gets a message saying so (the page answers the same either way, so nobody learns who is registered).
 */
export async function registerExpert(deps: RegistrationDeps, input: RegisterExpertInput, ctx: Context): Promise<CommandResult> {
  const strength = checkPassword(input.password, [input.email.split('@')[0] ?? '', input.firstName, input.lastName]);
  if (!strength.ok) return { ok: false, errors: { password: { key: strength.messageKey, params: strength.params } } };
  if (input.kind === 'south_south') {
    const partner = await deps.prisma.partnerCountry.findFirst({ where: { code: input.nationality ?? '', active: true } });
    if (!partner) return { ok: false, errors: { nationality: { key: 'amedip.errors.notPartnerCountry' } } };
  }
  const passwordHash = await hashPassword(input.password);
  const displayName = `${input.firstName} ${input.lastName}`;
  try {
    await deps.prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          email: input.email, displayName, passwordHash, role: 'expert', locale: ctx.locale,
          expertProfile: {
            create: {
              firstName: input.firstName, lastName: input.lastName, kind: input.kind,
              nationalities: input.nationality ? [input.nationality] : [],
              residenceStatus: input.kind === 'immigrant_resident' ? input.residenceStatus : null,
            },
          },
          consents: { create: { purpose: CONSENT_PURPOSE, textVersion: CONSENT_VERSION, givenAt: ctx.now } },
        },
      });
      const token = await issueToken(tx, user.id, 'verify_email', ctx.now);
      await enqueueEmail(tx, {
        to: user.email, locale: ctx.locale, template: 'verify_email',
        params: { link: `${deps.publicUrl}/verify-email/${token}` },
      });
      await recordAudit(tx, { actorId: user.id, action: 'user.register', entity: 'User', entityId: user.id, ip: ctx.ip, details: { role: 'expert', consent: CONSENT_VERSION } });
    });
  } catch (err) {
    if (!(err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002')) throw err;
    await tellExistingAccount(deps, input.email, ctx.locale);
  }
  return { ok: true };
}

export async function tellExistingAccount(deps: RegistrationDeps, address: string, locale: Locale): Promise<void> {
  const existing = await deps.prisma.user.findUnique({ where: { email: address }, select: { locale: true } });
  if (!existing) return;
  await enqueueEmail(deps.prisma, {
    to: address, locale: (existing.locale as Locale) ?? locale, template: 'account_exists',
    params: { link: `${deps.publicUrl}/login` },
  });
}
