import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { browserLike, csrfFrom } from '../helpers/forms.js';
import { ar, byTestId, escapeHtml, expectNoInternals, fr, LOOSE_LIMITS, mailLink, pathOf, signedIn, STRONG_PASSWORD } from '../helpers/security.js';

// Promise 7 of the issue: bad input gets the form back with a message next to the field; nothing is stored; no
// input ever produces a 500. A NUL character is the classic way to a 500 here: PostgreSQL text cannot hold it.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB, limits: LOOSE_LIMITS });
});
afterAll(() => t?.close());

const NUL = '\u0000';
const pw = STRONG_PASSWORD;
async function counts() {
  const p = t.db.prisma;
  return Promise.all([p.user.count(), p.institution.count(), p.institutionMember.count(), p.consent.count(), p.outboxEmail.count()]);
}

/** Posts raw fields (already form-encoded values) from a fresh anonymous browser, with the page's CSRF token. */
async function post(page: string, action: string, fields: Record<string, string>, lng = '') {
  const b = browserLike(t.app);
  const token = csrfFrom((await b.agent.get(page + lng)).text);
  return b.agent.post(action).type('form').send({ _csrf: token, ...fields });
}

const expert = { firstName: 'Imane', lastName: 'Berrada', email: 'imane@example.org', password: pw, kind: 'diaspora', consent: 'on' };
const institution = { displayName: 'Omar Idrissi', email: 'omar@example.org', password: pw, mode: 'create', institutionName: 'Agence X', kind: 'ngo', regionCode: 'SM', city: 'Agadir' };

describe('a NUL character gets a message next to its field, never a 500', () => {
  it.each([
    ['/login', 'email', { email: `expert${NUL}@demo.jisr.local`, password: 'whatever it is' }],
    ['/login', 'password', { email: 'expert@demo.jisr.local', password: `${DEMO_PASSWORD}${NUL}` }],
    ['/password/forgot', 'email', { email: `expert@demo.jisr.local${NUL}` }],
    ['/register/expert', 'firstName', { ...expert, firstName: `Im${NUL}ane` }],
    ['/register/expert', 'email', { ...expert, email: `imane${NUL}@example.org` }],
    ['/register/expert', 'password', { ...expert, password: `${pw}${NUL}` }],
    ['/register/institution', 'jobTitle', { ...institution, jobTitle: `Chef${NUL}` }],
    ['/register/institution', 'institutionName', { ...institution, institutionName: `Agence${NUL}X` }],
    ['/register/institution', 'city', { ...institution, city: `Aga${NUL}dir` }],
    ['/register/institution', 'institutionId', { ...institution, mode: 'join', institutionId: `00000000-0000-4000-8000-00000000000${NUL}` }],
  ] as const)('%s: %s', async (path, field, fields) => {
    const before = await counts();
    const res = await post(path, path, fields);
    expect(res.status).toBe(400);
    expect(byTestId(res.text, `field-error-${field}`)).toBe(escapeHtml(fr('validation.invalidCharacters')));
    expect(res.text).not.toContain(NUL);
    expectNoInternals(res.text);
    expect(await counts()).toEqual(before);
  });

  it('in the visitor\'s language', async () => {
    const res = await post('/register/institution', '/register/institution', { ...institution, city: `A${NUL}` }, '?lng=ar');
    expect(res.status).toBe(400);
    expect(byTestId(res.text, 'field-error-city')).toBe(escapeHtml(ar('validation.invalidCharacters')));
  });

  it('in the forms of signed-in users and their search fields', async () => {
    const user = await signedIn(t.app, 'admin@demo.jisr.local', DEMO_PASSWORD);
    const change = await user.postFrom('/account/password', { currentPassword: `${DEMO_PASSWORD}${NUL}`, password: pw }, '/account/password');
    expect(change.status).toBe(400);
    expect(byTestId(change.text, 'field-error-currentPassword')).toBe(escapeHtml(fr('validation.invalidCharacters')));
    const search = await user.agent.get(`/admin/users?q=${encodeURIComponent(`demo${NUL}`)}`);
    expect(search.status).toBe(200);
    expect(search.text).toContain('data-testid="user-row"');
    expect((await user.agent.get(`/admin/audit?action=${encodeURIComponent(`auth${NUL}`)}`)).status).toBe(200);
    const target = (await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'expert@demo.jisr.local' } })).id;
    expect((await user.postFrom(`/admin/users/${target}/role`, { role: `officer${NUL}` })).status).toBe(400);
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: target } })).role).toBe('expert');
  });

  it('in a new password chosen through a reset link', async () => {
    await post('/password/forgot', '/password/forgot', { email: 'staff@demo.jisr.local' });
    const link = pathOf(await mailLink(t.db.prisma, 'staff@demo.jisr.local', 'reset_password'));
    const res = await post(link, link, { password: `${pw}${NUL}` });
    expect(res.status).toBe(400);
    expect(byTestId(res.text, 'field-error-password')).toBe(escapeHtml(fr('validation.invalidCharacters')));
    await request(t.app).get(link).expect(200);
  });
});

describe('other odd input', () => {
  it('answers over-long values with a message, and stores nothing', async () => {
    const before = await counts();
    const res = await post('/register/expert', '/register/expert', { ...expert, lastName: 'x'.repeat(101) });
    expect(res.status).toBe(400);
    expect(byTestId(res.text, 'field-error-lastName')).toBe(escapeHtml(fr('validation.tooLong', { max: 100 })));
    const long = await post('/register/institution', '/register/institution', { ...institution, institutionName: 'y'.repeat(201) });
    expect(long.status).toBe(400);
    expect(byTestId(long.text, 'field-error-institutionName')).toBe(escapeHtml(fr('validation.tooLong', { max: 200 })));
    expect(await counts()).toEqual(before);
  });

  it('answers repeated fields, bracketed names and broken encodings without a 500', async () => {
    const b = browserLike(t.app);
    const token = csrfFrom((await b.agent.get('/register/expert')).text);
    const before = await counts();
    const bodies = [
      `_csrf=${token}&firstName=A&firstName=B&lastName=C&email=dup%40example.org&password=${encodeURIComponent(pw)}&kind=diaspora&consent=on`,
      `_csrf=${token}&firstName[]=A&lastName=C&email=arr%40example.org&password=${encodeURIComponent(pw)}&kind=diaspora&consent=on`,
      `_csrf=${token}&firstName=%ED%A0%80%E0%A4%A&lastName=C&email=enc%40example.org&password=${encodeURIComponent(pw)}&kind=diaspora&consent=on`,
      `_csrf=${token}&kind=diaspora&kind=south_south&consent=on&consent=on`,
    ];
    for (const body of bodies) {
      const res = await b.agent.post('/register/expert').type('form').send(body);
      expect(res.status, body).toBeLessThan(500);
      expectNoInternals(res.text);
    }
    // The broken encoding was read as replacement characters: a valid (if odd) name, so that one account exists.
    expect((await counts())[0]).toBeLessThanOrEqual(before[0] + 1);
    expect(await t.db.prisma.user.count({ where: { email: { in: ['dup@example.org', 'arr@example.org'] } } })).toBe(0);
  });
});
