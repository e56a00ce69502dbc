import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { signedInAgent } from '../helpers/forms.js';
import { needFields, staffInstitution } from '../helpers/needs.js';
import { ar, byTestId, escapeHtml, fr } from '../helpers/security.js';

// Issue 10, browser walk 3 (each error of the need form shows its own message, not "This field is required") and
// finding 8 (a submitted or published need ends today or later, and not in a distant future).
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB, limits: { login: { windowMs: 60_000, limit: 1000 } } });
});
afterAll(() => t.close());

const as = (email: string) => signedInAgent(t.app, email);
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function postNew(fields: Record<string, string>, lng = 'fr') {
  const staff = await as('staff@demo.jisr.local');
  const before = await t.db.prisma.need.count();
  const res = await staff.post(`/needs/new?lng=${lng}`, '/needs/new', needFields(fields));
  expect(await t.db.prisma.need.count(), 'nothing stored').toBe(before);
  return res;
}

describe('the need form shows each error with its own message', () => {
  it.each([
    ['an end before the start', { windowStart: day(60), windowEnd: day(30) }, 'windowEnd', 'needs.errors.windowOrder'],
    ['a duration longer than the window', { windowStart: day(30), windowEnd: day(35), durationDays: '20' }, 'durationDays', 'needs.errors.durationBeyondWindow'],
    ['no required skill', { requirement_0: 'desirable' }, 'skill_0', 'needs.errors.requiredSkill'],
  ])('%s', async (_label, fields, field, key) => {
    const res = await postNew(fields);
    expect(res.status).toBe(400);
    expect(byTestId(res.text, `field-error-${field}`)).toBe(escapeHtml(fr(key)));
    expect(res.text).toContain('value="Taroudant"');
  });

  it('in the user\'s language', async () => {
    const res = await postNew({ windowStart: day(60), windowEnd: day(30) }, 'ar');
    expect(byTestId(res.text, 'field-error-windowEnd')).toBe(escapeHtml(ar('needs.errors.windowOrder')));
  });
});

describe('the window of a need', () => {
  it('refuses a window that has ended (1900) or that lies years ahead, next to the field', async () => {
    const past = await postNew({ windowStart: '1900-01-01', windowEnd: '1900-03-01' });
    expect(past.status).toBe(400);
    expect(byTestId(past.text, 'field-error-windowEnd')).toBe(escapeHtml(fr('needs.errors.windowPast')));
    const far = await postNew({ windowStart: '2190-01-01', windowEnd: '2190-03-01' });
    expect(far.status).toBe(400);
    expect(byTestId(far.text, 'field-error-windowEnd')).toBe(escapeHtml(fr('needs.errors.windowTooFar', { years: 3 })));
  });

  it('is checked again when a draft is submitted and when a need is published', async () => {
    const staff = await as('staff@demo.jisr.local');
    const officer = await as('officer@demo.jisr.local');
    const base = {
      institutionId: await staffInstitution(t.db.prisma), title: 'Besoin resté en brouillon', description: 'Un brouillon dont la période est passée depuis.',
      sectorCode: 'energy', regionCode: 'SM', mode: 'remote' as const, windowStart: new Date('1900-01-01'), windowEnd: new Date('1900-02-01'), durationDays: 5,
    };
    const draft = await t.db.prisma.need.create({ data: { ...base, status: 'draft' } });
    const submitted = await t.db.prisma.need.create({ data: { ...base, status: 'submitted', submittedAt: new Date() } });
    const res = await staff.post(`/needs/${draft.id}`, `/needs/${draft.id}/transitions/submit`, { version: '0' });
    expect(res.status).toBe(303);
    expect(byTestId((await staff.agent.get(`/needs/${draft.id}`)).text, 'flash-error')).toBe(escapeHtml(fr('needs.errors.windowPast')));
    await officer.post(`/needs/${submitted.id}`, `/needs/${submitted.id}/transitions/publish`, { version: '0' });
    const statuses = await t.db.prisma.need.findMany({ where: { id: { in: [draft.id, submitted.id] } }, orderBy: { status: 'asc' }, select: { status: true } });
    expect(statuses.map((s) => s.status)).toEqual(['draft', 'submitted']);
  });
});
