import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { browserLike, signedInAgent } from '../helpers/forms.js';
import { needFields, staffInstitution } from '../helpers/needs.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB });
});
afterAll(() => t?.close());

const cardIds = (html: string) => [...html.matchAll(/data-testid="need-card"[\s\S]*?href="\/needs\/([0-9a-f-]{36})"/g)].map((m) => m[1]);

describe('audiences of a need', () => {
  it('are saved from the editor (several check boxes), default to the diaspora, and show on the need', async () => {
    const staff = await signedInAgent(t.app, 'staff@demo.jisr.local');
    const institutionId = await staffInstitution(t.db.prisma);
    const res = await staff.post('/needs/new', '/needs/new', { ...needFields({ institutionId, title: 'Échange Sud–Sud sur le registre des compétences' }), audiences: ['south_south', 'immigrant_resident'] } as never);
    expect(res.status).toBe(303);
    const need = await t.db.prisma.need.findFirstOrThrow({ where: { title: 'Échange Sud–Sud sur le registre des compétences' } });
    expect(need.audiences).toEqual(['south_south', 'immigrant_resident']);
    const plain = await staff.post('/needs/new', '/needs/new', needFields({ institutionId, title: 'Besoin sans audience précisée' }));
    expect(plain.status).toBe(303);
    expect((await t.db.prisma.need.findFirstOrThrow({ where: { title: 'Besoin sans audience précisée' } })).audiences).toEqual(['diaspora']);
    const bad = await staff.post('/needs/new', '/needs/new', { ...needFields({ institutionId, title: 'Audience inconnue du tout' }), audiences: 'martians' });
    expect(bad.status).toBe(400);
    expect(await t.db.prisma.need.count({ where: { title: 'Audience inconnue du tout' } })).toBe(0);
    const page = await staff.agent.get(`/needs/${need.id}/edit`);
    expect(page.text).toMatch(/id="f-audience-south_south"[^>]*checked/);
    expect(page.text).not.toMatch(/id="f-audience-diaspora"[^>]*checked/);
  });

  it('filter the catalogue, and the cards say whom each need is open to in three languages', async () => {
    const p = t.db.prisma;
    const open = await p.need.findMany({ where: { status: 'published', audiences: { has: 'south_south' } }, select: { id: true } });
    expect(open.length).toBeGreaterThan(0);
    const res = await request(t.app).get('/needs?audience=south_south');
    expect(res.status).toBe(200);
    const ids = cardIds(res.text);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(open.map((n) => n.id)).toContain(id);
    expect(res.text).toContain('data-testid="need-audience"');
    expect(res.text).toContain('Experts Sud–Sud');
    expect((await request(t.app).get('/needs?audience=south_south&lng=ar')).text).toContain('خبراء جنوب–جنوب');
    expect((await request(t.app).get('/needs?audience=south_south&lng=en')).text).toContain('South–South experts');
    const bad = await request(t.app).get('/needs?audience=martians');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('data-testid="field-error-audience"');
  });
});

describe('experts of every kind register', () => {
  const fields = (over: Record<string, string>) => ({
    firstName: 'Aminata', lastName: 'Diallo', email: 'aminata@example.org', password: 'Baobab-Rufisque-2026!', consent: 'on', kind: 'immigrant_resident', ...over,
  });
  const register = (f: Record<string, string>) => browserLike(t.app).post('/register/expert', '/register/expert', f);

  it('an immigrant residing here with nationality and residence status', async () => {
    const res = await register(fields({ nationality: 'SN', residenceStatus: 'work_permit' }));
    expect(res.status).toBe(200);
    const profile = await t.db.prisma.expertProfile.findFirstOrThrow({ where: { user: { email: 'aminata@example.org' } } });
    expect(profile).toMatchObject({ kind: 'immigrant_resident', nationalities: ['SN'], residenceStatus: 'work_permit' });
  });

  it.each([
    ['an immigrant without residence status', { email: 'a1@example.org', nationality: 'SN' }, 'residenceStatus'],
    ['an immigrant without nationality', { email: 'a2@example.org', residenceStatus: 'student' }, 'nationality'],
    ['a South–South expert from a country that is not a partner', { email: 'a3@example.org', kind: 'south_south', nationality: 'FR' }, 'nationality'],
    ['a country code that is not ISO', { email: 'a4@example.org', kind: 'south_south', nationality: 'XX' }, 'nationality'],
  ])('refuses %s, with a message next to the field and nothing stored', async (_label, over, field) => {
    const before = await t.db.prisma.user.count();
    const res = await register(fields(over));
    expect(res.status).toBe(400);
    expect(res.text).toContain(`data-testid="field-error-${field}"`);
    expect(await t.db.prisma.user.count()).toBe(before);
  });

  it('a South–South expert from a partner country', async () => {
    const res = await register(fields({ email: 'kouadio@example.org', firstName: 'Kouadio', kind: 'south_south', nationality: 'CI' }));
    expect(res.status).toBe(200);
    const profile = await t.db.prisma.expertProfile.findFirstOrThrow({ where: { user: { email: 'kouadio@example.org' } } });
    expect(profile).toMatchObject({ kind: 'south_south', nationalities: ['CI'], residenceStatus: null });
  });
});

describe('partner countries are reference data that admins edit', () => {
  it('shipped with names in three languages', async () => {
    expect(await t.db.prisma.partnerCountry.findUniqueOrThrow({ where: { code: 'SN' } })).toMatchObject({ nameFr: 'Sénégal', nameAr: 'السنغال', nameEn: 'Senegal', active: true });
  });

  it('an admin adds, renames and deactivates one; bad codes are refused; others may not', async () => {
    const admin = await signedInAgent(t.app, 'admin@demo.jisr.local');
    const page = '/admin/partner-countries';
    expect((await admin.post(page, page, { code: 'gh', nameFr: 'Ghana', nameAr: 'غانا', nameEn: 'Ghana' })).status).toBe(400);
    expect((await admin.post(page, page, { code: 'XX', nameFr: 'Nulle part', nameAr: 'لا مكان', nameEn: 'Nowhere' })).status).toBe(400);
    expect((await admin.post(page, page, { code: 'SN', nameFr: 'Sénégal', nameAr: 'السنغال', nameEn: 'Senegal' })).status).toBe(409);
    expect(await t.db.prisma.partnerCountry.count({ where: { code: { in: ['XX', 'gh'] } } })).toBe(0);
    expect((await admin.post(page, page, { code: 'GH', nameFr: 'Ghana', nameAr: 'غانا', nameEn: 'Ghana' })).status).toBe(303);
    expect((await admin.post(page, `${page}/GH`, { nameFr: 'République du Ghana', nameAr: 'جمهورية غانا', nameEn: 'Republic of Ghana' })).status).toBe(303);
    expect(await t.db.prisma.partnerCountry.findUniqueOrThrow({ where: { code: 'GH' } })).toMatchObject({ nameFr: 'République du Ghana', active: false });
    expect(await t.db.prisma.auditLog.count({ where: { entity: 'PartnerCountry', entityId: 'GH' } })).toBe(2);
    const officer = await signedInAgent(t.app, 'officer@demo.jisr.local');
    expect((await officer.agent.get(page)).status).toBe(403);
  });
});

describe('themes (item 6): the catalogue filters by climate and gender tags, and the cards show them', () => {
  it.each([
    ['climate', 'climateTag', 'theme-climate'],
    ['gender', 'genderTag', 'theme-gender'],
  ] as const)('?%s=on lists only needs tagged so', async (param, column, hook) => {
    const tagged = new Set((await t.db.prisma.need.findMany({ where: { status: 'published', [column]: true }, select: { id: true } })).map((n) => n.id));
    expect(tagged.size).toBeGreaterThan(0);
    const res = await request(t.app).get(`/needs?${param}=on`);
    expect(res.status).toBe(200);
    const ids = cardIds(res.text);
    expect(ids.length).toBe(Math.min(12, tagged.size));
    for (const id of ids) expect(tagged.has(id!)).toBe(true);
    expect(res.text.split(`data-testid="${hook}"`).length - 1).toBe(ids.length);
    expect(res.text).toMatch(new RegExp(`id="theme-${param}"[^>]*checked`));
  });

  it('both tags at once, and a bad value is refused next to its field', async () => {
    const both = await t.db.prisma.need.count({ where: { status: 'published', climateTag: true, genderTag: true } });
    const res = await request(t.app).get('/needs?climate=on&gender=on');
    expect(cardIds(res.text).length).toBe(Math.min(12, both));
    const bad = await request(t.app).get('/needs?climate=yes');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('data-testid="field-error-climate"');
  });
});

describe('/opportunities reaches experts only through needs open to their kind', () => {
  it('a South–South expert from a partner country sees South–South needs only; a diaspora expert never sees those closed to them', async () => {
    const p = t.db.prisma;
    const user = await p.user.findUniqueOrThrow({ where: { email: 'expert@demo.jisr.local' } });
    const rowIds = (html: string) => [...html.matchAll(/data-testid="match-row"[\s\S]*?href="\/needs\/([0-9a-f-]{36})"/g)].map((m) => m[1]!);
    const expert = await signedInAgent(t.app, 'expert@demo.jisr.local');
    // the demo expert's best needs, opened to South–South experts only
    const before = rowIds((await expert.agent.get('/opportunities')).text);
    expect(before.length).toBeGreaterThan(1);
    await p.need.updateMany({ where: { id: { in: before.slice(0, 2) } }, data: { audiences: ['south_south'] } });
    const diaspora = rowIds((await expert.agent.get('/opportunities')).text);
    expect(diaspora).not.toContain(before[0]);
    expect(diaspora).not.toContain(before[1]);
    await p.expertProfile.update({ where: { userId: user.id }, data: { kind: 'south_south', nationalities: ['SN'] } });
    const southSouth = rowIds((await expert.agent.get('/opportunities')).text);
    expect(southSouth).toEqual(expect.arrayContaining(before.slice(0, 2)));
    for (const id of southSouth) expect((await p.need.findUniqueOrThrow({ where: { id } })).audiences).toContain('south_south');
    // without the nationality of a partner country, none
    await p.expertProfile.update({ where: { userId: user.id }, data: { nationalities: ['FR'] } });
    expect(rowIds((await expert.agent.get('/opportunities')).text)).toEqual([]);
    await p.expertProfile.update({ where: { userId: user.id }, data: { kind: 'diaspora', nationalities: ['MA', 'FR'] } });
    await p.need.updateMany({ where: { id: { in: before.slice(0, 2) } }, data: { audiences: ['diaspora'] } });
  });
});
