import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DAILY_RATE, MAX_TRAVEL_COST } from '../../src/missions/budget.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { signedInAgent } from '../helpers/forms.js';
import { needWithSelectedExpert } from '../helpers/missions.js';
import { ar, byTestId, escapeHtml, expectNoInternals, fr } from '../helpers/security.js';

// Issue 10, finding 7: a day in year 0 and an amount whose total overflows its column gave 500s.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB, limits: { login: { windowMs: 60_000, limit: 1000 } } });
});
afterAll(() => t.close());

const as = (email: string) => signedInAgent(t.app, email);
const soon = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('days', () => {
  it('refuses an availability from year 0 next to the field, storing nothing', async () => {
    const expert = await as('expert@demo.jisr.local');
    const before = await t.db.prisma.availability.count();
    for (const [lng, t9n] of [['fr', fr], ['ar', ar]] as const) {
      const res = await expert.post(`/experts/me/availability?lng=${lng}`, '/experts/me/availability', { startsOn: '0000-01-01', endsOn: soon(30) });
      expect(res.status).toBe(400);
      expect(byTestId(res.text, 'field-error-startsOn')).toBe(escapeHtml(t9n('validation.date')));
      expectNoInternals(res.text);
    }
    expect(await t.db.prisma.availability.count()).toBe(before);
  });

  it('are parsed by the one validator of src/lib, nowhere else', () => {
    const root = path.resolve(import.meta.dirname, '../../src');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.startsWith('generated'));
    const parsers = files.filter((f) => /\\d\{4\}-\\d\{2\}-\\d\{2\}/.test(readFileSync(path.join(root, f), 'utf8')));
    expect(parsers).toEqual([path.join('lib', 'iso-day.ts')]);
  });
});

describe('amounts', () => {
  async function acceptedMission() {
    const { need, expert } = await needWithSelectedExpert(t.db.prisma, { window: ['2027-09-01', '2027-10-31'] });
    return t.db.prisma.mission.create({ data: { needId: need.id, expertId: expert.id, startsOn: need.windowStart, endsOn: new Date('2027-09-10'), status: 'accepted' } });
  }

  it('refuses a travel cost whose total would not fit, next to the field, storing nothing', async () => {
    const m = await acceptedMission();
    const rate = await t.db.prisma.perDiemRate.findFirstOrThrow({ where: { city: 'Agadir' } });
    const officer = await as('officer@demo.jisr.local');
    for (const [lng, t9n] of [['fr', fr], ['ar', ar]] as const) {
      const res = await officer.post(`/missions/${m.id}?lng=${lng}`, `/missions/${m.id}/budget`, { version: '0', travelCost: '9999999999.99', perDiemRateId: rate.id });
      expect(res.status).toBe(400);
      expect(byTestId(res.text, 'field-error-travelCost')).toBe(escapeHtml(t9n('validation.amountTooLarge', { max: MAX_TRAVEL_COST })));
      expect(res.text).toContain('value="9999999999.99"');
    }
    expect(await t.db.prisma.mission.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({ version: 0, budgetTotal: null, travelCost: null });
    const ok = await officer.post(`/missions/${m.id}`, `/missions/${m.id}/budget`, { version: '0', travelCost: String(MAX_TRAVEL_COST), perDiemRateId: rate.id });
    expect(ok.status).toBe(303);
    expect((await t.db.prisma.mission.findUniqueOrThrow({ where: { id: m.id } })).travelCost?.toString()).toBe(String(MAX_TRAVEL_COST));
  });

  it('bounds the daily rates of the per-diem table too', async () => {
    const admin = await as('admin@demo.jisr.local');
    const before = await t.db.prisma.perDiemRate.count();
    const res = await admin.post('/admin/per-diem', '/admin/per-diem', { city: 'Tata', dailyRate: '9999999999.99', validFrom: '2027-01-01' });
    expect(res.status).toBe(400);
    expect(byTestId(res.text, 'field-error-dailyRate')).toBe(escapeHtml(fr('validation.amountTooLarge', { max: MAX_DAILY_RATE })));
    expect(await t.db.prisma.perDiemRate.count()).toBe(before);
  });
});
