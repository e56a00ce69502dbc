import { createHash } from 'node:crypto';
import type { PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import { isDemoAccountEmail } from '../demo/accounts.js';
import { hashPassword, verifyPassword } from '../lib/password.js';
import { isLocked, lockUntilAfterFailure } from './lockout.js';
import { loadActor, type SignedInUser } from './load-actor.js';

export type AuthResult =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: 'invalid' | 'locked' | 'unverified'; userId?: string };

// Unknown addresses still cost one argon2 verification, so response time does not tell which addresses exist.
const dummyHash = hashPassword('jisr-timing-equaliser-not-a-password');

interface Context {
  ip?: string;
  now: Date;
  /** false in production, where the documented demo accounts must never open */
  allowDemoAccounts: boolean;
}

/** Checks a sign-in attempt, counts failures towards a temporary lock-out, and audits the outcome. */
export async function authenticate(prisma: PrismaClient, email: string, password: string, ctx: Context): Promise<AuthResult> {
  const user = await prisma.user.findUnique({ where: { email } });
  if (!user) {
    await verifyPassword(await dummyHash, password);
    await recordAudit(prisma, { action: 'auth.login_failed', entity: 'User', ip: ctx.ip, details: { reason: 'unknown_email' } });
    // An unknown address goes through the lock-out schedule of an account, so the answer never tells them apart.
    return { ok: false, reason: await unknownAddressFailure(prisma, email, ctx.now) };
  }
  if (isLocked(user.lockedUntil, ctx.now)) {
    await verifyPassword(await dummyHash, password); // same time as any other answer
    await recordAudit(prisma, { action: 'auth.login_refused', entity: 'User', entityId: user.id, ip: ctx.ip, details: { reason: 'locked' } });
    return { ok: false, reason: 'locked' };
  }
  const passwordOk = await verifyPassword(user.passwordHash, password);
  const usable = user.status === 'active' && (ctx.allowDemoAccounts || !(user.isDemo && isDemoAccountEmail(user.email)));
  if (!passwordOk || !usable) {
    const updated = await prisma.user.update({ where: { id: user.id }, data: { failedLogins: { increment: passwordOk ? 0 : 1 } } });
    const lockedUntil = passwordOk ? null : lockUntilAfterFailure(updated.failedLogins, ctx.now);
    if (lockedUntil) await prisma.user.update({ where: { id: user.id }, data: { lockedUntil } });
    await recordAudit(prisma, {
      actorId: user.id, action: 'auth.login_failed', entity: 'User', entityId: user.id, ip: ctx.ip,
      details: { reason: passwordOk ? `status_${user.status}` : 'wrong_password', failures: updated.failedLogins, locked: !!lockedUntil },
    });
    return { ok: false, reason: lockedUntil ? 'locked' : 'invalid' };
  }
  if (!user.emailVerifiedAt) return { ok: false, reason: 'unverified', userId: user.id };

  await prisma.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null, lastLoginAt: ctx.now } });
  await recordAudit(prisma, { actorId: user.id, action: 'auth.login', entity: 'User', entityId: user.id, ip: ctx.ip });
  const actor = await loadActor(prisma, user.id);
  return actor ? { ok: true, user: actor } : { ok: false, reason: 'invalid' };
}

// A real account keeps its failure count until a successful sign-in; an unknown address keeps it this long after
// its last failure (the rows then go), which is far beyond the longest lock of the schedule.
const UNKNOWN_FAILURES_KEPT_MS = 30 * 24 * 3600_000;

/**
 * A failed sign-in on an address without an account, answered exactly as lockout.ts answers for an account: while
 * "locked" nothing is counted, and once the lock has passed the address is "incorrect" again until the next step.
 * The count and the lock live in the shared rate-limit table (no account row to hold them).
 */
async function unknownAddressFailure(prisma: PrismaClient, email: string, now: Date): Promise<'invalid' | 'locked'> {
  const id = createHash('sha256').update(email).digest('hex');
  const lock = await prisma.rateLimit.findUnique({ where: { key: `login-unknown-lock:${id}` } });
  if (lock && isLocked(lock.resetAt, now)) return 'locked';
  const key = `login-unknown:${id}`;
  const keepUntil = new Date(now.getTime() + UNKNOWN_FAILURES_KEPT_MS);
  const rows = await prisma.$queryRaw<{ hits: number }[]>`
    INSERT INTO "RateLimit" (key, hits, "resetAt") VALUES (${key}, 1, ${keepUntil})
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN "RateLimit"."resetAt" <= ${now} THEN 1 ELSE "RateLimit".hits + 1 END,
      "resetAt" = EXCLUDED."resetAt"
    RETURNING hits`;
  const lockedUntil = lockUntilAfterFailure(rows[0]?.hits ?? 1, now);
  if (!lockedUntil) return 'invalid';
  await prisma.rateLimit.upsert({
    where: { key: `login-unknown-lock:${id}` }, create: { key: `login-unknown-lock:${id}`, hits: 1, resetAt: lockedUntil }, update: { resetAt: lockedUntil },
  });
  return 'locked';
}
