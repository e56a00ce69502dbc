import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/lib/logger.js';
import { fileTransport } from '../../src/mail/transport.js';
import { drainUntilEmpty } from '../../src/mail/worker.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { browserLike } from '../helpers/forms.js';
import { byTestId, escapeHtml, fr, LOOSE_LIMITS, mailLink, pathOf, STRONG_PASSWORD } from '../helpers/security.js';

let t: TestApp;
const mailDir = mkdtempSync(path.join(os.tmpdir(), 'jisr-mail-'));
beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB, limits: LOOSE_LIMITS });
});
afterAll(async () => {
  await t?.close();
  rmSync(mailDir, { recursive: true, force: true });
});

async function register(email: string, firstName = 'Samir') {
  const res = await browserLike(t.app).post('/register/expert', '/register/expert', {
    firstName, lastName: 'Ouazzani', email, password: STRONG_PASSWORD, kind: 'south_south', nationality: 'SN', consent: 'on',
  });
  expect(res.status).toBe(200);
}

describe('e-mail verification', () => {
  it('refuses sign-in before the address is confirmed, and sends a fresh link that replaces the old one', async () => {
    const email = 'unverified@example.org';
    await register(email);
    const firstLink = await mailLink(t.db.prisma, email, 'verify_email');
    const b = browserLike(t.app);
    const res = await b.signIn(email, STRONG_PASSWORD);
    expect(res.status).toBe(403);
    expect(byTestId(res.text, 'flash-error')).toBe(escapeHtml(fr('auth.unverified')));
    expect((await b.agent.get('/me')).headers.location).toBe('/login');
    const mails = await t.db.prisma.outboxEmail.findMany({ where: { toAddress: email, template: 'verify_email' } });
    expect(mails).toHaveLength(2);
    const freshLink = await mailLink(t.db.prisma, email, 'verify_email');
    expect(freshLink).not.toBe(firstLink);
    // Only the newest link works.
    await request(t.app).get(pathOf(firstLink)).expect(410);
    await request(t.app).get(pathOf(freshLink)).expect(200);
  });

  it('verifies the address once with the link of the mail, then lets the user sign in', async () => {
    const email = 'verify.once@example.org';
    await register(email);
    const b = browserLike(t.app);
    const link = pathOf(await mailLink(t.db.prisma, email, 'verify_email'));
    const ok = await b.agent.get(link);
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('data-testid="email-verified"');
    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { email } });
    expect(user.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await t.db.prisma.auditLog.count({ where: { action: 'auth.email_verified', entityId: user.id } })).toBe(1);

    const again = await b.agent.get(link);
    expect(again.status).toBe(410);
    expect(again.text).toContain('data-testid="link-expired"');
    expect(await t.db.prisma.auditLog.count({ where: { action: 'auth.email_verified', entityId: user.id } })).toBe(1);

    const signIn = await b.signIn(email, STRONG_PASSWORD);
    expect(signIn.status).toBe(303);
    expect(signIn.headers.location).toBe('/me');
    await b.agent.get('/me').expect(200);
  });

  it('refuses an expired, unknown or malformed link with 410, and verifies nothing', async () => {
    const email = 'expired.link@example.org';
    await register(email);
    const link = pathOf(await mailLink(t.db.prisma, email, 'verify_email'));
    await t.db.prisma.userToken.updateMany({ where: { user: { email }, purpose: 'verify_email' }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await request(t.app).get(link).expect(410);
    await request(t.app).get(`/verify-email/${'A'.repeat(43)}`).expect(410);
    await request(t.app).get('/verify-email/%27%3B--').expect(410);
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).toBeNull();
  });

  it('stores only a hash of each token, never the link itself', async () => {
    const email = 'hashed.token@example.org';
    await register(email);
    const raw = pathOf(await mailLink(t.db.prisma, email, 'verify_email')).split('/').pop()!;
    const tokens = await t.db.prisma.userToken.findMany({ where: { user: { email } } });
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokens[0]!.tokenHash).not.toContain(raw);
  });
});

describe('the outbox worker', () => {
  it('sends what registration and password reset queue: rows marked sent, .eml files holding the links', async () => {
    const email = 'worker.flow@example.org';
    await register(email, 'Layla');
    await browserLike(t.app).post('/password/forgot', '/password/forgot', { email: 'expert@demo.jisr.local' });
    const queued = await t.db.prisma.outboxEmail.findMany({ where: { status: 'pending' } });
    const ours = queued.filter((m) => m.toAddress === email || m.toAddress === 'expert@demo.jisr.local');
    expect(ours.map((m) => m.template).sort()).toEqual(['reset_password', 'verify_email']);

    const logger = createLogger('silent');
    const result = await drainUntilEmpty(t.db.prisma, fileTransport(mailDir, logger), logger);
    expect(result).toEqual({ sent: queued.length, failed: 0, retried: 0 });
    const rows = await t.db.prisma.outboxEmail.findMany({ where: { id: { in: queued.map((m) => m.id) } } });
    for (const row of rows) {
      expect(row.status).toBe('sent');
      expect(row.sentAt).toBeInstanceOf(Date);
    }
    expect(await t.db.prisma.outboxEmail.count({ where: { status: { not: 'sent' } } })).toBe(0);

    const files = readdirSync(mailDir).filter((f) => f.endsWith('.eml'));
    expect(files).toHaveLength(queued.length);
    for (const m of ours) {
      const file = files.find((f) => f.includes(m.id));
      expect(file, m.template).toBeDefined();
      const eml = readFileSync(path.join(mailDir, file!), 'utf8');
      expect(eml).toContain(`To: ${m.toAddress}\r\n`);
      const link = /https?:\/\/\S+/.exec(m.textBody)![0];
      expect(eml).toContain(link);
    }

    // The link read from the file is the one that works.
    const verifyFile = files.find((f) => f.includes(ours.find((m) => m.template === 'verify_email')!.id))!;
    const fromFile = /http:\/\/jisr\.test(\/verify-email\/[\w-]+)/.exec(readFileSync(path.join(mailDir, verifyFile), 'utf8'))![1]!;
    await request(t.app).get(fromFile).expect(200);
    const b = browserLike(t.app);
    expect((await b.signIn(email, STRONG_PASSWORD)).status).toBe(303);

    // A second drain finds nothing left to send.
    expect(await drainUntilEmpty(t.db.prisma, fileTransport(mailDir, logger), logger)).toEqual({ sent: 0, failed: 0, retried: 0 });
  });
});
