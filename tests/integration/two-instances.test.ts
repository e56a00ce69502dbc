import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { DEMO_PASSWORD } from '../../src/demo/accounts.js';
import { remindUnansweredCandidacies } from '../../src/candidacies/response-deadlines.js';
import { remindFollowUps } from '../../src/missions/follow-up-reminders.js';
import { createTestDatabase, DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { csrfFrom } from '../helpers/forms.js';
import { killStartedServers, sleep, startServer } from '../helpers/server-process.js';

// Several instances behind a load balancer share one PostgreSQL: a session, a CSRF token and a rate-limit counter
// started on one instance hold on the other, and each periodic job's work is done once although every instance
// runs every job (here both at the same moment, right after start).

let db: Database;
let twin: Database;
let tmp: string;
const base: string[] = [];
const SECRET = 'two-instances-secret-that-is-long-enough-0123456789';
const started = new Date();

beforeAll(async () => {
  [db, twin] = await Promise.all([createTestDatabase(DEMO_TEMPLATE_DB), createTestDatabase(DEMO_TEMPLATE_DB)]);
  for (const d of [db, twin]) await makeWorkDue(d);
  tmp = mkdtempSync(path.join(os.tmpdir(), 'jisr-two-'));
  chmodSync(tmp, 0o755);
  const servers = ['a', 'b'].map((name) =>
    startServer({
      DATABASE_URL: db.url, SESSION_SECRET: SECRET, DATA_DIR: path.join(tmp, name), PORT: '0', JOBS_START_DELAY_MS: '0',
      PUBLIC_URL: 'http://jisr.test',
    }),
  );
  for (const s of servers) base.push(`http://127.0.0.1:${await s.serving()}`);
}, 120_000);
afterAll(async () => {
  killStartedServers();
  await Promise.all([db?.close(), twin?.close()]);
  rmSync(tmp, { recursive: true, force: true });
});

/** The same due work in both copies: unanswered applications, follow-ups, and more stale profiles than one batch. */
async function makeWorkDue(d: Database) {
  await d.pool.query(`UPDATE "Candidacy" SET status = 'applied', "respondedAt" = NULL, "remindedAt" = NULL, "alertedAt" = NULL,
    "createdAt" = (now() AT TIME ZONE 'UTC') - interval '25 days' WHERE id IN (SELECT id FROM "Candidacy" ORDER BY id LIMIT 6)`);
  await d.pool.query(`UPDATE "Mission" SET status = 'evaluated', "followUpRemindedAt" = NULL, "followUpDueOn" = current_date - 1
    WHERE id IN (SELECT id FROM "Mission" ORDER BY id LIMIT 3)`);
  await d.pool.query(`UPDATE "ExpertProfile" SET "confirmedAt" = (now() AT TIME ZONE 'UTC') - interval '400 days', "staleReminderSentAt" = NULL
    WHERE id IN (SELECT e.id FROM "ExpertProfile" e JOIN "User" u ON u.id = e."userId" WHERE u.status = 'active' AND u.role = 'expert' ORDER BY e.id LIMIT 80)`);
}

const cookieOf = (res: { headers: Record<string, unknown> }) =>
  ((res.headers['set-cookie'] as string[] | undefined) ?? []).find((c) => c.startsWith('jisr.sid='))?.split(';')[0];

describe('two app processes on one PostgreSQL', () => {
  it('share sessions and CSRF tokens: a form from A posts to B, and the session opened on B is signed in on A', async () => {
    const page = await request(base[0]!).get('/login').expect(200);
    const anonymous = cookieOf(page)!;
    const login = await request(base[1]!).post('/login').set('Cookie', anonymous).type('form')
      .send({ _csrf: csrfFrom(page.text), email: 'expert@demo.jisr.local', password: DEMO_PASSWORD });
    expect(login.status).toBe(303);
    const signedIn = cookieOf(login)!;
    expect(signedIn).not.toBe(anonymous); // rotated at sign-in
    const me = await request(base[0]!).get('/me').set('Cookie', signedIn);
    expect(me.status).toBe(200);
    expect(me.text).toContain('expert@demo.jisr.local');
  });

  it('share the rate limit of the sign-in form: 10 tries in all, whichever instance gets them', async () => {
    await db.pool.query('DELETE FROM "RateLimit"'); // the sign-in of the test above counted too
    const page = await request(base[0]!).get('/login');
    const cookie = cookieOf(page)!;
    const attempt = (i: number) =>
      request(base[i % 2]!).post('/login').set('Cookie', cookie).type('form')
        // A different unknown address each time: the per-address limit must not be the one that answers.
        .send({ _csrf: csrfFrom(page.text), email: `nobody${i}@example.org`, password: 'wrong-password-123' });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await attempt(i)).status);
    expect(statuses.slice(0, 10).every((s) => s !== 429), String(statuses)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('does each periodic job\'s work once, although both instances ran every job at once', async () => {
    // The same work done by one process on a twin of the database, for reference.
    const now = new Date();
    const deps = { prisma: twin.prisma, publicUrl: 'http://jisr.test' };
    const expected = {
      reminders: await remindUnansweredCandidacies(deps, now),
      followUps: await remindFollowUps(deps, now),
    };
    expect(expected.reminders).toBeGreaterThan(0);
    expect(expected.followUps).toBeGreaterThan(0);

    // Both instances' outbox workers have sent everything the jobs queued.
    const deadline = Date.now() + 30_000;
    while ((await db.prisma.outboxEmail.count({ where: { status: { in: ['pending', 'sending'] } } })) > 0 || Date.now() - started.getTime() < 3000) {
      if (Date.now() > deadline) throw new Error('the outbox was not drained');
      await sleep(200);
    }
    const kinds = async (d: Database) =>
      Object.fromEntries((await d.prisma.notification.groupBy({ by: ['kind'], _count: { _all: true } })).map((g) => [g.kind, g._count._all]));
    const [mine, reference] = await Promise.all([kinds(db), kinds(twin)]);
    for (const kind of ['candidacy.reminder', 'candidacy.overdue', 'mission.follow_up_due']) expect(mine[kind] ?? 0, kind).toBe(reference[kind] ?? 0);
    const stamped = (d: Database) => d.prisma.candidacy.count({ where: { OR: [{ remindedAt: { not: null } }, { alertedAt: { not: null } }] } });
    expect(await stamped(db)).toBe(await stamped(twin));

    // Stale profiles (claimed in batches with SKIP LOCKED): one message per profile asked, never two.
    const asked = await db.prisma.expertProfile.count({ where: { staleReminderSentAt: { gte: started } } });
    const stale = await db.prisma.outboxEmail.findMany({ where: { template: 'profile_still_available' }, select: { toAddress: true } });
    expect(asked).toBeGreaterThan(50); // more than one batch: the two instances took different profiles
    expect(stale).toHaveLength(asked);
    expect(new Set(stale.map((m) => m.toAddress)).size).toBe(asked);

    // Every message went out once, by one instance or the other.
    const files = ['a', 'b'].flatMap((n) => (existsSync(path.join(tmp, n, 'mail')) ? readdirSync(path.join(tmp, n, 'mail')) : []));
    const ids = files.map((f) => /-([0-9a-f-]{36})\.eml$/.exec(f)![1]);
    expect(ids.length).toBe(await db.prisma.outboxEmail.count({ where: { status: 'sent' } }));
    expect(new Set(ids).size).toBe(ids.length);
  }, 60_000);
});
