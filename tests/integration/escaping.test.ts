import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { browserLike } from '../helpers/forms.js';
import { escapeHtml, LOOSE_LIMITS, mailLink, pathOf, signedIn, STRONG_PASSWORD } from '../helpers/security.js';

// Stored through the forms (names accept any character but control characters), or straight into the database
// where no form exists yet (need titles): each must come out escaped on every page that shows it, never raw.
const FIRST = '<script>alert(1)</script>';
const LAST = '"><img src=x onerror=alert(2)>';
const INSTITUTION = '<script>alert(3)</script> Institut';
const TITLE = '<script>alert(4)</script> Irrigation';
const DESCRIPTION = '</p><script>alert(5)</script>';
const STAFF = "Staff <b onmouseover='alert(6)'>x</b>";

type Agent = Awaited<ReturnType<typeof signedIn>>;
let t: TestApp;
let expert: Agent;
let staff: Agent;
let admin: Agent;
let profileId: string;
let needId: string;

async function verify(email: string) {
  await request(t.app).get(pathOf(await mailLink(t.db.prisma, email, 'verify_email'))).expect(200);
}

beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB, limits: LOOSE_LIMITS });
  const p = t.db.prisma;
  const reg = await browserLike(t.app).post('/register/expert', '/register/expert', {
    firstName: FIRST, lastName: LAST, email: 'xss.expert@example.org', password: STRONG_PASSWORD, kind: 'diaspora', consent: 'on',
  });
  expect(reg.status).toBe(200);
  const inst = await browserLike(t.app).post('/register/institution', '/register/institution', {
    displayName: STAFF, email: 'xss.staff@example.org', password: STRONG_PASSWORD, mode: 'create', institutionName: INSTITUTION,
    kind: 'ngo', regionCode: 'SM', city: 'Agadir',
  });
  expect(inst.status).toBe(200);
  await verify('xss.expert@example.org');
  await verify('xss.staff@example.org');

  const profile = await p.expertProfile.findFirstOrThrow({ where: { user: { email: 'xss.expert@example.org' } } });
  expect(profile).toMatchObject({ firstName: FIRST, lastName: LAST });
  profileId = profile.id;
  await p.expertProfile.update({ where: { id: profileId }, data: { visibility: 'public', headline: FIRST } });
  const institution = await p.institution.findFirstOrThrow({ where: { name: INSTITUTION } });
  // An officer verifies the institution, which publishes a need (their screens are not built yet).
  await p.institution.update({ where: { id: institution.id }, data: { status: 'verified', verifiedAt: new Date() } });
  const need = await p.need.create({
    data: {
      institutionId: institution.id, title: TITLE, description: DESCRIPTION, baseline: DESCRIPTION, sectorCode: 'health', regionCode: 'SM',
      city: 'Agadir', mode: 'remote', windowStart: new Date('2027-01-01'), windowEnd: new Date('2027-03-01'), durationDays: 10,
      status: 'published', publishedAt: new Date('2099-01-01'),
    },
  });
  needId = need.id;
  await p.candidacy.create({ data: { needId, expertId: profileId, status: 'applied' } });

  [expert, staff, admin] = await Promise.all([
    signedIn(t.app, 'xss.expert@example.org', STRONG_PASSWORD),
    signedIn(t.app, 'xss.staff@example.org', STRONG_PASSWORD),
    signedIn(t.app, 'admin@demo.jisr.local', DEMO_PASSWORD),
  ]);
});
afterAll(() => t?.close());

/** The page shows each text escaped, and no markup of ours was smuggled in. */
function expectEscaped(html: string, texts: string[]) {
  for (const text of texts) expect(html).toContain(escapeHtml(text));
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<img/i);
  expect(html).not.toMatch(/<b onmouseover/i);
}

describe('stored markup is shown escaped everywhere', () => {
  it('in the expert\'s dashboard (/me): name and the title of a need they applied to', async () => {
    const res = await expert.agent.get('/me').expect(200);
    expectEscaped(res.text, [FIRST, LAST, TITLE]);
  });

  it('on the expert\'s page, for the owner, an officer and anonymous visitors', async () => {
    const officer = await signedIn(t.app, 'officer@demo.jisr.local', DEMO_PASSWORD);
    for (const get of [() => expert.agent.get(`/experts/${profileId}`), () => officer.agent.get(`/experts/${profileId}`), () => request(t.app).get(`/experts/${profileId}`)]) {
      const res = await get();
      expect(res.status).toBe(200);
      expectEscaped(res.text, [FIRST, LAST]);
      expect(res.text).toContain(`<title>${escapeHtml(`${FIRST} ${LAST}`)} · Jisr</title>`);
    }
  });

  it('in the admin\'s user list and audit log', async () => {
    expectEscaped((await admin.agent.get('/admin/users').expect(200)).text, [`${FIRST} ${LAST}`, STAFF]);
    expectEscaped((await admin.agent.get('/admin/users?q=xss').expect(200)).text, [`${FIRST} ${LAST}`, STAFF]);
    expectEscaped((await admin.agent.get('/admin/audit').expect(200)).text, [`${FIRST} ${LAST}`]);
  });

  it('in the staff dashboard (/me): the institution name', async () => {
    const res = await staff.agent.get('/me').expect(200);
    expectEscaped(res.text, [INSTITUTION, STAFF]);
  });

  it('in the needs catalogue, the need page and the home page', async () => {
    for (const path of ['/needs', '/needs?q=irrigation', '/']) {
      const res = await request(t.app).get(path).expect(200);
      expectEscaped(res.text, [TITLE, INSTITUTION]);
    }
    const page = await request(t.app).get(`/needs/${needId}`).expect(200);
    expectEscaped(page.text, [TITLE, INSTITUTION, DESCRIPTION]);
    expect(page.text).toContain(`<title>${escapeHtml(TITLE)} · Jisr</title>`);
  });

  it('in the list of institutions one can join', async () => {
    const res = await request(t.app).get('/register/institution').expect(200);
    expectEscaped(res.text, [INSTITUTION]);
  });

  it('in the values a form shows back after an error, inside attributes', async () => {
    const res = await browserLike(t.app).post('/register/expert', '/register/expert', {
      firstName: LAST, lastName: FIRST, email: 'again@example.org', password: STRONG_PASSWORD, kind: 'diaspora',
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain(`value="${escapeHtml(LAST)}"`);
    expectEscaped(res.text, [LAST, FIRST]);
    const search = await request(t.app).get(`/needs?q=${encodeURIComponent(LAST)}`);
    expectEscaped(search.text, [LAST]);
  });

  it('never lets a page run inline script: the CSP allows scripts from our origin only', async () => {
    const res = await request(t.app).get(`/needs/${needId}`);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toContain("object-src 'none'");
  });
});
