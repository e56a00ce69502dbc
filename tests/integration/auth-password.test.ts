import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { browserLike, sessionCookie } from '../helpers/forms.js';
import {
  byTestId, escapeHtml, fr, LOOSE_LIMITS, mailLink, mainOf, OTHER_STRONG_PASSWORD, pathOf, sessionRows, sidOf, signedIn, STRONG_PASSWORD,
} from '../helpers/security.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB, limits: LOOSE_LIMITS });
});
afterAll(() => t?.close());

const forgot = (email: string) => browserLike(t.app).post('/password/forgot', '/password/forgot', { email });
const outboxTo = (toAddress: string) => t.db.prisma.outboxEmail.count({ where: { toAddress } });
const userId = async (email: string) => (await t.db.prisma.user.findUniqueOrThrow({ where: { email } })).id;

async function resetLink(email: string): Promise<string> {
  expect((await forgot(email)).status).toBe(200);
  return pathOf(await mailLink(t.db.prisma, email, 'reset_password'));
}
const submitReset = (link: string, password: string) => browserLike(t.app).post('/password/forgot', link, { password });

describe('forgotten password', () => {
  it('answers a known and an unknown address identically, and mails only the known one', async () => {
    const known = 'officer@demo.jisr.local';
    const unknown = 'nobody.here@example.org';
    const before = { known: await outboxTo(known), unknown: await outboxTo(unknown) };
    const a = await forgot(known);
    const b = await forgot(unknown);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(mainOf(a.text)).toBe(mainOf(b.text));
    expect(byTestId(a.text, 'flash-info')).toBe(escapeHtml(fr('auth.forgot.sent')));
    expect(a.text).toBe(b.text);
    expect(await outboxTo(known)).toBe(before.known + 1);
    expect(await outboxTo(unknown)).toBe(0);
    expect(await t.db.prisma.outboxEmail.count({ where: { toAddress: known, template: 'reset_password' } })).toBe(1);
  });

  it('answers a malformed address with the form and a message, and mails nothing', async () => {
    const before = await t.db.prisma.outboxEmail.count();
    const res = await forgot('not an address');
    expect(res.status).toBe(400);
    expect(byTestId(res.text, 'field-error-email')).toBe(escapeHtml(fr('validation.email')));
    expect(await t.db.prisma.outboxEmail.count()).toBe(before);
  });
});

describe('password reset', () => {
  it('works once, ends every session of the account, and the new password replaces the old one', async () => {
    const email = 'expert@demo.jisr.local';
    const elsewhere = await signedIn(t.app, email, DEMO_PASSWORD);
    await elsewhere.agent.get('/me').expect(200);
    const link = await resetLink(email);
    await request(t.app).get(link).expect(200);

    const done = await submitReset(link, STRONG_PASSWORD);
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/login');
    expect(await sessionRows(t.db.pool, await userId(email))).toBe(0);
    const me = await elsewhere.agent.get('/me');
    expect(me.status).toBe(303);
    expect(me.headers.location).toBe('/login');

    // Second use of the same link: gone.
    const reuse = await request(t.app).get(link);
    expect(reuse.status).toBe(410);
    expect(reuse.text).toContain('data-testid="link-expired"');
    expect((await submitReset(link, OTHER_STRONG_PASSWORD)).status).toBe(410);

    expect((await browserLike(t.app).signIn(email, DEMO_PASSWORD)).status).toBe(401);
    expect((await browserLike(t.app).signIn(email, OTHER_STRONG_PASSWORD)).status).toBe(401);
    expect((await browserLike(t.app).signIn(email, STRONG_PASSWORD)).status).toBe(303);
    expect(await t.db.prisma.outboxEmail.count({ where: { toAddress: email, template: 'password_changed' } })).toBe(1);
    expect(await t.db.prisma.auditLog.count({ where: { action: 'auth.password_reset', entityId: await userId(email) } })).toBe(1);
  });

  it('refuses an expired link with 410 and changes nothing', async () => {
    const email = 'staff@demo.jisr.local';
    const link = await resetLink(email);
    const before = (await t.db.prisma.user.findUniqueOrThrow({ where: { email } })).passwordHash;
    await t.db.prisma.userToken.updateMany({ where: { user: { email }, purpose: 'reset_password' }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await request(t.app).get(link).expect(410);
    expect((await submitReset(link, STRONG_PASSWORD)).status).toBe(410);
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { email } })).passwordHash).toBe(before);
    expect((await browserLike(t.app).signIn(email, DEMO_PASSWORD)).status).toBe(303);
  });

  it('keeps only the newest link alive', async () => {
    const email = 'admin@demo.jisr.local';
    const first = await resetLink(email);
    const second = await resetLink(email);
    expect(second).not.toBe(first);
    await request(t.app).get(first).expect(410);
    await request(t.app).get(second).expect(200);
  });

  it('refuses a weak new password with 400 and the message, and leaves the link usable', async () => {
    const email = 'officer@demo.jisr.local';
    const link = await resetLink(email);
    const before = (await t.db.prisma.user.findUniqueOrThrow({ where: { email } })).passwordHash;
    for (const [password, key, params] of [['azerty123456', 'validation.passwordCommon', {}], ['too short', 'validation.passwordTooShort', { min: 12 }]] as const) {
      const res = await submitReset(link, password);
      expect(res.status).toBe(400);
      expect(byTestId(res.text, 'field-error-password')).toBe(escapeHtml(fr(key, params)));
      expect(res.text).not.toContain(password);
    }
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { email } })).passwordHash).toBe(before);
    await request(t.app).get(link).expect(200);
  });
});

describe('changing the password', () => {
  async function registeredUser(email: string) {
    await browserLike(t.app).post('/register/expert', '/register/expert', {
      firstName: 'Rachid', lastName: 'Tazi', email, password: STRONG_PASSWORD, kind: 'diaspora', consent: 'on',
    });
    await t.db.prisma.user.update({ where: { email }, data: { emailVerifiedAt: new Date() } });
  }
  const change = (a: Awaited<ReturnType<typeof signedIn>>, fields: Record<string, string>) => a.postFrom('/account/password', fields, '/account/password');

  it('asks for the current password: a wrong one gets a message next to the field and changes nothing', async () => {
    const email = 'change.wrong@example.org';
    await registeredUser(email);
    const a = await signedIn(t.app, email, STRONG_PASSWORD);
    const before = (await t.db.prisma.user.findUniqueOrThrow({ where: { email } })).passwordHash;
    const res = await change(a, { currentPassword: 'not my password at all', password: OTHER_STRONG_PASSWORD });
    expect(res.status).toBe(400);
    expect(byTestId(res.text, 'field-error-currentPassword')).toBe(escapeHtml(fr('validation.currentPasswordWrong')));
    expect(res.text).not.toContain(OTHER_STRONG_PASSWORD);
    const weak = await change(a, { currentPassword: STRONG_PASSWORD, password: 'password1234' });
    expect(weak.status).toBe(400);
    expect(byTestId(weak.text, 'field-error-password')).toBe(escapeHtml(fr('validation.passwordCommon')));
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { email } })).passwordHash).toBe(before);
    expect(await t.db.prisma.outboxEmail.count({ where: { toAddress: email, template: 'password_changed' } })).toBe(0);
    expect(await t.db.prisma.auditLog.count({ where: { action: 'auth.password_change_failed', entityId: await userId(email) } })).toBe(1);
  });

  it('ends the other sessions when asked, and keeps the current one', async () => {
    const email = 'change.others@example.org';
    await registeredUser(email);
    const here = await signedIn(t.app, email, STRONG_PASSWORD);
    const there = await signedIn(t.app, email, STRONG_PASSWORD);
    await there.agent.get('/me').expect(200);
    const res = await change(here, { currentPassword: STRONG_PASSWORD, password: OTHER_STRONG_PASSWORD, endOtherSessions: 'on' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/me');
    const me = await here.agent.get('/me').expect(200);
    expect(byTestId(me.text, 'flash-success')).toBe(escapeHtml(fr('auth.passwordChangedOthersEnded', { count: '1' })));
    const gone = await there.agent.get('/me');
    expect(gone.status).toBe(303);
    expect(gone.headers.location).toBe('/login');
    expect(await sessionRows(t.db.pool, await userId(email))).toBe(1);
    expect((await browserLike(t.app).signIn(email, STRONG_PASSWORD)).status).toBe(401);
    expect((await browserLike(t.app).signIn(email, OTHER_STRONG_PASSWORD)).status).toBe(303);
    expect(await t.db.prisma.outboxEmail.count({ where: { toAddress: email, template: 'password_changed' } })).toBe(1);
    const audit = await t.db.prisma.auditLog.findMany({ where: { action: 'auth.password_changed', entityId: await userId(email) } });
    expect(audit.map((a) => a.details)).toEqual([{ endOtherSessions: true }]);
  });

  it('leaves the other sessions open when not asked', async () => {
    const email = 'change.keep@example.org';
    await registeredUser(email);
    const here = await signedIn(t.app, email, STRONG_PASSWORD);
    const there = await signedIn(t.app, email, STRONG_PASSWORD);
    expect((await change(here, { currentPassword: STRONG_PASSWORD, password: OTHER_STRONG_PASSWORD })).status).toBe(303);
    await there.agent.get('/me').expect(200);
  });

  it('gives the current session a new id (issue 10): the cookie from before the change opens nothing', async () => {
    const email = 'change.rotate@example.org';
    await registeredUser(email);
    const here = await signedIn(t.app, email, STRONG_PASSWORD);
    const res = await change(here, { currentPassword: STRONG_PASSWORD, password: OTHER_STRONG_PASSWORD });
    expect(res.status).toBe(303);
    const cookie = sessionCookie(res);
    expect(cookie, 'a new session cookie').toBeDefined();
    expect(sidOf(cookie!)).not.toBe(here.sid);
    // Still signed in with the new cookie, with the flash that says so; the old id is gone from the store.
    const me = await here.agent.get('/me').expect(200);
    expect(byTestId(me.text, 'flash-success')).toBe(escapeHtml(fr('auth.passwordChanged')));
    expect((await t.db.pool.query('SELECT 1 FROM "session" WHERE sid = $1', [here.sid])).rowCount).toBe(0);
    const stale = await request(t.app).get('/me').set('Cookie', here.cookie.split(';')[0]!);
    expect(stale.status).toBe(303);
    expect(stale.headers.location).toBe('/login');
  });

  it('is for signed-in users only', async () => {
    const res = await request(t.app).get('/account/password');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/login');
  });
});

describe('changing the password from a session', () => {
  it('throttles guesses of the current password per account', async () => {
    const t2 = await startTestApp({ template: DEMO_TEMPLATE_DB, limits: { login: { windowMs: 60_000, limit: 1000 }, passwordReset: { windowMs: 60_000, limit: 3 } } });
    try {
      const b = browserLike(t2.app);
      await b.signIn('expert@demo.jisr.local', DEMO_PASSWORD);
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push((await b.post('/account/password', '/account/password', { currentPassword: `guess number ${i}`, password: 'Une phrase de passe toute neuve' })).status);
      }
      expect(statuses).toEqual([400, 400, 400, 429]);
    } finally {
      await t2.close();
    }
  });
});
