import type pg from 'pg';
import type { PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Locale } from '../i18n/i18n.js';
import { hashPassword, verifyPassword } from '../lib/password.js';
import { enqueueEmail } from '../mail/outbox.js';
import type { FieldErrors } from '../http/forms.js';
import { checkPassword } from './password-policy.js';
import { endSessionsOf } from './sessions.js';

interface Input {
  userId: string;
  currentPassword: string;
  password: string;
  endOtherSessions: boolean;
  sessionId: string;
}

/** Changing a password asks for the current one; other sessions end when the user chooses so. */
export async function changePassword(
  deps: { prisma: PrismaClient; pool: pg.Pool },
  input: Input,
  ctx: { ip?: string },
): Promise<{ ok: true; endedSessions: number } | { ok: false; errors: FieldErrors }> {
  const user = await deps.prisma.user.findUniqueOrThrow({ where: { id: input.userId } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordAudit(deps.prisma, { actorId: user.id, action: 'auth.password_change_failed', entity: 'User', entityId: user.id, ip: ctx.ip });
    return { ok: false, errors: { currentPassword: { key: 'validation.currentPasswordWrong' } } };
  }
  const strength = checkPassword(input.password, [user.email.split('@')[0] ?? '', ...(user.displayName ?? '').split(/\s+/)]);
  if (!strength.ok) return { ok: false, errors: { password: { key: strength.messageKey, params: strength.params } } };
  const passwordHash = await hashPassword(input.password);
  await deps.prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await enqueueEmail(tx, { to: user.email, locale: user.locale as Locale, template: 'password_changed', params: { name: user.displayName ?? '' } });
    await recordAudit(tx, { actorId: user.id, action: 'auth.password_changed', entity: 'User', entityId: user.id, ip: ctx.ip, details: { endOtherSessions: input.endOtherSessions } });
  });
  const endedSessions = input.endOtherSessions ? await endSessionsOf(deps.pool, user.id, input.sessionId) : 0;
  return { ok: true, endedSessions };
}
