import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { needWithSelectedExpert } from '../helpers/missions.js';
import { byTestId, escapeHtml, fr, LOOSE_LIMITS, signedIn } from '../helpers/security.js';

type Agent = Awaited<ReturnType<typeof signedIn>>;
let t: TestApp;
let officer: Agent;
let admin: Agent;
beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB, limits: LOOSE_LIMITS });
  officer = await signedIn(t.app, 'officer@demo.jisr.local', DEMO_PASSWORD);
  admin = await signedIn(t.app, 'admin@demo.jisr.local', DEMO_PASSWORD);
});
afterAll(() => t?.close());

/** An accepted mission of the demo expert, in its own month so that approvals never overlap. */
async function acceptedMission(month: string) {
  const { need, expert, candidacy } = await needWithSelectedExpert(t.db.prisma, { window: [`${month}-01`, `${month}-28`] });
  return t.db.prisma.mission.create({
    data: { needId: need.id, expertId: expert.id, candidacyId: candidacy.id, startsOn: new Date(`${month}-03`), endsOn: new Date(`${month}-07`), status: 'accepted' },
  });
}
const line = (code: string) => t.db.prisma.fundingSource.findFirstOrThrow({ where: { projectCode: code } });

describe('funding lines', () => {
  it('are managed by admins only, with envelope, committed and remaining, and bad input refused', async () => {
    await officer.agent.get('/admin/funding').expect(403);
    await admin.agent.get('/admin/funding').expect(200);
    const bad = await admin.postFrom('/admin/funding', { donor: 'UE', projectCode: 'UE TRQN', name: 'x', year: '2028', envelope: 'beaucoup' }, '/admin/funding');
    expect(bad.status).toBe(400);
    expect(byTestId(bad.text, 'field-error-envelope')).toBe(escapeHtml(fr('validation.amount')));
    expect(byTestId(bad.text, 'field-error-projectCode')).toBe(escapeHtml(fr('validation.fundingCode')));
    const ok = await admin.postFrom('/admin/funding', { donor: 'Union européenne', projectCode: 'EU-TRQN-28', name: 'Retour temporaire', year: '2028', envelope: '5000' }, '/admin/funding');
    expect([ok.status, ok.headers.location]).toEqual([303, '/admin/funding']);
    const again = await admin.postFrom('/admin/funding', { donor: 'UE', projectCode: 'EU-TRQN-28', name: 'Doublon', year: '2028', envelope: '1' }, '/admin/funding');
    expect(again.status).toBe(409);
    const created = await line('EU-TRQN-28');
    expect(created.envelope.toString()).toBe('5000');
    expect(await t.db.prisma.auditLog.count({ where: { entity: 'FundingSource', entityId: created.id, action: 'funding.created' } })).toBe(1);
  });

  it('refuses an approval beyond the remaining envelope unless the officer gives a reason, which is audited', async () => {
    const rate = await t.db.prisma.perDiemRate.findFirstOrThrow({ where: { OR: [{ city: 'Agadir' }, { regionCode: 'SM' }] } });
    const total = 2000 + Number(rate.dailyRate) * 5;
    // room for one such mission and a half: the second one goes beyond
    await admin.postFrom('/admin/funding', { donor: 'AFD', projectCode: 'AFD-SUD', name: 'Sud-Sud', year: '2028', envelope: String(Math.round(total * 1.5)) }, '/admin/funding');
    const fund = await line('AFD-SUD');
    const budget = async (missionId: string, version: number) => officer.postFrom(`/missions/${missionId}/budget`,
      { version: String(version), travelCost: '2000', perDiemRateId: rate.id, fundingSourceId: fund.id }, `/missions/${missionId}`);
    const approve = (missionId: string, version: number, overrideReason = '') =>
      officer.postFrom(`/missions/${missionId}/transitions/approve`, { version: String(version), overrideReason }, `/missions/${missionId}`);

    const first = await acceptedMission('2028-03');
    expect((await budget(first.id, 0)).status).toBe(303);
    expect((await t.db.prisma.mission.findUniqueOrThrow({ where: { id: first.id } })).fundingSourceId).toBe(fund.id);
    await approve(first.id, 1);
    expect((await t.db.prisma.mission.findUniqueOrThrow({ where: { id: first.id } })).status).toBe('approved');

    const second = await acceptedMission('2028-05');
    await budget(second.id, 0);
    await approve(second.id, 1);
    expect((await t.db.prisma.mission.findUniqueOrThrow({ where: { id: second.id } })).status).toBe('accepted');
    const page = await officer.agent.get(`/missions/${second.id}`);
    expect(byTestId(page.text, 'flash-error')).toBe(escapeHtml(fr('missions.errors.envelopeExceeded')));

    await approve(second.id, 1, 'Mission urgente validée par le comité de pilotage.');
    const approved = await t.db.prisma.mission.findUniqueOrThrow({ where: { id: second.id } });
    expect([approved.status, approved.envelopeOverrideReason]).toEqual(['approved', 'Mission urgente validée par le comité de pilotage.']);
    const audit = await t.db.prisma.auditLog.findFirstOrThrow({ where: { entityId: second.id, action: 'mission.envelope_override' } });
    expect(audit.actorId).toBeTruthy();

    const lines = (await admin.agent.get('/admin/funding')).text;
    const row = /data-code="AFD-SUD">([\s\S]*?)<\/tr>/.exec(lines)![1]!;
    expect(row).toContain('data-testid="funding-remaining">');
    expect(byTestId(row, 'funding-committed')).toBe(escapeHtml(new Intl.NumberFormat('fr-MA', { style: 'currency', currency: 'MAD', numberingSystem: 'latn' }).format(2 * total)));

    // the reports split budgets by funding line
    const csv = await officer.agent.get('/officer/reports/figures/missions-budget-funding.csv?period=year&year=2028');
    expect(csv.text).toContain(`AFD-SUD · Sud-Sud (2028),2,4000,${2 * total - 4000},${2 * total}`);
  });
});
