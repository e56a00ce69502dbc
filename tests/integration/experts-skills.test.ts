import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SKILLS } from '../../src/experts/add-skill.js';
import { suggestSkills } from '../../src/experts/suggest-skills.js';
import { type TestApp } from '../helpers/app.js';
import { byTestId, escapeHtml, fr, signedIn, STRONG_PASSWORD } from '../helpers/security.js';
import { createExpert, startExpertsApp } from './experts-fixtures.js';

type Agent = Awaited<ReturnType<typeof signedIn>>;
let t: TestApp;
let me: { userId: string; profileId: string };
let expert: Agent;

beforeAll(async () => {
  t = await startExpertsApp();
  me = await createExpert(t.db.prisma, 'skills.expert@example.org');
  expert = await signedIn(t.app, 'skills.expert@example.org', STRONG_PASSWORD);
});
afterAll(() => t?.close());

const codes = async (q: string) => {
  const found = await suggestSkills(t.db.prisma, q);
  const rows = await t.db.prisma.skill.findMany({ where: { id: { in: found.map((s) => s.id) } }, select: { id: true, code: true } });
  return found.map((s) => rows.find((r) => r.id === s.id)!.code);
};
const skillId = async (code: string) => (await t.db.prisma.skill.findUniqueOrThrow({ where: { code } })).id;

describe('skill suggestions', () => {
  it('finds a skill by its French, English or Arabic label, accents and hamza spellings ignored', async () => {
    for (const q of ['goutte-à-goutte', 'goutte a goutte', 'GOUTTE', 'drip irrigation', 'الري بالتنقيط', 'الرى بالتنقيط']) {
      expect(await codes(q), q).toContain('agriculture.drip_irrigation');
    }
    // إدارة written without its hamza, with a final ه for ة, still finds the Arabic labels that contain it
    expect((await codes('اداره')).length).toBeGreaterThan(0);
    expect(await codes('Hydrogeologie')).toContain('water_environment.hydrogeology');
  });

  it('tolerates a typo through trigram similarity, and puts labels containing the text first', async () => {
    expect(await codes('hydrogeolgie')).toContain('water_environment.hydrogeology');
    const first = await codes('irrigation');
    expect(first[0]).toMatch(/irrigation/);
  });

  it('answers short, empty or odd queries without error and never matches LIKE wildcards', async () => {
    expect(await codes('')).toEqual([]);
    expect(await codes('a')).toEqual([]);
    expect(await codes('%%')).toEqual([]);
    expect(await codes("'; DROP TABLE \"Skill\"; --")).toEqual([]);
    expect(await t.db.prisma.skill.count()).toBeGreaterThan(400);
  });

  it('sends the fragment to the script and the whole page without JavaScript, with the broader skill shown', async () => {
    const fragment = await expert.agent.get('/experts/me/skills/suggest?q=goutte').set('HX-Request', 'true');
    expect(fragment.status).toBe(200);
    expect(fragment.text).not.toContain('<html');
    expect(fragment.text).toContain('data-testid="skill-suggestion"');
    expect(fragment.text).toContain('Irrigation goutte-à-goutte');
    expect(fragment.text).toContain(escapeHtml(fr('profile.skills.broader', { label: 'Irrigation' })));
    expect(fragment.headers.vary).toMatch(/HX-Request/i);
    const page = await expert.agent.get('/experts/me/skills/suggest?q=goutte');
    expect(page.text).toContain('<html');
    expect(page.text).toContain('data-testid="skill-suggestion"');
    expect(page.text).toContain('value="goutte"');
    const arabic = await expert.agent.get(`/experts/me/skills/suggest?q=${encodeURIComponent('التنقيط')}&lng=ar`).set('HX-Request', 'true');
    expect(arabic.text).toContain('الري بالتنقيط');
    await expert.agent.get('/experts/me/skills?lng=fr');
    const none = await expert.agent.get('/experts/me/skills/suggest?q=zzzzqqq').set('HX-Request', 'true');
    expect(none.text).toContain('data-testid="no-suggestion"');
  });
});

describe('adding skills', () => {
  it('adds a skill with a level and years, then updates it when chosen again', async () => {
    const id = await skillId('agriculture.drip_irrigation');
    const res = await expert.postFrom('/experts/me/skills', { skillId: String(id), level: '3', years: '7', q: 'goutte' }, '/experts/me/skills');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/experts/me/skills');
    await expert.postFrom('/experts/me/skills', { skillId: String(id), level: '4', years: '' }, '/experts/me/skills');
    const rows = await t.db.prisma.expertSkill.findMany({ where: { expertId: me.profileId } });
    expect(rows).toEqual([{ expertId: me.profileId, skillId: id, level: 4, years: null }]);
    const page = await expert.agent.get('/experts/me/skills');
    expect(byTestId(page.text, 'own-skill')).toBeDefined();
    expect(page.text).toContain(escapeHtml(fr('skillLevels.4')));
  });

  it('refuses a level outside 1–4, years outside 0–70, an unknown or inactive skill, and stores nothing', async () => {
    const id = await skillId('water_environment.hydrogeology');
    const bad = await expert.postFrom('/experts/me/skills', { skillId: String(id), level: '5', years: '80', q: 'hydro' }, '/experts/me/skills');
    expect(bad.status).toBe(400);
    expect(byTestId(bad.text, `field-error-level-${id}`)).toBe(escapeHtml(fr('validation.expert.skillLevel')));
    expect(byTestId(bad.text, 'field-error-years')).toBe(escapeHtml(fr('validation.expert.years')));
    expect(bad.text).toContain(`id="level-${id}"`);
    const unknown = await expert.postFrom('/experts/me/skills', { skillId: '99999', level: '2', years: '' }, '/experts/me/skills');
    expect(unknown.status).toBe(400);
    expect(byTestId(unknown.text, 'field-error-skillId')).toBe(escapeHtml(fr('validation.expert.skill')));
    await t.db.prisma.skill.update({ where: { id }, data: { active: false } });
    expect((await expert.postFrom('/experts/me/skills', { skillId: String(id), level: '2', years: '' }, '/experts/me/skills')).status).toBe(400);
    await t.db.prisma.skill.update({ where: { id }, data: { active: true } });
    expect(await t.db.prisma.expertSkill.count({ where: { expertId: me.profileId, skillId: id } })).toBe(0);
  });

  it(`keeps a profile to ${MAX_SKILLS} skills, and removes one on request`, async () => {
    const ids = (await t.db.prisma.skill.findMany({ where: { active: true }, take: MAX_SKILLS + 1, orderBy: { id: 'asc' } })).map((s) => s.id);
    await t.db.prisma.expertSkill.deleteMany({ where: { expertId: me.profileId } });
    await t.db.prisma.expertSkill.createMany({ data: ids.slice(0, MAX_SKILLS).map((skillId) => ({ expertId: me.profileId, skillId, level: 2 })) });
    const res = await expert.postFrom('/experts/me/skills', { skillId: String(ids[MAX_SKILLS]), level: '2', years: '' }, '/experts/me/skills');
    expect(res.status).toBe(400);
    expect(byTestId(res.text, 'field-error-skillId')).toBe(escapeHtml(fr('validation.expert.tooManySkills', { max: MAX_SKILLS })));
    expect((await expert.postFrom('/experts/me/skills/remove', { skillId: String(ids[0]) }, '/experts/me/skills')).status).toBe(303);
    expect(await t.db.prisma.expertSkill.count({ where: { expertId: me.profileId } })).toBe(MAX_SKILLS - 1);
  });
});
