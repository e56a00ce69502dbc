import pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.js';
import { remindStaleProfiles } from '../../src/experts/stale-profile-reminder.js';
import { browserLike, csrfFrom } from '../helpers/forms.js';
import { byTestId, escapeHtml, fr, sessionRows, signedIn, STRONG_PASSWORD } from '../helpers/security.js';
import { createExpert, PDF_BYTES, startExpertsApp } from './experts-fixtures.js';

const EMAIL = 'expert@demo.jisr.local';
let t: Awaited<ReturnType<typeof startExpertsApp>>;
let demo: { userId: string; profileId: string };

beforeAll(async () => {
  t = await startExpertsApp();
  const p = await t.db.prisma.expertProfile.findFirstOrThrow({ where: { user: { email: EMAIL } } });
  demo = { userId: p.userId, profileId: p.id };
});
afterAll(() => t?.close());

async function uploadCv(who: Awaited<ReturnType<typeof signedIn>>) {
  const token = csrfFrom((await who.agent.get('/experts/me/cv')).text);
  const res = await who.agent.post(`/experts/me/cv?_csrf=${encodeURIComponent(token)}`).attach('cv', PDF_BYTES, { filename: 'cv.pdf', contentType: 'application/pdf' });
  expect(res.status).toBe(303);
}

/** The tables, among all of the database, of which some row holds the text (the whole row, every column). */
async function tablesHolding(needle: string): Promise<string[]> {
  const tables = await t.db.pool.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const hits: string[] = [];
  for (const { name } of tables.rows) {
    const r = await t.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${pg.escapeIdentifier(name)} t WHERE strpos(lower(t::text), lower($1)) > 0`, [needle]);
    if (r.rows[0]!.n > 0) hits.push(name);
  }
  return hits;
}

/** Every row tied to the demo expert, as text: account, profile and lists, messages, consents, candidacies, missions, audit. */
async function rowsOfUser(): Promise<string[]> {
  const q = async (sql: string) => (await t.db.pool.query<{ r: string }>(sql, [demo.userId, demo.profileId])).rows.map((x) => x.r);
  const sets = await Promise.all([
    q(`SELECT t::text AS r FROM "User" t WHERE id = $1::uuid AND $2::text IS NOT NULL`),
    q(`SELECT t::text AS r FROM "ExpertProfile" t WHERE id = $2::uuid AND $1::text IS NOT NULL`),
    ...['ExpertSkill', 'ExpertLanguage', 'ExpertDegree', 'Availability', 'Candidacy', 'Mission'].map((tb) =>
      q(`SELECT t::text AS r FROM "${tb}" t WHERE "expertId" = $2::uuid AND $1::text IS NOT NULL`)),
    ...['Notification', 'Consent', 'UserToken', 'InvestmentInterest'].map((tb) => q(`SELECT t::text AS r FROM "${tb}" t WHERE "userId" = $1::uuid AND $2::text IS NOT NULL`)),
    q(`SELECT t::text AS r FROM "MissionReport" t JOIN "Mission" m ON m.id = t."missionId" WHERE m."expertId" = $2::uuid AND $1::text IS NOT NULL`),
    q(`SELECT t::text AS r FROM "AuditLog" t WHERE "actorId" = $1::uuid OR "entityId" IN ($1::text, $2::text)`),
  ]);
  return sets.flat();
}

describe('export of everything held about the expert', () => {
  it('downloads one JSON file with the profile, skills with labels, languages, candidacies, consents, missions and the CV', async () => {
    const expert = await signedIn(t.app, EMAIL, DEMO_PASSWORD);
    await uploadCv(expert);
    const res = await expert.agent.get('/experts/me/export').buffer(true).parse((r, cb) => {
      let body = '';
      r.setEncoding('utf8');
      r.on('data', (c: string) => (body += c));
      r.on('end', () => cb(null, body));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="jisr-data-\d{4}-\d{2}-\d{2}\.json"$/);
    const data = JSON.parse(res.body as string);
    const p = t.db.prisma;
    expect(data.account).toMatchObject({ id: demo.userId, email: EMAIL, role: 'expert' });
    expect(data.profile).toMatchObject({ id: demo.profileId, firstName: 'Salma', lastName: 'Aït Taleb', employer: 'INRAE' });
    expect(data.profile.skills).toHaveLength(await p.expertSkill.count({ where: { expertId: demo.profileId } }));
    expect(data.profile.skills.map((s: { skill: { labelFr: string } }) => s.skill.labelFr)).toContain('Irrigation goutte-à-goutte');
    expect(data.profile.languages.map((l: { language: string }) => l.language).sort()).toEqual(['ar', 'ary', 'en', 'es', 'fr', 'zgh']);
    expect(data.profile.availabilities.length).toBeGreaterThan(0);
    expect(data.profile.degrees).toHaveLength(2);
    expect(data.candidacies).toHaveLength(await p.candidacy.count({ where: { expertId: demo.profileId } }));
    expect(data.candidacies[0].need.title).toBeTruthy();
    expect(data.missions).toHaveLength(await p.mission.count({ where: { expertId: demo.profileId } }));
    expect(data.consents.length).toBeGreaterThan(0);
    expect(data.consents[0]).toMatchObject({ purpose: 'profile_processing' });
    expect(data.notifications).toHaveLength(await p.notification.count({ where: { userId: demo.userId } }));
    expect(data.auditEntries.some((a: { action: string }) => a.action === 'expert.cv_uploaded')).toBe(true);
    expect(Buffer.from(data.cv.base64, 'base64')).toEqual(PDF_BYTES);
    expect(res.body as string).not.toMatch(/passwordHash|tokenHash|\$argon2/);
    expect(await p.auditLog.count({ where: { action: 'expert.data_exported', actorId: demo.userId } })).toBe(1);
  });

  it('is the signed-in expert\'s own export only', async () => {
    expect((await request(t.app).get('/experts/me/export')).status).toBe(303);
    const staff = await signedIn(t.app, 'staff@demo.jisr.local', DEMO_PASSWORD);
    expect((await staff.agent.get('/experts/me/export')).status).toBe(403);
  });
});

describe('consent', () => {
  it('withdrawn: the profile leaves matching and the sight of institutions; given again: it comes back', async () => {
    const me = await createExpert(t.db.prisma, 'consent.expert@example.org');
    const expert = await signedIn(t.app, 'consent.expert@example.org', STRONG_PASSWORD);
    const staff = await signedIn(t.app, 'staff@demo.jisr.local', DEMO_PASSWORD);
    expect((await staff.agent.get(`/experts/${me.profileId}`)).status).toBe(200);
    const res = await expert.postFrom('/experts/me/consent', { action: 'withdraw' }, '/experts/me/privacy');
    expect(res.status).toBe(303);
    const consents = await t.db.prisma.consent.findMany({ where: { userId: me.userId } });
    expect(consents.every((c) => c.withdrawnAt !== null)).toBe(true);
    expect((await t.db.prisma.expertProfile.findUniqueOrThrow({ where: { id: me.profileId } })).matchable).toBe(false);
    expect((await staff.agent.get(`/experts/${me.profileId}`)).status).toBe(404);
    expect(byTestId((await expert.agent.get('/experts/me/privacy')).text, 'consent-state')).toBe(escapeHtml(fr('profile.consent.inactive')));
    expect(await t.db.prisma.auditLog.count({ where: { action: 'expert.consent_withdrawn', entityId: me.profileId } })).toBe(1);

    expect((await expert.postFrom('/experts/me/consent', { action: 'give' }, '/experts/me/privacy')).status).toBe(303);
    expect(await t.db.prisma.consent.count({ where: { userId: me.userId, withdrawnAt: null } })).toBe(1);
    expect((await t.db.prisma.expertProfile.findUniqueOrThrow({ where: { id: me.profileId } })).matchable).toBe(true);
    expect((await expert.postFrom('/experts/me/consent', { action: 'maybe' }, '/experts/me/privacy')).status).toBe(400);
  });
});

describe('erasure of the account', () => {
  it('asks for the password and the confirmation, and changes nothing without them', async () => {
    const expert = await signedIn(t.app, EMAIL, DEMO_PASSWORD);
    const wrong = await expert.postFrom('/experts/me/delete', { password: 'not my password', confirm: 'on' }, '/experts/me/delete');
    expect(wrong.status).toBe(400);
    expect(byTestId(wrong.text, 'field-error-password')).toBe(escapeHtml(fr('validation.currentPasswordWrong')));
    const unconfirmed = await expert.postFrom('/experts/me/delete', { password: DEMO_PASSWORD }, '/experts/me/delete');
    expect(unconfirmed.status).toBe(400);
    expect(byTestId(unconfirmed.text, 'field-error-confirm')).toBe(escapeHtml(fr('validation.expert.confirmDelete')));
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: demo.userId } })).status).toBe('active');
  });

  it('erases every personal field, ends every session, keeps missions as anonymous statistics, and frees the address', async () => {
    const p = t.db.prisma;
    const expert = await signedIn(t.app, EMAIL, DEMO_PASSWORD);
    const elsewhere = await signedIn(t.app, EMAIL, DEMO_PASSWORD);
    // Distinctive personal data, written through the editor, and a message that carries the name and the address.
    const names = { firstName: 'Zoubida-Testnom', lastName: 'Qaddouri-Testnom', phone: '+33 6 98 76 54 32' };
    expect((await expert.postFrom('/experts/me/identity', { ...names, gender: 'female', kind: 'diaspora' }, '/experts/me/identity')).status).toBe(303);
    await p.expertProfile.update({ where: { id: demo.profileId }, data: { confirmedAt: new Date('2020-01-01'), staleReminderSentAt: null } });
    await remindStaleProfiles({ prisma: p, publicUrl: 'http://jisr.test' }, new Date());
    await uploadCv(expert);
    await expert.agent.get('/experts/me/export');
    const missions = await p.mission.count({ where: { expertId: demo.profileId } });
    const candidacies = await p.candidacy.count({ where: { expertId: demo.profileId } });
    for (const needle of [EMAIL, names.firstName, names.lastName, names.phone]) expect(await tablesHolding(needle), needle).not.toEqual([]);

    const res = await expert.postFrom('/experts/me/delete', { password: DEMO_PASSWORD, confirm: 'on' }, '/experts/me/delete');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    expect(byTestId((await expert.agent.get('/')).text, 'flash-success')).toBe(escapeHtml(fr('profile.delete.done')));

    // Nowhere in the whole database for what is unique to this person; not in their own rows for what other
    // demo people may share (a common first name, an employer, a city).
    for (const needle of [EMAIL, names.firstName, names.lastName, names.phone]) expect(await tablesHolding(needle), needle).toEqual([]);
    const own = await rowsOfUser();
    for (const needle of ['Salma', 'Aït Taleb', 'INRAE', 'Montpellier', 'Tiznit', "Spécialiste des systèmes d'irrigation"]) {
      expect(own.filter((row) => row.toLowerCase().includes(needle.toLowerCase())), needle).toEqual([]);
    }
    const user = await p.user.findUniqueOrThrow({ where: { id: demo.userId }, include: { expertProfile: { include: { skills: true, languages: true, degrees: true, availabilities: true } } } });
    expect(user).toMatchObject({ status: 'deleted', displayName: null, emailVerifiedAt: null });
    expect(user.email).toMatch(/^deleted-[0-9a-f-]{36}@deleted\.invalid$/);
    expect(user.expertProfile).toMatchObject({ firstName: '', lastName: '', phone: null, bio: null, headline: null, employer: null, cvFileKey: null, matchable: false, visibility: 'private', skills: [], languages: [], degrees: [], availabilities: [] });
    expect(user.expertProfile).toMatchObject({ kind: 'diaspora', countryOfResidence: 'FR', originRegionCode: 'SM' });
    expect(await p.mission.count({ where: { expertId: demo.profileId } })).toBe(missions);
    expect(await p.candidacy.count({ where: { expertId: demo.profileId } })).toBe(candidacies);
    expect(await p.consent.count({ where: { userId: demo.userId, withdrawnAt: null } })).toBe(0);
    expect(await p.auditLog.count({ where: { actorId: demo.userId, ip: { not: null } } })).toBe(0);
    expect(await p.auditLog.count({ where: { action: 'expert.account_deleted', entityId: demo.userId } })).toBe(1);
    expect(await sessionRows(t.db.pool, demo.userId)).toBe(0);
    expect((await elsewhere.agent.get('/me')).status).toBe(303);
    expect((await request(t.app).get(`/experts/${demo.profileId}`)).status).toBe(404);
    expect((await browserLike(t.app).signIn(EMAIL, DEMO_PASSWORD)).headers.location).not.toBe('/me');

    // The same address registers again, as a new account.
    const again = await browserLike(t.app).post('/register/expert', '/register/expert', {
      firstName: 'Salma', lastName: 'Aït Taleb', email: EMAIL, password: STRONG_PASSWORD, kind: 'diaspora', consent: 'on',
    });
    expect(again.status).toBe(200);
    const fresh = await p.user.findUniqueOrThrow({ where: { email: EMAIL } });
    expect(fresh.id).not.toBe(demo.userId);
    expect(fresh.status).toBe('active');
  });
});
