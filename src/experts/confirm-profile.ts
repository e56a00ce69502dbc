import type { PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import { consumeToken } from '../auth/tokens.js';
import { confirmedNow } from './save-profile-fields.js';

/**
 * "Yes, still available": the link of the reminder leads to a page whose button posts here (a GET never changes
 * anything, since mail scanners open links). False when the link is unknown, used or expired.
 */
export async function confirmProfileByToken(prisma: PrismaClient, rawToken: string, ctx: { ip?: string; now: Date }): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const userId = await consumeToken(tx, rawToken, 'confirm_profile', ctx.now);
    if (!userId) return false;
    const profile = await tx.expertProfile.update({ where: { userId }, data: confirmedNow(ctx.now), select: { id: true } });
    await recordAudit(tx, { actorId: userId, action: 'expert.profile_confirmed', entity: 'ExpertProfile', entityId: profile.id, ip: ctx.ip, details: { via: 'email' } });
    return true;
  });
}

/** The same, from the editor, for a signed-in expert. */
export async function confirmOwnProfile(prisma: PrismaClient, ctx: { userId: string; ip?: string; now: Date }): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const profile = await tx.expertProfile.update({ where: { userId: ctx.userId }, data: confirmedNow(ctx.now), select: { id: true } });
    await recordAudit(tx, { actorId: ctx.userId, action: 'expert.profile_confirmed', entity: 'ExpertProfile', entityId: profile.id, ip: ctx.ip, details: { via: 'editor' } });
  });
}
