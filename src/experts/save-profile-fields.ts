import type { Prisma, PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import type { CommandContext } from './deps.js';

/** Saving any part of the profile also confirms it is current: it is no longer stale, and the reminder cycle restarts. */
export const confirmedNow = (now: Date) => ({ confirmedAt: now, staleSince: null, lastActiveAt: now });

type Tx = Prisma.TransactionClient;

/**
 * Writes some fields of the signed-in expert's own profile (the where clause is the user id of the session, never
 * an id from the form) and records which fields changed, not their values, in the audit log.
 */
export async function saveProfileFields(
  prisma: PrismaClient,
  ctx: CommandContext,
  action: string,
  data: Prisma.ExpertProfileUpdateInput,
  alsoInTx?: (tx: Tx, profileId: string) => Promise<unknown>,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const profile = await tx.expertProfile.update({ where: { userId: ctx.userId }, data: { ...data, ...confirmedNow(ctx.now) }, select: { id: true } });
    await alsoInTx?.(tx, profile.id);
    await recordAudit(tx, {
      actorId: ctx.userId, action, entity: 'ExpertProfile', entityId: profile.id, ip: ctx.ip, details: { fields: Object.keys(data) },
    });
  });
}

/** The id of the signed-in expert's profile, for commands on its lists. */
export async function ownProfileId(db: PrismaClient | Tx, userId: string): Promise<string> {
  const profile = await db.expertProfile.findUniqueOrThrow({ where: { userId }, select: { id: true } });
  return profile.id;
}
