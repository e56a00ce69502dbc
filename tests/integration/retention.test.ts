import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allJobs } from '../../src/jobs/registry.js';
import { startScheduler } from '../../src/jobs/scheduler.js';
import { createLogger } from '../../src/lib/logger.js';
import { DEFAULT_RETENTION, purgeExpiredData, RETENTION_SETTING } from '../../src/privacy/retention.js';
import { startTestApp, testConfig, type TestApp } from '../helpers/app.js';
import { byTestId, escapeHtml, fr } from '../helpers/security.js';

// The controllable clock: every date below is relative to this "now", never to the day the test runs.
const NOW = new Date('2027-06-15T12:00:00Z');
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

async function user(email: string, createdAt: Date, verified: boolean, isDemo = false) {
  return t.db.prisma.user.create({
    data: { email, passwordHash: 'x', role: 'expert', createdAt, emailVerifiedAt: verified ? createdAt : null, isDemo },
  });
}

describe('retention', () => {
  it('purges unverified accounts after 30 days, expired tokens and old audit entries, each exactly once across two instances', async () => {
    const p = t.db.prisma;
    const stale = await user('stale.unverified@example.org', daysAgo(31), false);
    const staleStaff = await user('stale.staff@example.org', daysAgo(45), false);
    const husk = await p.institution.create({ data: { name: 'Husk institution', kind: 'ngo', regionCode: 'TTA', city: 'Tanger', status: 'pending' } });
    await p.institutionMember.create({ data: { institutionId: husk.id, userId: staleStaff.id, role: 'admin', status: 'active' } });
    const fresh = await user('fresh.unverified@example.org', daysAgo(29), false);
    const oldVerified = await user('old.verified@example.org', daysAgo(400), true);
    const demo = await user('demo.unverified@example.org', daysAgo(400), false, true);
    const tokenOf = (userId: string, expiresAt: Date, tag: string) =>
      p.userToken.create({ data: { userId, purpose: 'reset_password', tokenHash: `hash-${tag}`, expiresAt } });
    await tokenOf(oldVerified.id, daysAgo(DEFAULT_RETENTION.expiredTokenDays + 1), 'dead');
    const recentlyExpired = await tokenOf(oldVerified.id, daysAgo(1), 'recent');
    const live = await tokenOf(oldVerified.id, new Date(NOW.getTime() + DAY), 'live');
    await p.auditLog.create({ data: { action: 'test.old', entity: 'Test', createdAt: daysAgo(DEFAULT_RETENTION.auditLogDays + 1) } });
    const kept = await p.auditLog.create({ data: { action: 'test.recent', entity: 'Test', createdAt: daysAgo(10) } });

    // Two instances run the job at the same moment: the claims split the rows, nothing is deleted twice.
    const [a, b] = await Promise.all([purgeExpiredData(p, NOW), purgeExpiredData(p, NOW)]);
    expect(a.accounts + b.accounts).toBe(2);
    expect(a.institutions + b.institutions).toBe(1);
    expect(a.tokens + b.tokens).toBe(1);
    expect(a.auditEntries + b.auditEntries).toBe(1);

    const left = await p.user.findMany({ where: { id: { in: [stale.id, staleStaff.id, fresh.id, oldVerified.id, demo.id] } }, select: { id: true } });
    expect(left.map((u) => u.id).sort()).toEqual([fresh.id, oldVerified.id, demo.id].sort());
    expect(await p.institution.count({ where: { id: husk.id } })).toBe(0);
    expect((await p.userToken.findMany({ where: { userId: oldVerified.id } })).map((x) => x.id).sort()).toEqual([recentlyExpired.id, live.id].sort());
    expect(await p.auditLog.count({ where: { action: 'test.old' } })).toBe(0);
    expect(await p.auditLog.count({ where: { id: kept.id } })).toBe(1);
    expect(await p.auditLog.count({ where: { action: 'privacy.retention_purged' } })).toBeGreaterThan(0);

    // The next round finds nothing; the fresh account goes once its 30 days are over (the clock moves on).
    expect(await purgeExpiredData(p, NOW)).toEqual({ accounts: 0, institutions: 0, tokens: 0, auditEntries: 0 });
    expect((await purgeExpiredData(p, new Date(NOW.getTime() + 2 * DAY))).accounts).toBe(1);
  });

  it('takes its periods from the setting, ignores an invalid one, and states them on the privacy page', async () => {
    const p = t.db.prisma;
    await p.auditLog.create({ data: { action: 'test.month', entity: 'Test', createdAt: daysAgo(40) } });
    await p.appSetting.create({ data: { key: RETENTION_SETTING, value: { auditLogDays: 0, expiredTokenDays: 'soon' } } });
    await purgeExpiredData(p, NOW);
    expect(await p.auditLog.count({ where: { action: 'test.month' } })).toBe(1);
    await p.appSetting.update({ where: { key: RETENTION_SETTING }, data: { value: { auditLogDays: 30 } } });
    await purgeExpiredData(p, NOW);
    expect(await p.auditLog.count({ where: { action: 'test.month' } })).toBe(0);

    const page = await request(t.app).get('/privacy');
    expect(page.status).toBe(200);
    expect(byTestId(page.text, 'retention-audit')).toBe(escapeHtml(fr('privacy.retention.audit', { count: 30 })));
    expect(byTestId(page.text, 'retention-accounts')).toBe(escapeHtml(fr('privacy.retention.accounts', { count: 30 })));
    expect((await request(t.app).get('/privacy?lng=ar')).text).toContain('dir="rtl"');
  });

  it('runs as a registered periodic job on the scheduler clock', async () => {
    const jobs = allJobs({ config: testConfig(), db: t.db, logger: createLogger('silent') }).filter((j) => j.name === 'privacy.retention');
    expect(jobs).toHaveLength(1);
    const gone = await user('scheduled.unverified@example.org', daysAgo(31), false);
    const scheduler = startScheduler(jobs, createLogger('silent'), { clock: () => NOW, firstRunAfterMs: 1 });
    try {
      await expect.poll(() => t.db.prisma.user.count({ where: { id: gone.id } }), { timeout: 5000 }).toBe(0);
    } finally {
      await scheduler.stop();
    }
  });
});
