import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { signedInAgent } from '../helpers/forms.js';
import { needFields, staffInstitution } from '../helpers/needs.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB });
});
afterAll(() => t?.close());

describe('local development: communes of origin and of needs', () => {
  it('ships communes per region, and the demo expert comes from one of the list', async () => {
    expect(await t.db.prisma.commune.findUniqueOrThrow({ where: { code: 'SM-tiznit' } })).toMatchObject({ regionCode: 'SM', nameAr: 'تيزنيت' });
    const demo = await t.db.prisma.expertProfile.findFirstOrThrow({ where: { user: { email: 'expert@demo.jisr.local' } } });
    expect(demo).toMatchObject({ originRegionCode: 'SM', originCommuneCode: 'SM-tiznit' });
  });

  it('a need names a commune of its own region; one of another region is refused and nothing is stored', async () => {
    const staff = await signedInAgent(t.app, 'staff@demo.jisr.local');
    const institutionId = await staffInstitution(t.db.prisma);
    const wrong = await staff.post('/needs/new', '/needs/new', needFields({ institutionId, title: 'Commune ailleurs que la région', regionCode: 'SM', communeCode: 'ORI-berkane' }));
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('data-testid="field-error-communeCode"');
    expect(await t.db.prisma.need.count({ where: { title: 'Commune ailleurs que la région' } })).toBe(0);
    const ok = await staff.post('/needs/new', '/needs/new', needFields({ institutionId, title: 'Irrigation pour la commune de Tiznit', regionCode: 'SM', communeCode: 'SM-tiznit' }));
    expect(ok.status).toBe(303);
    const need = await t.db.prisma.need.findFirstOrThrow({ where: { title: 'Irrigation pour la commune de Tiznit' } });
    expect(need.communeCode).toBe('SM-tiznit');
    expect((await staff.agent.get(`/needs/${need.id}`)).text).toMatch(/data-testid="need-commune">Tiznit</);
  });

  it('"my region of origin" lists the open needs of the region, those of the commune first, in three languages', async () => {
    const p = t.db.prisma;
    const need = await p.need.findFirstOrThrow({ where: { status: 'published', regionCode: 'SM' } });
    await p.need.update({ where: { id: need.id }, data: { communeCode: 'SM-tiznit' } });
    const expert = await signedInAgent(t.app, 'expert@demo.jisr.local');
    const page = await expert.agent.get('/experts/me/origin');
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-testid="origin-page"');
    expect(page.text).toMatch(/data-testid="origin-commune-need"[\s\S]*?href="\/needs\/([0-9a-f-]{36})"/);
    expect(/data-testid="origin-commune-need"[\s\S]*?href="\/needs\/([0-9a-f-]{36})"/.exec(page.text)![1]).toBe(need.id);
    const others = await p.need.count({ where: { status: 'published', regionCode: { not: 'SM' } } });
    expect(others).toBeGreaterThan(0);
    for (const m of page.text.matchAll(/href="\/needs\/([0-9a-f-]{36})"/g)) expect((await p.need.findUniqueOrThrow({ where: { id: m[1]! } })).regionCode).toBe('SM');
    expect((await expert.agent.get('/experts/me/origin?lng=ar')).text).toContain('جهتي الأصلية');
    expect((await expert.agent.get('/experts/me/origin?lng=en')).text).toContain('My region of origin');
    const staff = await signedInAgent(t.app, 'staff@demo.jisr.local');
    expect((await staff.agent.get('/experts/me/origin')).status).toBe(403);
    expect((await request(t.app).get('/experts/me/origin')).status).toBe(303);
  });

  it('an immigrant residing here keeps their residence status up to date in the profile editor', async () => {
    const p = t.db.prisma;
    const user = await p.user.findUniqueOrThrow({ where: { email: 'expert@demo.jisr.local' } });
    await p.expertProfile.update({ where: { userId: user.id }, data: { kind: 'immigrant_resident', residenceStatus: 'work_permit' } });
    const expert = await signedInAgent(t.app, 'expert@demo.jisr.local');
    const page = await expert.agent.get('/experts/me/residence');
    expect(page.text).toMatch(/<option value="work_permit" selected/);
    const fields = { countryOfResidence: 'MA', cityOfResidence: 'Agadir', nationalities: 'SN', originRegionCode: 'SM', originCommuneCode: 'SM-tiznit' };
    expect((await expert.post('/experts/me/residence', '/experts/me/residence', { ...fields, residenceStatus: 'student' })).status).toBe(303);
    expect(await p.expertProfile.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({ residenceStatus: 'student', originCommuneCode: 'SM-tiznit' });
    expect((await expert.post('/experts/me/residence', '/experts/me/residence', { ...fields, residenceStatus: 'tourist' })).status).toBe(400);
    await p.expertProfile.update({ where: { userId: user.id }, data: { kind: 'diaspora', residenceStatus: null } });
  });

  it('an admin adds a commune to a region; a bad one is refused', async () => {
    const admin = await signedInAgent(t.app, 'admin@demo.jisr.local');
    const ok = await admin.post('/admin/communes', '/admin/communes', { regionCode: 'SM', slug: 'mirleft', nameFr: 'Mirleft', nameAr: 'ميرلفت', nameEn: 'Mirleft' });
    expect(ok.status).toBe(303);
    expect(await t.db.prisma.commune.findUniqueOrThrow({ where: { code: 'SM-mirleft' } })).toMatchObject({ regionCode: 'SM' });
    expect((await admin.post('/admin/communes', '/admin/communes', { regionCode: 'SM', slug: 'mirleft', nameFr: 'Mirleft', nameAr: 'ميرلفت', nameEn: 'Mirleft' })).status).toBe(400);
    expect((await admin.post('/admin/communes', '/admin/communes', { regionCode: 'XX', slug: 'nowhere', nameFr: 'Nulle part', nameAr: 'لا مكان', nameEn: 'Nowhere' })).status).toBe(400);
    expect(await t.db.prisma.commune.count({ where: { code: 'XX-nowhere' } })).toBe(0);
    const officer = await signedInAgent(t.app, 'officer@demo.jisr.local');
    expect((await officer.agent.get('/admin/communes')).status).toBe(403);
  });
});
