import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { browserLike } from '../helpers/forms.js';
import { LOOSE_LIMITS, STRONG_PASSWORD } from '../helpers/security.js';

// Issue 10, finding 6: whoever registers can type any "name", and it was echoed in a genuine Jisr e-mail sent to
// an address nobody had proven. Such mail greets without the name.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB, limits: LOOSE_LIMITS });
});
afterAll(() => t?.close());

const BAIT = 'Appelez vite le +212 600 000 000';

async function mailsTo(email: string, template: string) {
  const rows = await t.db.prisma.outboxEmail.findMany({ where: { toAddress: email, template }, orderBy: { createdAt: 'asc' } });
  expect(rows.length, `${template} mails to ${email}`).toBeGreaterThan(0);
  return rows;
}

function expectNoName(row: { textBody: string; htmlBody: string | null }) {
  expect(row.textBody).not.toContain('Appelez');
  expect(row.htmlBody ?? '').not.toContain('Appelez');
  expect(row.textBody).toMatch(/^Bonjour,\n/);
}

describe('mail to an address nobody has proven', () => {
  it('the verification mail of an expert registration, and the one sent again at sign-in, greet without the typed name', async () => {
    const email = 'victim.expert@example.org';
    const b = browserLike(t.app);
    const res = await b.post('/register/expert', '/register/expert', { firstName: BAIT, lastName: 'Service', email, password: STRONG_PASSWORD, kind: 'diaspora', consent: 'on' });
    expect(res.status).toBe(200);
    expect((await b.signIn(email, STRONG_PASSWORD)).status).toBe(403);
    const mails = await mailsTo(email, 'verify_email');
    expect(mails).toHaveLength(2);
    for (const m of mails) expectNoName(m);
  });

  it('the verification mail of an institution registration', async () => {
    const email = 'victim.staff@example.org';
    const res = await browserLike(t.app).post('/register/institution', '/register/institution', {
      displayName: BAIT, email, password: STRONG_PASSWORD, mode: 'create', institutionName: 'Agence fictive', kind: 'ngo', regionCode: 'SM', city: 'Agadir',
    });
    expect(res.status).toBe(200);
    for (const m of await mailsTo(email, 'verify_email')) expectNoName(m);
  });

  it('a password reset for an unverified account, while a verified one is still greeted by name', async () => {
    const email = 'victim.reset@example.org';
    await browserLike(t.app).post('/register/expert', '/register/expert', { firstName: BAIT, lastName: 'Service', email, password: STRONG_PASSWORD, kind: 'diaspora', consent: 'on' });
    await browserLike(t.app).post('/password/forgot', '/password/forgot', { email });
    for (const m of await mailsTo(email, 'reset_password')) expectNoName(m);
    await browserLike(t.app).post('/password/forgot', '/password/forgot', { email: 'expert@demo.jisr.local' });
    const [verified] = await mailsTo('expert@demo.jisr.local', 'reset_password');
    expect(verified!.textBody).toMatch(/^Bonjour Salma Aït Taleb,\n/);
  });
});
