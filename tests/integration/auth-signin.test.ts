import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { browserLike, csrfFrom, sessionCookie } from '../helpers/forms.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB, limits: { login: { windowMs: 60_000, limit: 1000 } } });
});
afterAll(() => t.close());

describe('sign-in and sessions', () => {
  it('signs in, rotates the session id, sets safe cookie flags, and shows the role dashboard', async () => {
    const b = browserLike(t.app);
    const page = await b.agent.get('/login').expect(200);
    const before = sessionCookie(page);
    expect(before).toMatch(/HttpOnly/i);
    expect(before).toMatch(/SameSite=Lax/i);
    expect(before).not.toMatch(/Secure/i);
    const res = await b.agent.post('/login').type('form').send({ _csrf: csrfFrom(page.text), email: 'Officer@Demo.Jisr.Local ', password: DEMO_PASSWORD });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/me');
    const after = sessionCookie(res);
    expect(after?.split(';')[0]).not.toBe(before?.split(';')[0]);
    const me = await b.agent.get('/me').expect(200);
    expect(me.text).toContain('data-testid="me-role"');
    expect(me.text).toContain('Agent OIM');
    expect(me.headers['cache-control']).toBe('no-store');
  });

  it('marks the cookie Secure when served over TLS behind the configured proxy', async () => {
    const tls = await startTestApp({ template: DEMO_TEMPLATE_DB, config: { trustProxy: 1 } });
    try {
      const page = await request(tls.app).get('/login').set('X-Forwarded-Proto', 'https').expect(200);
      expect(sessionCookie(page)).toMatch(/Secure/);
      expect(page.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    } finally {
      await tls.close();
    }
  });

  it('refuses a POST without a CSRF token, or with a wrong one, with 403', async () => {
    const b = browserLike(t.app);
    await b.agent.get('/login');
    await b.agent.post('/login').type('form').send({ email: 'officer@demo.jisr.local', password: DEMO_PASSWORD }).expect(403);
    const wrong = await b.agent.post('/login').type('form').send({ _csrf: 'x'.repeat(64), email: 'officer@demo.jisr.local', password: DEMO_PASSWORD });
    expect(wrong.status).toBe(403);
    expect(wrong.text).toContain('Le formulaire a expiré');
    await request(t.app).post('/logout').expect(403);
  });

  it('answers a wrong password and an unknown address the same way', async () => {
    const a = await browserLike(t.app).signIn('officer@demo.jisr.local', 'not the right password at all');
    const b = await browserLike(t.app).signIn('nobody@example.org', 'not the right password at all');
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    const message = (html: string) => /data-testid="flash-error">([^<]+)</.exec(html)?.[1];
    expect(message(a.text)).toBe(message(b.text));
  });

  it('signs out with POST only, and the old session cookie no longer opens anything', async () => {
    const b = browserLike(t.app);
    await b.signIn('expert@demo.jisr.local', DEMO_PASSWORD);
    const cookie = sessionCookie(await b.agent.get('/me'))?.split(';')[0];
    expect(cookie).toBeDefined();
    await b.agent.get('/logout').expect(404);
    await b.agent.get('/me').expect(200);
    const me = await b.agent.get('/me');
    const out = await b.agent.post('/logout').type('form').send({ _csrf: csrfFrom(me.text) });
    expect(out.status).toBe(303);
    const replay = await request(t.app).get('/me').set('Cookie', cookie!);
    expect(replay.status).toBe(303);
    expect(replay.headers.location).toBe('/login');
  });

  it('refuses a form that posts an unexpected field such as role', async () => {
    const b = browserLike(t.app);
    const res = await b.post('/login', '/login', { email: 'officer@demo.jisr.local', password: DEMO_PASSWORD, role: 'admin' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('champ inattendu');
  });

  it('brings a signed-out visitor back to the page they asked for, and never to another site', async () => {
    const b = browserLike(t.app);
    const first = await b.agent.get('/admin/users');
    expect(first.headers.location).toBe('/login');
    const res = await b.signIn('admin@demo.jisr.local', DEMO_PASSWORD);
    expect(res.headers.location).toBe('/admin/users');
  });
});

describe('lock-out does not tell whether an address has an account', () => {
  it('answers "locked" after ten failures on an unknown address, as on a real account', async () => {
    const { authenticate } = await import('../../src/auth/authenticate.js');
    const ctx = { now: new Date(), allowDemoAccounts: true };
    const reasons = async (email: string) => {
      const out: string[] = [];
      for (let i = 0; i < 11; i++) {
        const r = await authenticate(t.db.prisma, email, `wrong guess ${i}`, ctx);
        out.push(r.ok ? 'ok' : r.reason);
      }
      return out;
    };
    const known = await reasons('admin@demo.jisr.local');
    const unknown = await reasons('nobody.here@example.org');
    expect(unknown).toEqual(known);
    expect(known.slice(-2)).toEqual(['locked', 'locked']);
    await t.db.prisma.user.update({ where: { email: 'admin@demo.jisr.local' }, data: { failedLogins: 0, lockedUntil: null } });
  });
});
