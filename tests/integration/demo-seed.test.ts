import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/demo/accounts.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { createLogger } from '../../src/lib/logger.js';
import { verifyPassword } from '../../src/lib/password.js';
import { DEMO_TODAY } from '../helpers/constants.js';
import { createTestDatabase, DEMO_TEMPLATE_DB } from '../helpers/db.js';

const logger = createLogger('silent');
const open: Database[] = [];
afterAll(() => Promise.all(open.map((d) => d.close())));
async function database(template?: string) {
  const db = await createTestDatabase(template);
  open.push(db);
  return db;
}

async function counts(db: Database) {
  const p = db.prisma;
  return {
    users: await p.user.count(), experts: await p.expertProfile.count(), institutions: await p.institution.count(),
    needs: await p.need.count(), missions: await p.mission.count(), projects: await p.investmentProject.count(),
  };
}

describe('demo data in the database', () => {
  it('is seeded once: a restart writes nothing more', async () => {
    const db = await database(DEMO_TEMPLATE_DB);
    const before = await counts(db);
    // 300 generated experts and the investor's minimal profile; 15 projects made through the investment commands
    expect(before).toMatchObject({ experts: 301, institutions: 40, needs: 80, missions: 30, projects: 15 });
    expect(await seedDemo(db.prisma, logger, { today: new Date(), withDemoAccounts: true })).toEqual({ seeded: false, accounts: [] });
    expect(await counts(db)).toEqual(before);
  });

  it('seeds once even when two instances start at the same moment', async () => {
    const db = await database();
    const results = await Promise.all([0, 1].map(() => seedDemo(db.prisma, logger, { today: DEMO_TODAY, withDemoAccounts: true })));
    expect(results.map((r) => r.seeded).sort()).toEqual([false, true]);
    expect((await counts(db)).experts).toBe(301);
    expect(await db.prisma.investmentEvaluation.count()).toBeGreaterThan(0);
  });

  it('lets the five demo accounts sign in with the documented password, with the right roles', async () => {
    const db = await database(DEMO_TEMPLATE_DB);
    for (const account of DEMO_ACCOUNTS) {
      const user = await db.prisma.user.findUniqueOrThrow({ where: { email: account.email } });
      expect(user.role).toBe(account.role);
      expect(user.isDemo).toBe(true);
      expect(await verifyPassword(user.passwordHash, DEMO_PASSWORD)).toBe(true);
    }
    const staff = await db.prisma.user.findUniqueOrThrow({
      where: { email: 'staff@demo.jisr.local' },
      include: { memberships: { include: { institution: { include: { needs: { where: { status: 'published' } } } } } } },
    });
    expect(staff.memberships[0]?.institution.status).toBe('verified');
    expect(staff.memberships[0]?.institution.needs.length).toBeGreaterThan(0);
  });

  it('creates no usable demo account in production', async () => {
    const db = await database();
    const result = await seedDemo(db.prisma, logger, { today: DEMO_TODAY, withDemoAccounts: false });
    expect(result).toEqual({ seeded: true, accounts: [] });
    for (const account of DEMO_ACCOUNTS) {
      const user = await db.prisma.user.findUniqueOrThrow({ where: { email: account.email } });
      expect(await verifyPassword(user.passwordHash, DEMO_PASSWORD)).toBe(false);
    }
  });
});
