import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.js';
import { EDITOR_STEPS } from '../../src/experts/editor-steps.js';
import { type TestApp } from '../helpers/app.js';
import { ar, byTestId, escapeHtml, fr, signedIn, STRONG_PASSWORD } from '../helpers/security.js';
import { createExpert, startExpertsApp } from './experts-fixtures.js';

type Agent = Awaited<ReturnType<typeof signedIn>>;
let t: TestApp;
let me: { userId: string; profileId: string };
let expert: Agent;

beforeAll(async () => {
  t = await startExpertsApp();
  me = await createExpert(t.db.prisma, 'editor.expert@example.org');
  expert = await signedIn(t.app, 'editor.expert@example.org', STRONG_PASSWORD);
});
afterAll(() => t?.close());

const profile = () => t.db.prisma.expertProfile.findUniqueOrThrow({ where: { id: me.profileId } });
const post = (step: string, fields: Record<string, string | string[]>, lng = 'fr') =>
  expert.postFrom(`/experts/me/${step}`, fields as Record<string, string>, `/experts/me/${step}?lng=${lng}`);
const meter = (html: string) => Number(/data-testid="completeness"[^>]*aria-valuenow="(\d+)"/.exec(html)?.[1]);

describe('the profile editor', () => {
  it('opens every step in French, Arabic and English, with the meter and no untranslated key', async () => {
    for (const lng of ['fr', 'ar', 'en']) {
      for (const step of ['', ...EDITOR_STEPS.map((s) => `/${s}`), '/delete']) {
        const res = await expert.agent.get(`/experts/me${step}?lng=${lng}`);
        expect(res.status, `${step} in ${lng}`).toBe(200);
        expect(res.text).toContain(`<html lang="${lng}" dir="${lng === 'ar' ? 'rtl' : 'ltr'}">`);
        expect(res.text).toMatch(/role="progressbar"[^>]*aria-valuenow="\d+" aria-valuemin="0" aria-valuemax="100"/);
        expect(res.text, `${step} in ${lng}`).not.toMatch(/>\s*(profile|experts|validation)\.[a-zA-Z.]+/);
        expect(res.text).not.toMatch(/<script>|style="|\son[a-z]+="/);
      }
    }
  });

  it('is for experts only: anonymous visitors sign in, staff and officers are refused', async () => {
    const anon = await request(t.app).get('/experts/me/identity');
    expect(anon.status).toBe(303);
    expect(anon.headers.location).toBe('/login');
    for (const email of ['staff@demo.jisr.local', 'officer@demo.jisr.local']) {
      const who = await signedIn(t.app, email, DEMO_PASSWORD);
      expect((await who.agent.get('/experts/me/skills')).status).toBe(403);
    }
  });

  it('saves identity with a name in any script and goes on to the next step; the display name follows', async () => {
    const res = await post('identity', { firstName: 'ⵜⵉⵍⴻⵍⵍⵉ', lastName: 'آيت المهدي', gender: 'female', phone: '+33 6 12 34 56 78', kind: 'south_south' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/experts/me/residence');
    expect(await profile()).toMatchObject({ firstName: 'ⵜⵉⵍⴻⵍⵍⵉ', lastName: 'آيت المهدي', gender: 'female', phone: '+33 6 12 34 56 78', kind: 'south_south' });
    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { id: me.userId } });
    expect(user.displayName).toBe('ⵜⵉⵍⴻⵍⵍⵉ آيت المهدي');
    expect(await t.db.prisma.auditLog.count({ where: { action: 'expert.identity_updated', entityId: me.profileId } })).toBe(1);
  });

  it('shows bad input again with a message per field, in the user\'s language, and stores nothing', async () => {
    const before = await profile();
    const res = await post('identity', { firstName: '', lastName: 'X', gender: 'robot', phone: 'call me', kind: 'diaspora' }, 'ar');
    expect(res.status).toBe(400);
    expect(byTestId(res.text, 'field-error-firstName')).toBe(escapeHtml(ar('validation.required')));
    expect(byTestId(res.text, 'field-error-gender')).toBe(escapeHtml(ar('validation.choice')));
    expect(byTestId(res.text, 'field-error-phone')).toBe(escapeHtml(ar('validation.expert.phone')));
    expect(res.text).toContain('aria-describedby="f-phone-hint f-phone-error"');
    expect(res.text).toContain('value="call me"');
    expect((await profile()).updatedAt.getTime()).toBe(before.updatedAt.getTime());
  });

  it('refuses a forged field outright', async () => {
    const res = await post('identity', { firstName: 'A', lastName: 'B', gender: 'male', phone: '', kind: 'diaspora', userId: '00000000-0000-4000-8000-000000000000' });
    expect(res.status).toBe(400);
    expect(res.text).toContain(escapeHtml(fr('errors.unexpectedField')));
  });

  it('saves residence with several nationalities, and region and sectors from the reference lists only', async () => {
    const ok = await post('residence', { countryOfResidence: 'BE', cityOfResidence: 'Liège', nationalities: ['MA', 'BE', ''], originRegionCode: 'ORI', originCommuneCode: 'ORI-berkane' });
    expect(ok.status).toBe(303);
    expect(await profile()).toMatchObject({ countryOfResidence: 'BE', nationalities: ['MA', 'BE'], originRegionCode: 'ORI', originCommuneCode: 'ORI-berkane' });
    const bad = await post('residence', { countryOfResidence: 'XX', cityOfResidence: '', nationalities: ['MA', 'ZZ'], originRegionCode: 'ATLANTIS', originCommuneCode: '' });
    expect(bad.status).toBe(400);
    for (const f of ['countryOfResidence', 'nationalities', 'originRegionCode']) expect(byTestId(bad.text, `field-error-${f}`), f).toBeDefined();
    expect((await profile()).countryOfResidence).toBe('BE');
    // the commune of origin comes from the list of its region: one of another region, or unknown, is refused
    for (const originCommuneCode of ['SM-tiznit', 'ORI-atlantis']) {
      const wrong = await post('residence', { countryOfResidence: 'BE', cityOfResidence: 'Liège', nationalities: ['MA'], originRegionCode: 'ORI', originCommuneCode });
      expect(wrong.status, originCommuneCode).toBe(400);
      expect(byTestId(wrong.text, 'field-error-originCommuneCode')).toBeDefined();
    }
    expect((await profile()).originCommuneCode).toBe('ORI-berkane');
  });

  it('saves the professional step and the mission preferences, with bounds on numbers and lists', async () => {
    const fields = { headline: 'Hydrologue', bio: 'Vingt ans\nde terrain.', employer: 'SPW', position: 'Ingénieure', yearsExperience: '20', sectors: ['water_environment', 'climate'] };
    expect((await post('professional', fields)).status).toBe(303);
    expect(await profile()).toMatchObject({ bio: 'Vingt ans\nde terrain.', yearsExperience: 20, sectors: ['water_environment', 'climate'] });
    const tooMany = await post('professional', { ...fields, yearsExperience: '71', sectors: ['health', 'education', 'energy', 'digital', 'finance', 'justice'] });
    expect(tooMany.status).toBe(400);
    expect(byTestId(tooMany.text, 'field-error-yearsExperience')).toBe(escapeHtml(fr('validation.expert.years')));
    expect(byTestId(tooMany.text, 'field-error-sectors')).toBe(escapeHtml(fr('validation.expert.tooMany', { max: 5 })));
    expect(tooMany.text).toMatch(/id="sectors-justice" value="justice" checked/);

    expect((await post('preferences', { missionModes: ['on_site', 'remote'], preferredRegions: 'ORI', maxMissionDays: '21' })).status).toBe(303);
    expect(await profile()).toMatchObject({ missionModes: ['on_site', 'remote'], preferredRegions: ['ORI'], maxMissionDays: 21 });
    expect((await post('preferences', { missionModes: 'teleport', maxMissionDays: '0' })).status).toBe(400);
  });

  it('adds and removes languages, upserting the level of one already listed', async () => {
    expect((await post('languages', { language: 'ar', level: 'C1' })).status).toBe(303);
    expect((await post('languages', { language: 'ar', level: 'native' })).status).toBe(303);
    expect((await post('languages', { language: 'fr', level: 'C2' })).status).toBe(303);
    const rows = await t.db.prisma.expertLanguage.findMany({ where: { expertId: me.profileId }, orderBy: { language: 'asc' } });
    expect(rows.map((r) => [r.language, r.level])).toEqual([['ar', 'native'], ['fr', 'C2']]);
    expect((await post('languages', { language: 'klingon', level: 'Z9' })).status).toBe(400);
    expect((await post('languages/remove', { language: 'fr' })).status).toBe(303);
    expect(await t.db.prisma.expertLanguage.count({ where: { expertId: me.profileId } })).toBe(1);
  });

  it('adds availability windows, refuses inverted or past ones, and hides past ones', async () => {
    const soon = (days: number) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);
    expect((await post('availability', { startsOn: soon(10), endsOn: soon(40) })).status).toBe(303);
    const inverted = await post('availability', { startsOn: soon(40), endsOn: soon(10) });
    expect(inverted.status).toBe(400);
    expect(byTestId(inverted.text, 'field-error-endsOn')).toBe(escapeHtml(fr('validation.expert.endBeforeStart')));
    expect((await post('availability', { startsOn: '2020-01-01', endsOn: '2020-02-01' })).status).toBe(400);
    expect((await post('availability', { startsOn: '2027-02-30', endsOn: soon(50) })).status).toBe(400);
    await t.db.prisma.availability.create({ data: { expertId: me.profileId, startsOn: new Date('2021-01-01'), endsOn: new Date('2021-01-31') } });
    const page = await expert.agent.get('/experts/me/availability');
    expect(page.text.match(/availability\/remove/g)).toHaveLength(1);
  });

  it('adds and removes degrees; an id of another expert\'s entry removes nothing', async () => {
    expect((await post('degrees', { title: 'Doctorat en hydrologie', field: 'Eaux souterraines', institution: 'Université de Liège', year: '2009' })).status).toBe(303);
    expect((await post('degrees', { title: '', field: '', institution: '', year: '3000' })).status).toBe(400);
    const other = await t.db.prisma.expertDegree.findFirstOrThrow({ where: { expertId: { not: me.profileId } } });
    const res = await post('degrees/remove', { id: other.id });
    expect(res.status).toBe(303);
    expect(await t.db.prisma.expertDegree.findUnique({ where: { id: other.id } })).not.toBeNull();
    const mine = await t.db.prisma.expertDegree.findFirstOrThrow({ where: { expertId: me.profileId } });
    expect((await post('degrees/remove', { id: mine.id })).status).toBe(303);
    expect(await t.db.prisma.expertDegree.count({ where: { expertId: me.profileId } })).toBe(0);
  });

  it('sets the visibility, confirms the profile from the overview, and shows the meter rising', async () => {
    const before = meter((await expert.agent.get('/experts/me')).text);
    expect((await post('privacy', { visibility: 'public' })).status).toBe(303);
    expect((await profile()).visibility).toBe('public');
    expect((await post('privacy', { visibility: 'everyone' })).status).toBe(400);
    await t.db.prisma.expertProfile.update({ where: { id: me.profileId }, data: { staleSince: new Date(), confirmedAt: new Date('2025-01-01') } });
    expect((await expert.agent.get('/experts/me')).text).toContain('data-testid="stale-notice"');
    expect((await expert.postFrom('/experts/me/confirm', {}, '/experts/me')).status).toBe(303);
    const p = await profile();
    expect(p.staleSince).toBeNull();
    expect(Date.now() - p.confirmedAt.getTime()).toBeLessThan(60_000);
    expect((await post('degrees', { title: 'Master', field: '', institution: '', year: '' })).status).toBe(303);
    expect(meter((await expert.agent.get('/experts/me')).text)).toBeGreaterThan(before);
  });
});
