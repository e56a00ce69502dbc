/**
 * Writes the generated demo data into the database, once per database: a restart (or several instances
 * starting together) never duplicates anything. Everything goes in one transaction, so the database holds either
 * all of the demo or none of it.
 */
import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../db/prisma.js';
import type { Logger } from '../lib/logger.js';
import { hashPassword } from '../lib/password.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isDemoAccountEmail } from './accounts.js';
import { generateDemoData } from './generate.js';
import { seedDemoInvestments } from './seed-investments.js';

export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts.js';

export const DEMO_SETTING_KEY = 'demo.seeded';
const DEMO_LOCK_ID = 7297022;
const BATCH = 1000;

export interface SeedDemoOptions {
  /** UTC midnight of the day the demo's dates are computed from */
  today: Date;
  /** false in production: the four demo accounts exist but nobody can sign in with them */
  withDemoAccounts: boolean;
  /** base of the links in the notifications the seeding sends (the portal's PUBLIC_URL) */
  publicUrl?: string;
}

export interface SeedDemoResult {
  seeded: boolean;
  /** e-mails of the demo accounts one can sign in with (empty unless seeded with demo accounts) */
  accounts: string[];
}

/** createMany in batches (one statement per batch, far below PostgreSQL's bind-parameter limit). */
async function insert<T>(rows: readonly T[], create: (data: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await create(rows.slice(i, i + BATCH));
}

export async function seedDemo(prisma: PrismaClient, logger: Logger, options: SeedDemoOptions): Promise<SeedDemoResult> {
  const started = Date.now();
  // The investment track is seeded through its commands, once, after the rest (also on a database seeded before it existed).
  const investorHash = () => hashPassword(options.withDemoAccounts ? DEMO_PASSWORD : randomBytes(32).toString('base64url'));
  // The usual case after the first start: nothing to do, and no password to hash.
  if (await prisma.appSetting.findUnique({ where: { key: DEMO_SETTING_KEY } })) {
    await seedDemoInvestments(prisma, logger, { today: options.today, passwordHash: investorHash, publicUrl: options.publicUrl ?? 'http://localhost:3000' });
    return { seeded: false, accounts: [] };
  }
  // Hashing is slow (argon2id): done before the transaction so that the lock is held only while writing.
  const [usableHash, unusableHash] = await Promise.all([
    options.withDemoAccounts ? hashPassword(DEMO_PASSWORD) : Promise.resolve(null),
    hashPassword(randomBytes(32).toString('base64url')),
  ]);

  const result = await prisma.$transaction(
    async (tx) => {
      // Several instances may start at once: one seeds, the others wait and then find the setting.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DEMO_LOCK_ID})`;
      const done = await tx.appSetting.findUnique({ where: { key: DEMO_SETTING_KEY } });
      if (done) return { seeded: false, counts: {} as Record<string, number> };

      const skills = await tx.skill.findMany({ select: { id: true, code: true, sectorCode: true, broaderId: true }, orderBy: { id: 'asc' } });
      const data = generateDemoData({ today: options.today, skills });
      const users = data.users.map((u) => ({
        ...u,
        passwordHash: usableHash && isDemoAccountEmail(u.email) ? usableHash : unusableHash,
      }));

      await insert(users, (d) => tx.user.createMany({ data: d }));
      await insert(data.consents, (d) => tx.consent.createMany({ data: d }));
      await insert(data.expertProfiles, (d) => tx.expertProfile.createMany({ data: d }));
      await insert(data.expertDegrees, (d) => tx.expertDegree.createMany({ data: d }));
      await insert(data.expertSkills, (d) => tx.expertSkill.createMany({ data: d }));
      await insert(data.expertLanguages, (d) => tx.expertLanguage.createMany({ data: d }));
      await insert(data.availabilities, (d) => tx.availability.createMany({ data: d }));
      await insert(data.institutions, (d) => tx.institution.createMany({ data: d }));
      await insert(data.institutionMembers, (d) => tx.institutionMember.createMany({ data: d }));
      await insert(data.needs, (d) => tx.need.createMany({ data: d }));
      await insert(data.needSkills, (d) => tx.needSkill.createMany({ data: d }));
      await insert(data.needLanguages, (d) => tx.needLanguage.createMany({ data: d }));
      await insert(data.needEvents, (d) => tx.needEvent.createMany({ data: d }));
      await insert(data.candidacies, (d) => tx.candidacy.createMany({ data: d }));
      await insert(data.candidacyEvents, (d) => tx.candidacyEvent.createMany({ data: d }));
      await insert(data.perDiemRates, (d) => tx.perDiemRate.createMany({ data: d }));
      await insert(data.missions, (d) => tx.mission.createMany({ data: d }));
      await insert(data.missionEvents, (d) => tx.missionEvent.createMany({ data: d }));
      await insert(data.missionReports, (d) => tx.missionReport.createMany({ data: d }));
      await insert(data.notifications, (d) => tx.notification.createMany({ data: d }));

      const counts = Object.fromEntries(Object.entries(data).map(([table, rows]) => [table, (rows as unknown[]).length]));
      await tx.appSetting.create({ data: { key: DEMO_SETTING_KEY, value: { at: options.today.toISOString(), version: 1 } } });
      await tx.auditLog.create({ data: { action: 'demo.seeded', entity: 'system', details: { today: options.today.toISOString(), counts } } });
      return { seeded: true, counts };
    },
    { timeout: 120_000, maxWait: 120_000 },
  );

  await seedDemoInvestments(prisma, logger, { today: options.today, passwordHash: investorHash, publicUrl: options.publicUrl ?? 'http://localhost:3000' });
  if (!result.seeded) {
    logger.debug('demo data already present');
    return { seeded: false, accounts: [] };
  }
  logger.info({ ms: Date.now() - started, ...result.counts, withDemoAccounts: options.withDemoAccounts }, 'demo data seeded');
  return { seeded: true, accounts: options.withDemoAccounts ? DEMO_ACCOUNTS.map((a) => a.email) : [] };
}
