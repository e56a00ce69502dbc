import type { PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import { issueToken } from '../auth/tokens.js';
import { isLocale } from '../i18n/i18n.js';
import type { Job } from '../jobs/scheduler.js';
import { enqueueEmail } from '../mail/outbox.js';
import { recipientName } from '../mail/recipient-name.js';

/** A profile not confirmed for this long is stale: the expert is asked whether it is still true. */
export const STALE_AFTER_MONTHS = 6;
const BATCH = 50;

export function staleCutoff(now: Date): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - STALE_AFTER_MONTHS);
  return d;
}

/**
 * For each active expert whose profile was last confirmed over six months ago and who has not been asked since,
 * marks the profile stale (the matcher ranks it lower) and queues one "still available?" message with a
 * one-click confirmation link. The claim is one conditional UPDATE … RETURNING over rows locked with SKIP LOCKED:
 * two instances running the job at once take different profiles, and a profile already asked in this cycle
 * (staleReminderSentAt after its confirmedAt) never matches again, so the message goes once, not at every run.
 * Claim, token, message and audit entry commit together: a failure leaves the profile to the next run.
 */
export async function remindStaleProfiles(deps: { prisma: PrismaClient; publicUrl: string }, now: Date): Promise<number> {
  // Timestamps are stored in UTC without a zone: compare and write them as UTC whatever the session's zone.
  const nowUtc = now.toISOString();
  const cutoffUtc = staleCutoff(now).toISOString();
  return deps.prisma.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<{ id: string; userId: string }[]>`
      UPDATE "ExpertProfile" p
      SET "staleReminderSentAt" = (${nowUtc}::timestamptz AT TIME ZONE 'UTC'),
          "staleSince" = COALESCE(p."staleSince", (${nowUtc}::timestamptz AT TIME ZONE 'UTC'))
      WHERE p.id IN (
        SELECT e.id FROM "ExpertProfile" e JOIN "User" u ON u.id = e."userId"
        WHERE u.status = 'active' AND u.role = 'expert'
          AND e."confirmedAt" < (${cutoffUtc}::timestamptz AT TIME ZONE 'UTC')
          AND (e."staleReminderSentAt" IS NULL OR e."staleReminderSentAt" < e."confirmedAt")
        ORDER BY e."confirmedAt"
        LIMIT ${BATCH}
        FOR UPDATE OF e SKIP LOCKED
      )
      AND (p."staleReminderSentAt" IS NULL OR p."staleReminderSentAt" < p."confirmedAt")
      RETURNING p.id, p."userId"`;
    for (const row of claimed) {
      const user = await tx.user.findUniqueOrThrow({ where: { id: row.userId }, select: { email: true, displayName: true, emailVerifiedAt: true, locale: true } });
      const token = await issueToken(tx, row.userId, 'confirm_profile', now);
      await enqueueEmail(tx, {
        to: user.email, locale: isLocale(user.locale) ? user.locale : 'fr', template: 'profile_still_available',
        params: { name: recipientName(user), link: `${deps.publicUrl}/experts/confirm/${token}` },
      });
      await recordAudit(tx, { action: 'expert.stale_reminder_queued', entity: 'ExpertProfile', entityId: row.id });
    }
    return claimed.length;
  });
}

/** The periodic job (src/jobs/registry.ts); every instance runs it, the claim keeps them apart. */
export function staleProfileReminderJob(deps: { prisma: PrismaClient; publicUrl: string }): Job {
  return { name: 'experts.stale-profile-reminder', everyMs: 60 * 60 * 1000, run: (now) => remindStaleProfiles(deps, now) };
}
