import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINES, readDeadlines } from '../../src/candidacies/response-deadlines.js';
import { DEMO_PASSWORD } from '../../src/demo/accounts.js';
import { createLogger } from '../../src/lib/logger.js';
import { seedReference } from '../../src/reference/seed-reference.js';
import { forgetSkillTaxonomy, skillTaxonomy } from '../../src/matches/matching-data.js';
import { forgetReferenceCaches } from '../../src/taxonomy/caches.js';
import { listenForReferenceChanges, type ReferenceListener } from '../../src/taxonomy/notify.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { byTestId, escapeHtml, fr, LOOSE_LIMITS, signedIn } from '../helpers/security.js';

let t: TestApp;
let admin: Awaited<ReturnType<typeof signedIn>>;
beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB, limits: LOOSE_LIMITS });
  admin = await signedIn(t.app, 'admin@demo.jisr.local', DEMO_PASSWORD);
});
afterAll(() => t?.close());

const post = (form: string, fields: Record<string, string>) => admin.postFrom(`/admin/reference/skills/${form}`, fields, '/admin/reference');
const skill = (code: string) => t.db.prisma.skill.findUniqueOrThrow({ where: { code } });
const snapshot = async () => JSON.stringify(await Promise.all([
  t.db.prisma.skill.findMany({ orderBy: { id: 'asc' } }),
  t.db.prisma.expertSkill.findMany({ orderBy: [{ expertId: 'asc' }, { skillId: 'asc' }] }),
  t.db.prisma.needSkill.findMany({ orderBy: [{ needId: 'asc' }, { skillId: 'asc' }] }),
]));

describe('skill taxonomy admin', () => {
  it('adds, renames, moves and deactivates skills, each audited', async () => {
    const add = await post('add', { code: 'test.parent', sector: 'water_environment', broader: '', labelFr: 'Parent', labelAr: 'أصل', labelEn: 'Parent' });
    expect(add.status).toBe(303);
    expect((await post('add', { code: 'test.child', sector: 'water_environment', broader: 'test.parent', labelFr: 'Enfant', labelAr: 'فرع', labelEn: 'Child' })).status).toBe(303);
    expect((await post('rename', { code: 'test.child', labelFr: 'Enfant renommé', labelAr: 'فرع', labelEn: 'Renamed child' })).status).toBe(303);
    expect((await skill('test.child')).labelFr).toBe('Enfant renommé');
    expect((await post('move', { code: 'test.child', broader: '' })).status).toBe(303);
    expect((await skill('test.child')).broaderId).toBeNull();
    expect((await post('active', { code: 'test.child', active: 'false' })).status).toBe(303);
    expect((await skill('test.child')).active).toBe(false);
    expect(await t.db.prisma.auditLog.count({ where: { entity: 'Skill', entityId: { in: ['test.parent', 'test.child'] } } })).toBe(5);
  });

  it('merges a skill: every holder keeps it at the higher level, needs keep the stricter requirement', async () => {
    const p = t.db.prisma;
    const [from, into] = await Promise.all([skill('test.parent'), p.skill.create({ data: { code: 'test.kept', sectorCode: 'water_environment', labelFr: 'Gardée', labelAr: 'محتفظ', labelEn: 'Kept' } })]);
    const experts = await p.expertProfile.findMany({ take: 3, orderBy: { id: 'asc' }, select: { id: true } });
    const [a, b, c] = experts.map((e) => e.id) as [string, string, string];
    await p.expertSkill.createMany({ data: [
      { expertId: a, skillId: from.id, level: 4, years: 3 }, { expertId: a, skillId: into.id, level: 2, years: 9 }, // both: 4, 9 years
      { expertId: b, skillId: from.id, level: 1 }, { expertId: b, skillId: into.id, level: 3 }, // both: 3
      { expertId: c, skillId: from.id, level: 2 }, // only the old one: moves over
    ] });
    const need = await p.need.findFirstOrThrow({ where: { status: 'published' } });
    await p.needSkill.createMany({ data: [{ needId: need.id, skillId: from.id, minLevel: 3, requirement: 'required' }, { needId: need.id, skillId: into.id, minLevel: 2, requirement: 'desirable' }] });

    expect((await post('merge', { from: 'test.parent', into: 'test.kept' })).status).toBe(303);
    const held = await p.expertSkill.findMany({ where: { skillId: { in: [from.id, into.id] } }, orderBy: { expertId: 'asc' } });
    expect(held.map((h) => [h.expertId, h.skillId, h.level, h.years])).toEqual(
      [[a, into.id, 4, 9], [b, into.id, 3, null], [c, into.id, 2, null]].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
    const needSkills = await p.needSkill.findMany({ where: { needId: need.id, skillId: { in: [from.id, into.id] } } });
    expect(needSkills.map((n) => [n.skillId, n.minLevel, n.requirement])).toEqual([[into.id, 3, 'required']]);
    expect((await skill('test.parent')).active).toBe(false);
  });

  it('refuses bad input with a message next to the field, and changes nothing', async () => {
    await post('add', { code: 'test.top', sector: 'water_environment', broader: '', labelFr: 'Haut', labelAr: 'أعلى', labelEn: 'Top' });
    await post('add', { code: 'test.low', sector: 'water_environment', broader: 'test.top', labelFr: 'Bas', labelAr: 'أسفل', labelEn: 'Low' });
    const before = await snapshot();
    const cases: [string, Record<string, string>, string, string][] = [
      ['merge', { from: 'test.top', into: 'test.top' }, 'into', 'refAdmin.errors.mergeSelf'],
      ['merge', { from: 'test.top', into: 'test.low' }, 'into', 'refAdmin.errors.mergeNarrower'],
      ['move', { code: 'test.top', broader: 'test.low' }, 'broader', 'refAdmin.errors.cycle'],
      ['move', { code: 'test.top', broader: 'test.top' }, 'broader', 'refAdmin.errors.cycle'],
      ['rename', { code: 'test.low', labelFr: 'Bas', labelAr: '   ', labelEn: 'Low' }, 'labelAr', 'refAdmin.errors.labelEmpty'],
      ['add', { code: 'test.empty', sector: 'water_environment', broader: '', labelFr: 'Vide', labelAr: 'فارغ', labelEn: '' }, 'labelEn', 'refAdmin.errors.labelEmpty'],
      ['add', { code: 'test.top', sector: 'water_environment', broader: '', labelFr: 'a', labelAr: 'b', labelEn: 'c' }, 'code', 'refAdmin.errors.taken'],
      ['merge', { from: 'test.nothing', into: 'test.top' }, 'from', 'refAdmin.errors.unknown'],
    ];
    for (const [form, fields, field, key] of cases) {
      const res = await post(form, fields);
      expect(res.status, `${form} ${JSON.stringify(fields)}`).toBe(400);
      expect(byTestId(res.text, `field-error-${field}`)).toBe(escapeHtml(fr(key)));
    }
    expect(await snapshot()).toBe(before);
  });

  it('edits the candidacy deadlines that the reminder job reads, refusing an alert before the reminder', async () => {
    const deadlines = () => readDeadlines(t.db.prisma);
    expect(await deadlines()).toEqual(DEFAULT_DEADLINES);
    const refused = await admin.postFrom('/admin/reference/deadlines', { reminderDays: '12', alertDays: '12' }, '/admin/reference');
    expect(refused.status).toBe(400);
    expect(byTestId(refused.text, 'field-error-alertDays')).toBe(escapeHtml(fr('refAdmin.errors.alertAfterReminder')));
    expect((await admin.postFrom('/admin/reference/deadlines', { reminderDays: 'soon', alertDays: '20' }, '/admin/reference')).status).toBe(400);
    expect(await deadlines()).toEqual(DEFAULT_DEADLINES);
    expect((await admin.postFrom('/admin/reference/deadlines', { reminderDays: '7', alertDays: '14' }, '/admin/reference')).status).toBe(303);
    expect(await deadlines()).toEqual({ reminderDays: 7, alertDays: 14 });
    expect(await t.db.prisma.auditLog.count({ where: { action: 'setting.changed', entityId: 'candidacy.deadlines' } })).toBe(1);
  });

  it('survives the next release: the shipped seed adds missing skills but undoes no admin change', async () => {
    const p = t.db.prisma;
    const free = { code: { not: { startsWith: 'test.' } }, experts: { none: {} }, needs: { none: {} }, narrower: { none: {} } };
    const [renamed, dropped] = await p.skill.findMany({ where: free, orderBy: { id: 'asc' }, take: 2 });
    expect((await post('rename', { code: renamed!.code, labelFr: 'Renommée par un admin', labelAr: renamed!.labelAr, labelEn: renamed!.labelEn })).status).toBe(303);
    await p.skill.delete({ where: { id: dropped!.id } }); // a skill that the next release adds
    await p.appSetting.delete({ where: { key: 'reference.version' } }); // as if that release shipped new data
    expect(await seedReference(p, createLogger('silent'))).toBe(true);
    expect((await skill(renamed!.code)).labelFr).toBe('Renommée par un admin');
    expect((await skill('test.low')).active).toBe(true); // an admin's skill is not retired
    expect((await skill('test.parent')).active).toBe(false); // merged away: not brought back
    expect(await p.skill.count({ where: { code: dropped!.code } })).toBe(1);
  });

  it('keeps the page from anyone but admins', async () => {
    const officer = await signedIn(t.app, 'officer@demo.jisr.local', DEMO_PASSWORD);
    expect((await officer.agent.get('/admin/reference')).status).toBe(403);
    for (const lng of ['fr', 'ar', 'en']) {
      const page = await admin.agent.get(`/admin/reference?lng=${lng}`);
      expect(page.status).toBe(200);
      expect(page.text, `untranslated key in ${lng}`).not.toMatch(/refAdmin\.|apiKeys\./);
    }
  });
});

describe('a change seen by every instance (LISTEN/NOTIFY)', () => {
  const listeners: ReferenceListener[] = [];
  afterAll(() => Promise.all(listeners.map((l) => l.stop())));

  it('a rename made through one instance empties the matcher taxonomy cache of another within seconds', async () => {
    // Two instances: each holds its own listening connection, as two processes would; B runs the real handler.
    const heardByA: string[] = [];
    const heardByB: string[] = [];
    const logger = createLogger('silent');
    listeners.push(listenForReferenceChanges(t.db.url, (topic) => heardByA.push(topic), logger));
    listeners.push(listenForReferenceChanges(t.db.url, (topic) => { heardByB.push(topic); forgetReferenceCaches(topic); }, logger));
    await expect.poll(() => heardByA.includes('*') && heardByB.includes('*'), { timeout: 5000 }).toBe(true);
    forgetSkillTaxonomy();
    const target = await skill('test.low');
    expect((await skillTaxonomy(t.db.prisma)).labels.get(target.id)?.labelFr).toBe('Bas');

    expect((await post('rename', { code: 'test.low', labelFr: 'Bas renommé', labelAr: 'أسفل', labelEn: 'Low' })).status).toBe(303);
    await expect.poll(() => heardByA.includes('skills') && heardByB.includes('skills'), { timeout: 5000 }).toBe(true);
    expect((await skillTaxonomy(t.db.prisma)).labels.get(target.id)?.labelFr).toBe('Bas renommé');
  });

  it('a refused change announces nothing (the notification goes with the transaction)', async () => {
    const heard: string[] = [];
    const l = listenForReferenceChanges(t.db.url, (topic) => heard.push(topic), createLogger('silent'));
    listeners.push(l);
    await expect.poll(() => heard.includes('*'), { timeout: 5000 }).toBe(true);
    expect((await post('merge', { from: 'test.top', into: 'test.top' })).status).toBe(400);
    expect((await post('active', { code: 'test.top', active: 'false' })).status).toBe(303);
    await expect.poll(() => heard.includes('skills'), { timeout: 5000 }).toBe(true);
    // Notifications arrive in commit order: one from the refused merge would have come before this one.
    await new Promise((r) => setTimeout(r, 300));
    expect(heard.filter((x) => x === 'skills')).toHaveLength(1);
  });
});
