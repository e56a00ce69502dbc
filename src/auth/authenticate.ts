import { createHash } from 'node:crypto';
import type { PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import { isDemoAccountEmail } from '../demo/accounts.js';
import { hashPassword, verifyPassword } from '../lib/password.js';
import { isLocked, LOCKOUT_THRESHOLD, lockUntilAfterFailure } from './lockout.js';
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
    // An unknown address "locks" after as many failures as a real account, so the answer never tells them apart.
    const failures = await countUnknownAddressFailure(prisma, email, ctx.now);
    return { ok: false, reason: lockUntilAfterFailure(failures, ctx.now) || failures > LOCKOUT_THRESHOLD ? 'locked' : 'invalid' };
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

/** Failures on an address without an account, counted for an hour in the shared rate-limit table. */
async function countUnknownAddressFailure(prisma: PrismaClient, email: string, now: Date): Promise<number> {
  const key = `login-unknown:${createHash('sha256').update(email).digest('hex')}`;
  const resetAt = new Date(now.getTime() + 3600_000);
  const rows = await prisma.$queryRaw<{ hits: number }[]>`
    INSERT INTO "RateLimit" (key, hits, "resetAt") VALUES (${key}, 1, ${resetAt})
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN "RateLimit"."resetAt" <= ${now} THEN 1 ELSE "RateLimit".hits + 1 END,
      "resetAt" = CASE WHEN "RateLimit"."resetAt" <= ${now} THEN EXCLUDED."resetAt" ELSE "RateLimit"."resetAt" END
    RETURNING hits`;
  return rows[0]?.hits ?? 1;
}
