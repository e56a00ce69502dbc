import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_PURPOSE, CONSENT_VERSION } from '../../src/auth/register-expert.js';
import { renderEmail } from '../../src/mail/templates.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { browserLike, csrfFrom } from '../helpers/forms.js';
import { ar, byTestId, escapeHtml, fr, LOOSE_LIMITS, mainOf, STRONG_PASSWORD } from '../helpers/security.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB, limits: LOOSE_LIMITS });
});
afterAll(() => t?.close());

const expert = (over: Record<string, string> = {}) => ({
  firstName: 'Nadia', lastName: 'Benali', email: 'nadia.benali@example.org', password: STRONG_PASSWORD, kind: 'diaspora', consent: 'on', ...over,
});
const registerExpert = (fields: Record<string, string>, page = '/register/expert') => browserLike(t.app).post(page, '/register/expert', fields);

/** Rows a failed registration must not leave behind. */
async function counts() {
  const p = t.db.prisma;
  const [users, profiles, consents, outbox, institutions, members] = await Promise.all([
    p.user.count(), p.expertProfile.count(), p.consent.count(), p.outboxEmail.count(), p.institution.count(), p.institutionMember.count(),
  ]);
  return { users, profiles, consents, outbox, institutions, members };
}

describe('expert registration', () => {
  it.each([
    ['Arabic script', 'يوسف', 'العلوي', 'youssef.alaoui@example.org'],
    ['Tifinagh', 'ⵜⵉⵍⴻⵍⵍⵉ', 'ⴰⵎⴰⵣⵉⵖ', 'tilelli@example.org'],
    ['accents, apostrophes and hyphens', 'Zoé-Maëlle', "Aït-Lahcen d'Oujda", 'zoe.maelle@example.org'],
    ['a typographic apostrophe', 'Hélène', 'N’Diaye-Benjelloun', 'helene.nd@example.org'],
  ])('stores a name in %s intact, with the consent version and time, and queues the verification mail', async (_label, firstName, lastName, email) => {
    const before = new Date();
    const res = await registerExpert(expert({ firstName, lastName, email }));
    expect(res.status).toBe(200);
    expect(res.text).toContain('data-testid="check-email"');
    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { email }, include: { expertProfile: true, consents: true } });
    expect(user).toMatchObject({ role: 'expert', status: 'active', emailVerifiedAt: null, locale: 'fr', displayName: `${firstName} ${lastName}` });
    expect(user.expertProfile).toMatchObject({ firstName, lastName, kind: 'diaspora' });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(STRONG_PASSWORD);
    expect(user.consents).toHaveLength(1);
    expect(user.consents[0]).toMatchObject({ purpose: CONSENT_PURPOSE, textVersion: CONSENT_VERSION, withdrawnAt: null });
    expect(user.consents[0]!.givenAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(user.consents[0]!.givenAt.getTime()).toBeLessThanOrEqual(Date.now());
    const mails = await t.db.prisma.outboxEmail.findMany({ where: { toAddress: email } });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: 'verify_email', locale: 'fr', status: 'pending' });
    // nobody has proven the address yet: the typed name is not echoed to it (issue 10, finding 6)
    expect(mails[0]!.textBody).not.toContain(firstName);
    expect(mails[0]!.textBody).toMatch(/http:\/\/jisr\.test\/verify-email\/[\w-]{20,}/);
    const audit = await t.db.prisma.auditLog.findMany({ where: { action: 'user.register', entityId: user.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ role: 'expert', consent: CONSENT_VERSION });
  });

  it('writes the verification mail in the language the visitor chose', async () => {
    const email = 'amal.ar@example.org';
    const res = await registerExpert(expert({ firstName: 'أمل', lastName: 'الإدريسي', email }), '/register/expert?lng=ar');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<html lang="ar" dir="rtl">');
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { email } })).locale).toBe('ar');
    const mail = await t.db.prisma.outboxEmail.findFirstOrThrow({ where: { toAddress: email } });
    const arabic = renderEmail('verify_email', 'ar', { name: 'x', link: 'http://x.test/' });
    expect(mail).toMatchObject({ locale: 'ar', template: 'verify_email', subject: arabic.subject });
    expect(mail.textBody).toMatch(/^مرحبًا،\n/);
    expect(mail.htmlBody).toContain('dir="rtl"');
  });

  it.each([
    ['missing consent', { consent: undefined }, 'consent', 'validation.consentRequired', {}],
    ['an invalid e-mail', { email: 'not-an-address' }, 'email', 'validation.email', {}],
    ['a short password', { password: 'Short-1' }, 'password', 'validation.passwordTooShort', { min: 12 }],
    ['a common password', { password: 'password1234' }, 'password', 'validation.passwordCommon', {}],
    ['a password made of the name', { password: 'Nadia Benali 2026!!' }, 'password', 'validation.passwordPersonal', {}],
    ['an unknown kind', { kind: 'astronaut' }, 'kind', 'validation.choice', {}],
    ['an empty first name', { firstName: '   ' }, 'firstName', 'validation.required', {}],
    ['a control character in a name', { lastName: 'Ben\u0007ali' }, 'lastName', 'validation.nameInvalid', {}],
  ] as const)('answers %s with 400, the values typed, a message next to the field, and stores nothing', async (_label, change, field, key, params) => {
    const fields: Record<string, string> = expert({ email: 'bad.input@example.org' });
    for (const [k, v] of Object.entries(change)) {
      if (v === undefined) delete fields[k];
      else fields[k] = v;
    }
    const before = await counts();
    const res = await registerExpert(fields);
    expect(res.status).toBe(400);
    expect(byTestId(res.text, `field-error-${field}`)).toBe(escapeHtml(fr(key, params)));
    expect(res.text).not.toContain(fields.password);
    if (field !== 'firstName') expect(res.text).toContain(`value="${escapeHtml(fields.firstName!)}"`);
    if (field !== 'email') expect(res.text).toContain(`value="${escapeHtml(fields.email!)}"`);
    if (field !== 'kind') expect(res.text).toMatch(/id="kind-diaspora" value="diaspora" checked/);
    expect(await counts()).toEqual(before);
  });

  it('gives the message in the visitor\'s language', async () => {
    const res = await registerExpert(expert({ email: 'x@example.org', consent: '' }), '/register/expert?lng=ar');
    expect(res.status).toBe(400);
    expect(byTestId(res.text, 'field-error-consent')).toBe(escapeHtml(ar('validation.consentRequired')));
  });

  it('answers the same page when the address already has an account, creates nothing, and tells the owner', async () => {
    const email = 'twice@example.org';
    const first = await registerExpert(expert({ email, firstName: 'Karim' }));
    const before = await counts();
    const second = await registerExpert(expert({ email: ' TWICE@example.org ', firstName: 'Impostor', password: 'Another-long-passphrase-77' }));
    expect(second.status).toBe(first.status);
    expect(mainOf(second.text)).toBe(mainOf(first.text));
    expect(await t.db.prisma.user.count({ where: { email } })).toBe(1);
    expect((await t.db.prisma.expertProfile.findFirstOrThrow({ where: { user: { email } } })).firstName).toBe('Karim');
    const after = await counts();
    expect({ ...after, outbox: before.outbox }).toEqual(before);
    const mails = await t.db.prisma.outboxEmail.findMany({ where: { toAddress: email }, orderBy: { createdAt: 'asc' } });
    expect(mails.map((m) => m.template)).toEqual(['verify_email', 'account_exists']);
  });

  it('creates one account when the form is submitted twice at once', async () => {
    const email = 'double.click@example.org';
    const b = browserLike(t.app);
    const page = await b.agent.get('/register/expert');
    const body = { _csrf: csrfFrom(page.text), ...expert({ email }) };
    const [a, c] = await Promise.all([b.agent.post('/register/expert').type('form').send(body), b.agent.post('/register/expert').type('form').send(body)]);
    expect([a.status, c.status]).toEqual([200, 200]);
    expect(await t.db.prisma.user.count({ where: { email } })).toBe(1);
    expect(await t.db.prisma.consent.count({ where: { user: { email } } })).toBe(1);
    expect(await t.db.prisma.outboxEmail.count({ where: { toAddress: email, template: 'verify_email' } })).toBe(1);
  });
});

describe('institution staff registration', () => {
  const staff = (over: Record<string, string> = {}) => ({
    displayName: 'Hassan Ou-Brahim', email: 'hassan@example.org', password: STRONG_PASSWORD, jobTitle: 'Chef de service', ...over,
  });
  const registerStaff = (fields: Record<string, string>) => browserLike(t.app).post('/register/institution', '/register/institution', fields);

  it('creates a pending institution with the registrant as its active admin', async () => {
    const res = await registerStaff(staff({ mode: 'create', institutionName: "Commune d'Aït Ourir — ⴰⵢⵜ ⵓⵔⵉⵔ", kind: 'commune', regionCode: 'MS', city: 'Aït Ourir' }));
    expect(res.status).toBe(200);
    expect(res.text).toContain('data-testid="check-email"');
    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'hassan@example.org' }, include: { memberships: { include: { institution: true } } } });
    expect(user.role).toBe('staff');
    expect(user.memberships).toHaveLength(1);
    expect(user.memberships[0]).toMatchObject({ role: 'admin', status: 'active' });
    expect(user.memberships[0]!.institution).toMatchObject({ name: "Commune d'Aït Ourir — ⴰⵢⵜ ⵓⵔⵉⵔ", status: 'pending', kind: 'commune', regionCode: 'MS' });
    expect(await t.db.prisma.outboxEmail.count({ where: { toAddress: user.email, template: 'verify_email' } })).toBe(1);
  });

  it('asks to join a verified institution as pending staff', async () => {
    const target = await t.db.prisma.institution.findFirstOrThrow({ where: { status: 'verified' } });
    const res = await registerStaff(staff({ email: 'joiner@example.org', mode: 'join', institutionId: target.id }));
    expect(res.status).toBe(200);
    const member = await t.db.prisma.institutionMember.findFirstOrThrow({ where: { user: { email: 'joiner@example.org' } } });
    expect(member).toMatchObject({ institutionId: target.id, role: 'staff', status: 'pending' });
  });

  it('refuses to join a pending or unknown institution, with a message next to the field, and stores nothing', async () => {
    const pending = await t.db.prisma.institution.findFirstOrThrow({ where: { status: 'pending' } });
    const page = await browserLike(t.app).agent.get('/register/institution');
    expect(page.text).not.toContain(`value="${pending.id}"`);
    for (const institutionId of [pending.id, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const before = await counts();
      const res = await registerStaff(staff({ email: 'sneaky@example.org', mode: 'join', institutionId }));
      expect(res.status, institutionId).toBe(400);
      expect(byTestId(res.text, 'field-error-institutionId')).toBe(escapeHtml(fr('validation.choice')));
      expect(res.text).toContain('value="sneaky@example.org"');
      expect(await counts()).toEqual(before);
    }
  });

  it('asks for every field of a new institution, and refuses an unknown region', async () => {
    const before = await counts();
    const missing = await registerStaff(staff({ email: 'half@example.org', mode: 'create' }));
    expect(missing.status).toBe(400);
    for (const field of ['institutionName', 'kind', 'regionCode', 'city']) {
      expect(byTestId(missing.text, `field-error-${field}`), field).toBe(escapeHtml(fr('validation.required')));
    }
    const region = await registerStaff(staff({ email: 'half@example.org', mode: 'create', institutionName: 'X', kind: 'ngo', regionCode: 'ZZ-99', city: 'Y' }));
    expect(region.status).toBe(400);
    expect(byTestId(region.text, 'field-error-regionCode')).toBe(escapeHtml(fr('validation.choice')));
    expect(await counts()).toEqual(before);
  });
});
