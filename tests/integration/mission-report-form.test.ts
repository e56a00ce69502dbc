import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { signedInAgent } from '../helpers/forms.js';
import { needWithSelectedExpert } from '../helpers/missions.js';
import { ar, byTestId, escapeHtml, fr } from '../helpers/security.js';

// Issue 10, browser walk 2: a report with one field missing came back empty with a message that named no field.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB, limits: { login: { windowMs: 60_000, limit: 1000 } } });
});
afterAll(() => t.close());

async function missionIn(status: 'completed' | 'reported') {
  const { need, expert } = await needWithSelectedExpert(t.db.prisma, { window: ['2027-09-01', '2027-10-31'] });
  return t.db.prisma.mission.create({ data: { needId: need.id, expertId: expert.id, startsOn: need.windowStart, endsOn: new Date('2027-09-10'), status } });
}

async function post(email: string, missionId: string, action: string, fields: Record<string, string>, lng = 'fr') {
  const who = await signedInAgent(t.app, email);
  return who.post(`/missions/${missionId}?lng=${lng}`, `/missions/${missionId}/transitions/${action}`, { version: '0', ...fields });
}

const ACTIVITIES = 'Trois ateliers avec l\'équipe technique <b>et</b> une visite des stations.';
const RECOMMENDATIONS = 'Suivi trimestriel des consommations d\'eau.';

describe('the mission report form', () => {
  it('keeps what was typed and marks the missing field, storing nothing', async () => {
    const m = await missionIn('completed');
    const res = await post('expert@demo.jisr.local', m.id, 'report', { activities: ACTIVITIES, results: '  ', recommendations: RECOMMENDATIONS });
    expect(res.status).toBe(400);
    expect(byTestId(res.text, 'field-error-results')).toBe(escapeHtml(fr('validation.required')));
    expect(res.text).toContain(`>${escapeHtml(ACTIVITIES)}</textarea>`);
    expect(res.text).toContain(`>${escapeHtml(RECOMMENDATIONS)}</textarea>`);
    expect(res.text).not.toContain('data-testid="field-error-activities"');
    const after = await t.db.prisma.mission.findUniqueOrThrow({ where: { id: m.id }, include: { report: true } });
    expect(after).toMatchObject({ status: 'completed', version: 0, report: null });
  });

  it('says it in the user\'s language, and a complete report goes through', async () => {
    const m = await missionIn('completed');
    const res = await post('expert@demo.jisr.local', m.id, 'report', { activities: ACTIVITIES, results: 'Plan adopté.' }, 'ar');
    expect(res.status).toBe(400);
    expect(byTestId(res.text, 'field-error-recommendations')).toBe(escapeHtml(ar('validation.required')));
    const ok = await post('expert@demo.jisr.local', m.id, 'report', { activities: ACTIVITIES, results: 'Plan adopté.', recommendations: RECOMMENDATIONS });
    expect(ok.status).toBe(303);
    expect((await t.db.prisma.mission.findUniqueOrThrow({ where: { id: m.id } })).status).toBe('reported');
  });

  it('does the same for the institution\'s evaluation', async () => {
    const m = await missionIn('reported');
    const res = await post('staff@demo.jisr.local', m.id, 'evaluate', { rating: '4', outcomes: '' });
    expect(res.status).toBe(400);
    expect(byTestId(res.text, 'field-error-outcomes')).toBe(escapeHtml(fr('validation.required')));
    expect(res.text).toMatch(/<option value="4" selected>/);
    expect((await t.db.prisma.mission.findUniqueOrThrow({ where: { id: m.id } })).status).toBe('reported');
  });
});
