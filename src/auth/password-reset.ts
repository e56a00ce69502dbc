import type pg from 'pg';
import type { PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Locale } from '../i18n/i18n.js';
import { hashPassword } from '../lib/password.js';
import { enqueueEmail } from '../mail/outbox.js';
import { recipientName } from '../mail/recipient-name.js';
import type { FieldErrors } from '../http/forms.js';
import { checkPassword } from './password-policy.js';
import { endSessionsOf } from './sessions.js';
import { consumeToken, issueToken, peekToken } from './tokens.js';

interface Deps {
  prisma: PrismaClient;
  pool: pg.Pool;
  publicUrl: string;
}

/** Queues a reset link when the address has an active account; the caller answers the same in every case. */
export async function requestPasswordReset(deps: Deps, email: string, ctx: { ip?: string; now: Date }): Promise<void> {
  const user = await deps.prisma.user.findUnique({ where: { email } });
  if (!user || user.status !== 'active') {
    await recordAudit(deps.prisma, { action: 'auth.reset_requested', entity: 'User', ip: ctx.ip, details: { known: false } });
    return;
  }
  await deps.prisma.$transaction(async (tx) => {
    const token = await issueToken(tx, user.id, 'reset_password', ctx.now);
    await enqueueEmail(tx, {
      to: user.email, locale: user.locale as Locale, template: 'reset_password',
      params: { name: recipientName(user), link: `${deps.publicUrl}/password/reset/${token}` },
    });
    await recordAudit(tx, { actorId: user.id, action: 'auth.reset_requested', entity: 'User', entityId: user.id, ip: ctx.ip });
  });
}

export type ResetResult = { ok: true } | { ok: false; errors: FieldErrors } | { ok: false; expired: true };

/** Sets a new password with a single-use token, ends every session of the account and tells its owner. */
export async function resetPassword(deps: Deps, rawToken: string, password: string, ctx: { ip?: string; now: Date }): Promise<ResetResult> {
  const ownerId = await peekToken(deps.prisma, rawToken, 'reset_password', ctx.now);
  if (!ownerId) return { ok: false, expired: true };
  const owner = await deps.prisma.user.findUniqueOrThrow({ where: { id: ownerId }, select: { email: true, displayName: true } });
  const personal = [owner.email.split('@')[0] ?? '', ...(owner.displayName ?? '').split(/\s+/)];
  const strength = checkPassword(password, personal);
  if (!strength.ok) return { ok: false, errors: { password: { key: strength.messageKey, params: strength.params } } };
  const passwordHash = await hashPassword(password);
  const userId = await deps.prisma.$transaction(async (tx) => {
    const owner = await consumeToken(tx, rawToken, 'reset_password', ctx.now);
    if (!owner) return undefined;
    const user = await tx.user.update({ where: { id: owner }, data: { passwordHash, failedLogins: 0, lockedUntil: null } });
    await enqueueEmail(tx, { to: user.email, locale: user.locale as Locale, template: 'password_changed', params: { name: recipientName(user) } });
    await recordAudit(tx, { actorId: owner, action: 'auth.password_reset', entity: 'User', entityId: owner, ip: ctx.ip });
    return owner;
  });
  if (!userId) return { ok: false, expired: true };
  await endSessionsOf(deps.pool, userId);
  return { ok: true };
}
