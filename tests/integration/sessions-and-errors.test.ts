import { Writable } from 'node:stream';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { DEMO_PASSWORD } from '../../src/demo/accounts.js';
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS } from '../../src/http/session.js';
import { startTestApp, testConfig, type TestApp } from '../helpers/app.js';
import { createTestDatabase, DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { browserLike, csrfFrom, sessionCookie } from '../helpers/forms.js';
import { expectNoInternals, LOOSE_LIMITS, signedIn, STRONG_PASSWORD } from '../helpers/security.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB, limits: LOOSE_LIMITS });
});
afterAll(() => t?.close());

const setSignedInAt = (sid: string, ms: number) =>
  t.db.pool.query(`UPDATE "session" SET sess = jsonb_set(sess::jsonb, '{signedInAt}', to_jsonb($2::bigint))::json WHERE sid = $1`, [sid, ms]);

/** express-session states the lifetime as Expires (now + maxAge), not as Max-Age. */
const expiresOf = (cookie: string | undefined) => Date.parse(/Expires=([^;]+)/i.exec(cookie ?? '')?.[1] ?? '');
function expectIdleLifetime(cookie: string | undefined) {
  const maxAge = /Max-Age=(\d+)/i.exec(cookie ?? '')?.[1];
  if (maxAge) expect(Number(maxAge)).toBe(IDLE_TIMEOUT_MS / 1000);
  expect(Math.abs(expiresOf(cookie) - (Date.now() + IDLE_TIMEOUT_MS))).toBeLessThan(5_000);
}

async function expectSignedOut(agent: Awaited<ReturnType<typeof signedIn>>['agent']) {
  const res = await agent.get('/me');
  expect(res.status).toBe(303);
  expect(res.headers.location).toBe('/login');
}

describe('session time-outs', () => {
  it('gives the session cookie a two-hour idle lifetime, renewed on every request', async () => {
    expect(IDLE_TIMEOUT_MS).toBe(2 * 3600 * 1000);
    const b = browserLike(t.app);
    const res = await b.signIn('expert@demo.jisr.local', DEMO_PASSWORD);
    expectIdleLifetime(sessionCookie(res));
    await new Promise((r) => setTimeout(r, 1100));
    const me = await b.agent.get('/me').expect(200);
    expectIdleLifetime(sessionCookie(me));
    expect(expiresOf(sessionCookie(me))).toBeGreaterThan(expiresOf(sessionCookie(res)));
    const sid = decodeURIComponent(sessionCookie(res)!.split(';')[0]!.split('=')[1]!).slice(2).split('.')[0];
    const { rows } = await t.db.pool.query<{ ok: boolean }>(
      `SELECT expire > now() + interval '119 minutes' AND expire <= now() + interval '121 minutes' AS ok FROM "session" WHERE sid = $1`, [sid],
    );
    expect(rows[0]?.ok).toBe(true);
  });

  it('ends a session left idle past its lifetime', async () => {
    const a = await signedIn(t.app, 'staff@demo.jisr.local', DEMO_PASSWORD);
    await t.db.pool.query(`UPDATE "session" SET expire = now() - interval '1 minute' WHERE sid = $1`, [a.sid]);
    await expectSignedOut(a.agent);
  });

  it('signs out a session whose sign-in is older than twelve hours, however active', async () => {
    expect(ABSOLUTE_TIMEOUT_MS).toBe(12 * 3600 * 1000);
    const recent = await signedIn(t.app, 'officer@demo.jisr.local', DEMO_PASSWORD);
    await setSignedInAt(recent.sid, Date.now() - 11 * 3600 * 1000);
    await recent.agent.get('/me').expect(200);

    const old = await signedIn(t.app, 'officer@demo.jisr.local', DEMO_PASSWORD);
    await setSignedInAt(old.sid, Date.now() - ABSOLUTE_TIMEOUT_MS - 60_000);
    await expectSignedOut(old.agent);
    // The old session id no longer carries a user, and the admin pages stay shut to the old cookie.
    const { rows } = await t.db.pool.query(`SELECT sess FROM "session" WHERE sid = $1 AND sess::jsonb ? 'passport'`, [old.sid]);
    expect(rows.filter((r) => r.sess.passport?.user)).toHaveLength(0);
    const replay = await request(t.app).get('/me').set('Cookie', old.cookie.split(';')[0]!);
    expect(replay.status).toBe(303);
  });
});

describe('tokens tied to the session', () => {
  it('renews the CSRF token at sign-in: the token of the anonymous page no longer works', async () => {
    const b = browserLike(t.app);
    const before = csrfFrom((await b.agent.get('/login')).text);
    expect((await b.agent.post('/login').type('form').send({ _csrf: before, email: 'admin@demo.jisr.local', password: DEMO_PASSWORD })).status).toBe(303);
    const after = csrfFrom((await b.agent.get('/me')).text);
    expect(after).not.toBe(before);
    await b.agent.post('/logout').type('form').send({ _csrf: before }).expect(403);
    await b.agent.get('/me').expect(200);
    await b.agent.post('/logout').type('form').send({ _csrf: after }).expect(303);
  });

  it('keeps signed-in pages out of caches', async () => {
    const a = await signedIn(t.app, 'admin@demo.jisr.local', DEMO_PASSWORD);
    for (const path of ['/me', '/admin/users', '/admin/audit', '/account/password']) {
      expect((await a.agent.get(path)).headers['cache-control'], path).toBe('no-store');
    }
  });
});

describe('error pages', () => {
  it('never show a stack trace or database text, whatever the error', async () => {
    const b = browserLike(t.app);
    const page = await b.agent.get('/login');
    const token = csrfFrom(page.text);
    const cases = [
      await b.agent.get('/no/such/page').expect(404),
      await b.agent.get('/experts/%E0%A4%A').expect(400),
      await b.agent.get(`/needs/${'x'.repeat(5000)}`).expect(404),
      await b.agent.post('/login').type('form').send({ email: 'a@b.c', password: 'x' }).expect(403),
      await b.agent.post('/login').type('form').send({ _csrf: token, email: 'a@b.c', password: 'x', role: 'admin' }).expect(400),
      await b.agent.post('/login').type('form').send({ _csrf: token, email: 'a@b.c', password: 'x'.repeat(200_000) }).expect(413),
      await b.agent.post('/login').type('form').send(`_csrf=${token}&email=a%40b.c&email=b%40c.d&password=x`).expect(400),
      await b.agent.post('/register/expert').type('form').send({ _csrf: token, email: { nested: 'x' } }).expect(400),
      await b.agent.post('/login').set('Content-Type', 'application/x-www-form-urlencoded; charset=koi8-r').send('x').expect(415),
    ];
    for (const res of cases) {
      // An error page, or the form again with a message next to the field.
      expect(res.text).toMatch(/data-testid="(error-title|field-error-\w+)"/);
      expectNoInternals(res.text);
    }
  });

  it('answer JSON clients with a message only', async () => {
    const res = await request(t.app).get('/no/such/page').set('Accept', 'application/json').expect(404);
    expect(Object.keys(res.body)).toEqual(['error']);
    expectNoInternals(res.text);
  });

  it('show a plain 500 page, without internals, when the database is gone during sign-in', async () => {
    const broken = await startTestApp({ template: DEMO_TEMPLATE_DB });
    const agent = request.agent(broken.app);
    const page = await agent.get('/login').expect(200);
    await broken.db.pool.end();
    await broken.db.prisma.$disconnect();
    const res = await agent.post('/login').type('form').send({ _csrf: csrfFrom(page.text), email: 'expert@demo.jisr.local', password: DEMO_PASSWORD });
    expect(res.status).toBe(500);
    expectNoInternals(res.text);
    expect(res.text).not.toMatch(/ECONNREFUSED|pool|Cannot use|postgres/i);
    await broken.close().catch(() => undefined);
  });
});

describe('logs', () => {
  it('keep password-reset and verification tokens out of the request log', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const db = await createTestDatabase(DEMO_TEMPLATE_DB);
    try {
      const app = createApp({ config: testConfig(), db, logger: pino({ level: 'info' }, stream), limits: LOOSE_LIMITS });
      const token = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcd';
      await request(app).get(`/password/reset/${token}`).expect(410);
      await request(app).get(`/verify-email/${token}?lng=ar`).expect(410);
      const log = lines.join('');
      expect(log).toContain('/password/reset/[token]');
      expect(log).toContain('/verify-email/[token]?lng=ar');
      expect(log).not.toContain(token);
    } finally {
      await db.close();
    }
  });

  it('never contain a password, whether the sign-in fails or succeeds, nor one chosen at registration', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = pino({ level: 'trace' }, stream);
    const db = await createTestDatabase(DEMO_TEMPLATE_DB);
    try {
      const app = createApp({ config: testConfig(), db, logger, limits: LOOSE_LIMITS });
      const wrong = 'Wrong-secret-Zanzibar-4471';
      expect((await browserLike(app).signIn('expert@demo.jisr.local', wrong)).status).toBe(401);
      expect((await browserLike(app).signIn('expert@demo.jisr.local', DEMO_PASSWORD)).status).toBe(303);
      const reg = await browserLike(app).post('/register/expert', '/register/expert', {
        firstName: 'Log', lastName: 'Check', email: 'log.check@example.org', password: STRONG_PASSWORD, kind: 'diaspora', consent: 'on',
      });
      expect(reg.status).toBe(200);
      const log = lines.join('');
      expect(log).toContain('/login');
      expect(lines.length).toBeGreaterThanOrEqual(5);
      for (const secret of [wrong, DEMO_PASSWORD, STRONG_PASSWORD, encodeURIComponent(DEMO_PASSWORD), encodeURIComponent(STRONG_PASSWORD)]) {
        expect(log).not.toContain(secret);
      }
      const hash = (await db.prisma.user.findUniqueOrThrow({ where: { email: 'log.check@example.org' } })).passwordHash;
      expect(log).not.toContain(hash);
    } finally {
      await db.close();
    }
  });
});
