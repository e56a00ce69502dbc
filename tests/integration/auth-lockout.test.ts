import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { csrfFrom } from '../helpers/forms.js';
import { byTestId, escapeHtml, fr, STRONG_PASSWORD } from '../helpers/security.js';

// Default rate limits on purpose in this file: 10 sign-in attempts a minute per client address.
let direct: TestApp; // no proxy in front: the client address is the socket's
let proxied: TestApp; // one trusted proxy hop (TRUST_PROXY=1)
beforeAll(async () => {
  [direct, proxied] = await Promise.all([
    startTestApp({ template: DEMO_TEMPLATE_DB }),
    startTestApp({ template: DEMO_TEMPLATE_DB, config: { trustProxy: 1 } }),
  ]);
});
afterAll(async () => {
  await Promise.all([direct?.close(), proxied?.close()]);
});
beforeEach(async () => {
  // Each test starts with fresh counters (the window of the previous test is over).
  await Promise.all([direct.db.pool.query('DELETE FROM "RateLimit"'), proxied.db.pool.query('DELETE FROM "RateLimit"')]);
});

/** One sign-in attempt from a fresh browser, with the given headers on both the GET and the POST. */
async function attempt(app: Express, email: string, password: string, headers: Record<string, string> = {}) {
  const agent = request.agent(app);
  const page = await agent.get('/login').set(headers);
  const res = await agent.post('/login').set(headers).type('form').send({ _csrf: csrfFrom(page.text), email, password });
  return { res, agent };
}

/** Posts a form from a fresh browser, with the CSRF token of the page at the same path. */
async function postFrom(app: Express, path: string, fields: Record<string, string>) {
  const agent = request.agent(app);
  const page = await agent.get(path);
  return agent.post(path).type('form').send({ _csrf: csrfFrom(page.text), ...fields });
}

const problem = (html: string) => byTestId(html, 'flash-error');
const LOCKED = escapeHtml(fr('auth.locked'));
const INVALID = escapeHtml(fr('auth.invalidCredentials'));
const TOO_MANY = escapeHtml(fr('errors.tooManyRequests'));
const ip = (n: number) => `198.51.100.${n}`;

async function loginKeys(t: TestApp) {
  const { rows } = await t.db.pool.query<{ key: string; hits: number }>(`SELECT key, hits FROM "RateLimit" WHERE key LIKE 'login:%'`);
  return rows;
}

describe('progressive lock-out and sign-in rate limit', () => {
  it('refuses the 11th wrong password of a minute with 429, locks the account, and refuses even the right password while locked', async () => {
    const email = 'expert@demo.jisr.local';
    for (let i = 1; i <= 9; i++) {
      const { res } = await attempt(direct.app, email, `wrong password number ${i}`);
      expect(res.status, `attempt ${i}`).toBe(401);
      expect(problem(res.text)).toBe(INVALID);
    }
    // The 10th failure locks the account (5 minutes)…
    const tenth = await attempt(direct.app, email, 'wrong password number 10');
    expect(tenth.res.status).toBe(429);
    expect(problem(tenth.res.text)).toBe(LOCKED);
    // …and the 11th attempt of the minute is refused outright by the limiter.
    const eleventh = await attempt(direct.app, email, 'wrong password number 11');
    expect(eleventh.res.status).toBe(429);
    expect(byTestId(eleventh.res.text, 'error-message')).toBe(TOO_MANY);
    expect(Number(eleventh.res.headers['retry-after'])).toBeGreaterThan(0);

    const user = await direct.db.prisma.user.findUniqueOrThrow({ where: { email } });
    expect(user.failedLogins).toBe(10);
    expect(user.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 4 * 60_000);
    expect(user.lockedUntil!.getTime()).toBeLessThanOrEqual(Date.now() + 5 * 60_000);
    const failures = await direct.db.prisma.auditLog.findMany({ where: { action: 'auth.login_failed', entityId: user.id } });
    expect(failures).toHaveLength(10);

    // A minute later the limiter lets the owner through, but the account is still locked: the right password fails.
    await direct.db.pool.query('DELETE FROM "RateLimit"');
    const owner = await attempt(direct.app, email, DEMO_PASSWORD);
    expect(owner.res.status).toBe(429);
    expect(problem(owner.res.text)).toBe(LOCKED);
    const me = await owner.agent.get('/me');
    expect(me.status).toBe(303);
    expect(me.headers.location).toBe('/login');
    expect(await direct.db.prisma.auditLog.count({ where: { action: 'auth.login_refused', entityId: user.id } })).toBe(1);

    // Once the lock has passed, the right password opens the account and the count starts again from zero.
    await direct.db.prisma.user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    const later = await attempt(direct.app, email, DEMO_PASSWORD);
    expect(later.res.status).toBe(303);
    await later.agent.get('/me').expect(200);
    const after = await direct.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });

  it('locks the account whatever address the guesses come from, and leaves other accounts alone', async () => {
    const email = 'officer@demo.jisr.local';
    for (let i = 1; i <= 10; i++) {
      const { res } = await attempt(proxied.app, email, `guess ${i} of a botnet`, { 'X-Forwarded-For': ip(10 + i) });
      expect(res.status, `attempt ${i}`).toBe(i < 10 ? 401 : 429);
    }
    const eleventh = await attempt(proxied.app, email, 'guess 11 of a botnet', { 'X-Forwarded-For': ip(30) });
    expect(eleventh.res.status).toBe(429);
    expect(problem(eleventh.res.text)).toBe(LOCKED);
    const owner = await attempt(proxied.app, email, DEMO_PASSWORD, { 'X-Forwarded-For': ip(31) });
    expect(owner.res.status).toBe(429);
    expect(problem(owner.res.text)).toBe(LOCKED);
    const user = await proxied.db.prisma.user.findUniqueOrThrow({ where: { email } });
    expect(user.lockedUntil!.getTime()).toBeGreaterThan(Date.now());

    const other = await attempt(proxied.app, 'admin@demo.jisr.local', DEMO_PASSWORD, { 'X-Forwarded-For': ip(30) });
    expect(other.res.status).toBe(303);
  });

  it('resets the failure count at a successful sign-in', async () => {
    const email = 'staff@demo.jisr.local';
    for (let i = 1; i <= 4; i++) {
      expect((await attempt(proxied.app, email, `almost ${i}`, { 'X-Forwarded-For': ip(40) })).res.status).toBe(401);
    }
    expect((await proxied.db.prisma.user.findUniqueOrThrow({ where: { email } })).failedLogins).toBe(4);
    expect((await attempt(proxied.app, email, DEMO_PASSWORD, { 'X-Forwarded-For': ip(40) })).res.status).toBe(303);
    expect((await proxied.db.prisma.user.findUniqueOrThrow({ where: { email } })).failedLogins).toBe(0);
    // Six more failures: without the reset, the 6th of them would have been the 10th and locked the account.
    for (let i = 1; i <= 6; i++) {
      expect((await attempt(proxied.app, email, `again ${i}`, { 'X-Forwarded-For': ip(41) })).res.status, `attempt ${i}`).toBe(401);
    }
    const user = await proxied.db.prisma.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ failedLogins: 6, lockedUntil: null });
  });

  it('does not reset the counter for a spoofed X-Forwarded-For when no proxy is trusted', async () => {
    // Unknown addresses: no account gets locked, only the limiter is at work.
    for (let i = 1; i <= 10; i++) {
      const { res } = await attempt(direct.app, `nobody${i}@example.org`, 'some password guess', { 'X-Forwarded-For': `203.0.113.${i}` });
      expect(res.status, `attempt ${i}`).toBe(401);
    }
    const spoofed = await attempt(direct.app, 'nobody11@example.org', 'some password guess', { 'X-Forwarded-For': '203.0.113.99' });
    expect(spoofed.res.status).toBe(429);
    const plain = await attempt(direct.app, 'nobody12@example.org', 'some password guess');
    expect(plain.res.status).toBe(429);
    const keys = await loginKeys(direct);
    expect(keys).toHaveLength(1);
    expect(keys[0]!.key).not.toContain('203.0.113');
    expect(keys[0]!.hits).toBe(12);
  });

  it('limits registration per address: 30 accounts created an hour, and 100 refused forms; mistakes leave the accounts alone', async () => {
    // Issue 10: a workshop behind one office network was blocked after 10 attempts, typing errors included.
    const mistake = (i: number) => postFrom(direct.app, '/register/expert', { firstName: 'A', lastName: 'B', email: `r${i}@example.org`, password: 'x', kind: 'diaspora' });
    for (let i = 1; i <= 12; i++) expect((await mistake(i)).status, `mistake ${i}`).toBe(400);
    const account = (i: number) => postFrom(direct.app, '/register/expert', {
      firstName: 'Salma', lastName: 'Idrissi', email: `workshop${i}@example.org`, password: STRONG_PASSWORD, kind: 'diaspora', consent: 'on',
    });
    for (let i = 1; i <= 30; i++) expect((await account(i)).status, `account ${i}`).toBe(200);
    const register = await account(31);
    expect(register.status).toBe(429);
    expect(byTestId(register.text, 'error-message')).toBe(TOO_MANY);
    expect(await direct.db.prisma.user.count({ where: { email: { startsWith: 'workshop' } } })).toBe(30);

    // Refused forms have a higher limit of their own: 100 an hour (12 above), then nothing more is read.
    await direct.db.pool.query(`DELETE FROM "RateLimit" WHERE key LIKE 'register:%'`);
    for (let i = 13; i <= 100; i++) expect((await mistake(i)).status, `mistake ${i}`).toBe(400);
    expect((await mistake(101)).status).toBe(429);
    expect((await postFrom(direct.app, '/register/institution', { displayName: 'A', email: 'i@example.org', password: 'x', mode: 'join' })).status).toBe(429);
  });

  it('limits password-reset requests (5 an hour) per address', async () => {
    for (let i = 1; i <= 5; i++) {
      expect((await postFrom(direct.app, '/password/forgot', { email: `f${i}@example.org` })).status, `request ${i}`).toBe(200);
    }
    const before = await direct.db.prisma.outboxEmail.count();
    expect((await postFrom(direct.app, '/password/forgot', { email: 'expert@demo.jisr.local' })).status).toBe(429);
    expect(await direct.db.prisma.outboxEmail.count()).toBe(before);
    // Sign-in has a counter of its own.
    expect((await attempt(direct.app, 'nobody@example.org', 'some password guess')).res.status).toBe(401);
  });

  it('keys the counter on the address the trusted proxy saw, not on a forged left-most X-Forwarded-For entry', async () => {
    const client = ip(7);
    for (let i = 1; i <= 10; i++) {
      // The client forges the first entry; the proxy appends the address it really saw.
      const { res } = await attempt(proxied.app, `ghost${i}@example.org`, 'some password guess', { 'X-Forwarded-For': `10.0.0.${i}, ${client}` });
      expect(res.status, `attempt ${i}`).toBe(401);
    }
    const forged = await attempt(proxied.app, 'ghost11@example.org', 'some password guess', { 'X-Forwarded-For': `10.0.0.99, ${client}` });
    expect(forged.res.status).toBe(429);
    expect(byTestId(forged.res.text, 'error-message')).toBe(TOO_MANY);
    // Another real client behind the same proxy is not affected.
    const neighbour = await attempt(proxied.app, 'ghost12@example.org', 'some password guess', { 'X-Forwarded-For': `10.0.0.99, ${ip(8)}` });
    expect(neighbour.res.status).toBe(401);
    const keys = (await loginKeys(proxied)).map((r) => r.key);
    expect(keys.some((k) => k.includes(client))).toBe(true);
    expect(keys.some((k) => k.includes('10.0.0.'))).toBe(false);
  });
});
