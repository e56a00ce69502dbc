import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.js';
import type { PrismaClient } from '../db/prisma.js';
import type { Job } from '../jobs/scheduler.js';

/** The AppSetting that overrides the defaults below; the privacy page (/privacy) shows the values in force. */
export const RETENTION_SETTING = 'privacy.retention';

/**
 * How long data is kept, in days. An account whose e-mail was never verified holds nothing but the address the
 * person typed: kept 30 days, time enough to find the message. The audit log proves who did what (and feeds the
 * expert's "who viewed my profile"): one year. Expired or used tokens have no use left once their link is dead:
 * a week, time enough to answer "my link did not work".
 */
export const DEFAULT_RETENTION = { unverifiedAccountDays: 30, auditLogDays: 365, expiredTokenDays: 7 };
export type Retention = typeof DEFAULT_RETENTION;

const days = z.number().int().min(1).max(3650);
const retentionSchema = z.object({ unverifiedAccountDays: days, auditLogDays: days, expiredTokenDays: days }).partial();

/** The periods in force: the setting where it holds a valid number, the default elsewhere (a bad value never purges early). */
export async function readRetention(prisma: PrismaClient): Promise<Retention> {
  const row = await prisma.appSetting.findUnique({ where: { key: RETENTION_SETTING } });
  const parsed = retentionSchema.safeParse(row?.value ?? {});
  return { ...DEFAULT_RETENTION, ...(parsed.success ? parsed.data : {}) };
}

/** One run deletes at most this many rows of each kind, so one transaction stays short; the next run goes on. */
const BATCH = 500;
const DAY = 86_400_000;
const before = (now: Date, n: number) => new Date(now.getTime() - n * DAY).toISOString();

export interface PurgeCounts { accounts: number; institutions: number; auditEntries: number; tokens: number }

/**
 * One round of purging as of `now`. Each DELETE picks its rows with FOR UPDATE SKIP LOCKED, so instances running
 * the job at once take different rows and each row is deleted exactly once. Timestamps are stored in UTC
 * without a zone: compared as UTC whatever the session's zone. Demo accounts are never purged (they are reset
 * with the demo data).
 */
export async function purgeExpiredData(prisma: PrismaClient, now: Date): Promise<PurgeCounts> {
  const r = await readRetention(prisma);
  const accounts = await prisma.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "User"
      WHERE "emailVerifiedAt" IS NULL AND "isDemo" = false
        AND "createdAt" < (${before(now, r.unverifiedAccountDays)}::timestamptz AT TIME ZONE 'UTC')
      ORDER BY "createdAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
    if (!claimed.length) return { accounts: 0, institutions: 0 };
    const ids = claimed.map((u) => u.id);
    const joined = await tx.institutionMember.findMany({ where: { userId: { in: ids } }, select: { institutionId: true } });
    const { count } = await tx.user.deleteMany({ where: { id: { in: ids } } });
    // An institution registered by a person who never verified the address, and that nobody else joined, is a
    // husk: pending, no member left (the memberships went with the account). Verified ones are never touched.
    const husks = await tx.institution.deleteMany({
      where: { id: { in: joined.map((m) => m.institutionId) }, status: 'pending', members: { none: {} }, needs: { none: {} }, opportunities: { none: {} } },
    });
    return { accounts: count, institutions: husks.count };
  });
  const tokens = await prisma.$executeRaw`
    DELETE FROM "UserToken" WHERE id IN (
      SELECT id FROM "UserToken" WHERE "expiresAt" < (${before(now, r.expiredTokenDays)}::timestamptz AT TIME ZONE 'UTC')
      LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)`;
  const auditEntries = await prisma.$executeRaw`
    DELETE FROM "AuditLog" WHERE id IN (
      SELECT id FROM "AuditLog" WHERE "createdAt" < (${before(now, r.auditLogDays)}::timestamptz AT TIME ZONE 'UTC')
      ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)`;
  const counts = { ...accounts, auditEntries, tokens };
  // Counts only: what was purged is, by definition, no longer anyone's business.
  if (accounts.accounts + auditEntries + tokens > 0) {
    await recordAudit(prisma, { action: 'privacy.retention_purged', entity: 'Retention', details: { ...counts } });
  }
  return counts;
}

/** The periodic job (src/jobs/registry.ts): every instance runs it; the SKIP LOCKED claims keep them apart. */
export function retentionJob(deps: { prisma: PrismaClient }): Job {
  return {
    name: 'privacy.retention',
    everyMs: 60 * 60 * 1000,
    run: async (now) => {
      const c = await purgeExpiredData(deps.prisma, now);
      return c.accounts + c.institutions + c.auditEntries + c.tokens;
    },
  };
}
