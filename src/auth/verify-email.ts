import type { PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Locale } from '../i18n/i18n.js';
import { enqueueEmail } from '../mail/outbox.js';
import { consumeToken, issueToken } from './tokens.js';

/** Marks the address as confirmed; false when the link is unknown, used or expired. */
export async function verifyEmail(prisma: PrismaClient, rawToken: string, ctx: { ip?: string; now: Date }): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const userId = await consumeToken(tx, rawToken, 'verify_email', ctx.now);
    if (!userId) return false;
    await tx.user.update({ where: { id: userId }, data: { emailVerifiedAt: ctx.now } });
    await recordAudit(tx, { actorId: userId, action: 'auth.email_verified', entity: 'User', entityId: userId, ip: ctx.ip });
    return true;
  });
}

/** A new confirmation link, for a user who signs in before confirming. */
export async function resendVerification(deps: { prisma: PrismaClient; publicUrl: string }, userId: string, now: Date): Promise<void> {
  await deps.prisma.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    const token = await issueToken(tx, user.id, 'verify_email', now);
    await enqueueEmail(tx, {
      to: user.email, locale: user.locale as Locale, template: 'verify_email',
      params: { link: `${deps.publicUrl}/verify-email/${token}` },
    });
  });
}
