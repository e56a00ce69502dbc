import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.js';
import { remindFollowUps } from '../../src/missions/follow-up-reminders.js';
import { setMissionBudget } from '../../src/missions/set-budget.js';
import { transitionMission } from '../../src/missions/transition-mission.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { browserLike, csrfFrom } from '../helpers/forms.js';
import { needWithSelectedExpert } from '../helpers/missions.js';

let t: TestApp;
/** the app's today: the machine's, except where a test walks a mission into its own dates */
let today: Date | undefined;
beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB, clock: () => today ?? new Date(), limits: { login: { windowMs: 60_000, limit: 1000 } } });
});
afterAll(() => t.close());
afterEach(() => {
  today = undefined;
});

type Agent = ReturnType<typeof browserLike>;
const agents = new Map<string, Agent>();
async function as(email: string): Promise<Agent> {
  if (!agents.has(email)) {
    const b = browserLike(t.app);
    expect((await b.signIn(email, DEMO_PASSWORD)).status).toBe(303);
    agents.set(email, b);
  }
  return agents.get(email)!;
}

async function step(who: string, missionId: string, action: string, extra: Record<string, string> = {}) {
  const b = await as(who);
  const m = await t.db.prisma.mission.findUniqueOrThrow({ where: { id: missionId } });
  const page = await b.agent.get(`/missions/${missionId}`);
  if (page.status !== 200) return page;
  return b.agent.post(`/missions/${missionId}/transitions/${action}`).type('form').send({ _csrf: csrfFrom(page.text), version: String(m.version), ...extra });
}
const status = async (id: string) => (await t.db.prisma.mission.findUniqueOrThrow({ where: { id } })).status;

/** Selecting the candidacy through the page proposes the mission. */
async function proposed(options: Parameters<typeof needWithSelectedExpert>[1] = {}) {
  const { need, candidacy } = await needWithSelectedExpert(t.db.prisma, options);
  const staff = await as('staff@demo.jisr.local');
  const page = await staff.agent.get(`/needs/${need.id}`);
  const res = await staff.agent.post(`/candidacies/${candidacy.id}/transitions/select`).type('form').send({ _csrf: csrfFrom(page.text), version: '0' });
  expect(res.status).toBe(303);
  return { need, mission: await t.db.prisma.mission.findUniqueOrThrow({ where: { candidacyId: candidacy.id } }) };
}

async function budget(missionId: string) {
  const officer = await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'officer@demo.jisr.local' } });
  const rate = await t.db.prisma.perDiemRate.findFirstOrThrow({ where: { city: 'Agadir' } });
  const m = await t.db.prisma.mission.findUniqueOrThrow({ where: { id: missionId } });
  expect(await setMissionBudget(t.db.prisma, { missionId, version: m.version, travelCost: '6000', perDiemRateId: rate.id }, { actorId: officer.id })).toEqual({ ok: true });
  return rate;
}

describe('mission lifecycle', () => {
  it('walks proposed → accepted → approved → briefed → in_progress → completed → reported → evaluated → followed_up, each by the right party', async () => {
    const { need, mission } = await proposed();
    expect(mission).toMatchObject({ status: 'proposed', startsOn: need.windowStart });
    expect((await step('staff@demo.jisr.local', mission.id, 'accept')).status).toBe(403);
    expect((await step('expert@demo.jisr.local', mission.id, 'accept')).status).toBe(303);
    expect((await step('expert@demo.jisr.local', mission.id, 'approve')).status).toBe(403);
    await step('officer@demo.jisr.local', mission.id, 'approve');
    expect(await status(mission.id)).toBe('accepted');
    const rate = await budget(mission.id);
    const withBudget = await t.db.prisma.mission.findUniqueOrThrow({ where: { id: mission.id } });
    expect(withBudget.budgetTotal?.toString()).toBe(String(6000 + Number(rate.dailyRate) * 10));
    expect((await step('officer@demo.jisr.local', mission.id, 'approve')).status).toBe(303);
    expect(await status(mission.id)).toBe('approved');
    expect((await t.db.prisma.need.findUniqueOrThrow({ where: { id: need.id } })).status).toBe('filled');
    expect(await t.db.prisma.candidacy.findFirstOrThrow({ where: { needId: need.id, id: { not: mission.candidacyId! } } })).toMatchObject({ status: 'not_selected', reason: 'other_candidate' });
    await step('officer@demo.jisr.local', mission.id, 'brief');
    expect(await status(mission.id)).toBe('approved');
    const expert = await as('expert@demo.jisr.local');
    const page = await expert.agent.get(`/missions/${mission.id}`);
    const v = (await t.db.prisma.mission.findUniqueOrThrow({ where: { id: mission.id } })).version;
    await expert.agent.post(`/missions/${mission.id}/briefing`).type('form').send({ _csrf: csrfFrom(page.text), version: String(v), documents: 'on', travel: 'on', insurance: 'on', contact: 'on' });
    expect((await step('expert@demo.jisr.local', mission.id, 'brief')).status).toBe(403);
    await step('officer@demo.jisr.local', mission.id, 'brief');
    today = new Date('2027-09-01T08:00:00Z'); // the mission's first day
    await step('expert@demo.jisr.local', mission.id, 'start');
    today = new Date('2027-09-10T17:00:00Z');
    await step('staff@demo.jisr.local', mission.id, 'complete');
    expect(await t.db.prisma.mission.findUniqueOrThrow({ where: { id: mission.id } })).toMatchObject({ startedOn: new Date('2027-09-01'), completedOn: new Date('2027-09-10') });
    expect((await step('staff@demo.jisr.local', mission.id, 'report', { activities: 'x', results: 'y', recommendations: 'z' })).status).toBe(403);
    await step('expert@demo.jisr.local', mission.id, 'report', { activities: 'Ateliers avec les équipes techniques.', results: 'Plan d\'efficacité adopté.', recommendations: 'Suivi trimestriel des consommations.' });
    expect((await step('expert@demo.jisr.local', mission.id, 'evaluate', { rating: '5', outcomes: 'x' })).status).toBe(403);
    await step('staff@demo.jisr.local', mission.id, 'evaluate', { rating: '4', outcomes: 'Facture réduite de 18 %.' });
    const evaluated = await t.db.prisma.mission.findUniqueOrThrow({ where: { id: mission.id }, include: { report: true } });
    expect(evaluated.status).toBe('evaluated');
    expect(evaluated.report).toMatchObject({ rating: 4, outcomes: 'Facture réduite de 18 %.', expertResults: 'Plan d\'efficacité adopté.' });
    expect(evaluated.followUpDueOn?.toISOString().slice(0, 10)).toBe(new Date(Date.UTC(evaluated.endsOn.getUTCFullYear() + 1, evaluated.endsOn.getUTCMonth(), evaluated.endsOn.getUTCDate())).toISOString().slice(0, 10));
    await step('officer@demo.jisr.local', mission.id, 'follow_up', { notes: 'Économies confirmées un an après.' });
    const events = await t.db.prisma.missionEvent.findMany({ where: { missionId: mission.id }, orderBy: { createdAt: 'asc' } });
    expect(events.map((e) => e.toStatus)).toEqual(['proposed', 'accepted', 'approved', 'briefed', 'in_progress', 'completed', 'reported', 'evaluated', 'followed_up']);
    const timeline = await (await as('expert@demo.jisr.local')).agent.get(`/missions/${mission.id}`);
    expect(timeline.text.match(/data-testid="mission-event"/g)).toHaveLength(9);
  });

  it('lets the expert decline, and officers reject or anyone responsible cancel only with a reason', async () => {
    const a = await proposed();
    await step('expert@demo.jisr.local', a.mission.id, 'decline');
    expect(await status(a.mission.id)).toBe('declined');
    const b = await proposed();
    await step('expert@demo.jisr.local', b.mission.id, 'accept');
    await step('officer@demo.jisr.local', b.mission.id, 'reject');
    expect(await status(b.mission.id)).toBe('accepted');
    await step('officer@demo.jisr.local', b.mission.id, 'reject', { reason: 'Budget du programme épuisé.' });
    expect(await t.db.prisma.mission.findUniqueOrThrow({ where: { id: b.mission.id } })).toMatchObject({ status: 'rejected', rejectionReason: 'Budget du programme épuisé.' });
    const c = await proposed();
    expect((await step('expert@demo.jisr.local', c.mission.id, 'cancel', { reason: 'x' })).status).toBe(403);
    await step('staff@demo.jisr.local', c.mission.id, 'cancel', { reason: 'Projet reporté.' });
    expect(await status(c.mission.id)).toBe('cancelled');
  });

  it('keeps the mission from other experts, other institutions and the public', async () => {
    const { mission } = await proposed();
    const other = await t.db.prisma.user.findFirstOrThrow({ where: { role: 'expert', email: { not: 'expert@demo.jisr.local' } } });
    await t.db.prisma.user.update({ where: { id: other.id }, data: { passwordHash: (await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'expert@demo.jisr.local' } })).passwordHash } });
    expect((await (await as(other.email)).agent.get(`/missions/${mission.id}`)).status).toBe(404);
    expect((await browserLike(t.app).agent.get(`/missions/${mission.id}`)).status).toBe(303);
  });
});

describe('concurrency and conflicts', () => {
  it('twenty concurrent approvals of one mission leave exactly one approval event and nineteen clear refusals', async () => {
    const { mission } = await proposed();
    await step('expert@demo.jisr.local', mission.id, 'accept');
    await budget(mission.id);
    const officer = await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'officer@demo.jisr.local' } });
    const version = (await t.db.prisma.mission.findUniqueOrThrow({ where: { id: mission.id } })).version;
    const results = await Promise.all(
      Array.from({ length: 20 }, () => transitionMission({ prisma: t.db.prisma, publicUrl: 'http://jisr.test' }, { missionId: mission.id, action: 'approve', version }, { actorId: officer.id, now: new Date() })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'conflict')).toHaveLength(19);
    expect(await t.db.prisma.missionEvent.count({ where: { missionId: mission.id, toStatus: 'approved' } })).toBe(1);
  });

  it('refuses to approve a mission overlapping another approved mission of the same expert', async () => {
    const first = await proposed({ window: ['2028-01-10', '2028-02-28'] });
    const second = await proposed({ window: ['2028-01-15', '2028-03-31'] });
    for (const m of [first.mission, second.mission]) {
      await step('expert@demo.jisr.local', m.id, 'accept');
      await budget(m.id);
    }
    await step('officer@demo.jisr.local', first.mission.id, 'approve');
    const res = await step('officer@demo.jisr.local', second.mission.id, 'approve');
    expect(res.status).toBe(303);
    expect(await status(first.mission.id)).toBe('approved');
    expect(await status(second.mission.id)).toBe('accepted');
    const page = await (await as('officer@demo.jisr.local')).agent.get(`/missions/${second.mission.id}`);
    expect(page.text).toContain('déjà une mission approuvée');
  });

  it('records a budget change after approval as an event and in the audit log', async () => {
    const { mission } = await proposed({ window: ['2029-01-01', '2029-02-28'] });
    await step('expert@demo.jisr.local', mission.id, 'accept');
    await budget(mission.id);
    await step('officer@demo.jisr.local', mission.id, 'approve');
    const officer = await as('officer@demo.jisr.local');
    const page = await officer.agent.get(`/missions/${mission.id}`);
    const m = await t.db.prisma.mission.findUniqueOrThrow({ where: { id: mission.id } });
    await officer.agent.post(`/missions/${mission.id}/budget`).type('form').send({ _csrf: csrfFrom(page.text), version: String(m.version), travelCost: '7000,50', perDiemRateId: m.perDiemRateId! });
    const changed = await t.db.prisma.mission.findUniqueOrThrow({ where: { id: mission.id } });
    expect(changed.travelCost?.toString()).toBe('7000.5');
    expect(await t.db.prisma.missionEvent.count({ where: { missionId: mission.id, fromStatus: 'approved', toStatus: 'approved' } })).toBe(1);
    expect(await t.db.prisma.auditLog.count({ where: { entityId: mission.id, action: 'mission.budget_changed' } })).toBe(1);
    const bad = await officer.agent.post(`/missions/${mission.id}/budget`).type('form').send({ _csrf: csrfFrom(page.text), version: String(changed.version), travelCost: 'beaucoup', perDiemRateId: m.perDiemRateId! });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('data-testid="field-error-travelCost"');
  });
});

describe('one-year follow-up', () => {
  it('asks "what changed since?" once, a year after the evaluation', async () => {
    const { mission } = await proposed({ window: ['2030-01-01', '2030-02-28'] });
    await t.db.prisma.mission.update({ where: { id: mission.id }, data: { status: 'evaluated', followUpDueOn: new Date('2031-01-10') } });
    const deps = { prisma: t.db.prisma, publicUrl: 'http://jisr.test' };
    const mine = () => t.db.prisma.notification.count({ where: { kind: 'mission.follow_up_due', link: `/missions/${mission.id}` } });
    await remindFollowUps(deps, new Date('2031-01-09')); // the demo data's older evaluated missions fall due here
    expect(await mine()).toBe(0);
    const [a, b] = await Promise.all([remindFollowUps(deps, new Date('2031-01-11')), remindFollowUps(deps, new Date('2031-01-11'))]);
    expect(a + b).toBe(1);
    expect(await remindFollowUps(deps, new Date('2031-06-01'))).toBe(0);
    const recipients = await mine();
    expect(recipients).toBeGreaterThan(1);
    expect(await mine()).toBe(recipients);
  });
});

describe('per-diem table', () => {
  it('is edited by admins only, refuses bad amounts next to the field, and labels demo rates', async () => {
    const admin = await as('admin@demo.jisr.local');
    const page = await admin.agent.get('/admin/per-diem').expect(200);
    expect(page.text).toContain('démo');
    const bad = await admin.post('/admin/per-diem', '/admin/per-diem', { city: 'Tiznit', regionCode: 'SM', dailyRate: 'mille', validFrom: '2027-01-01' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('data-testid="field-error-dailyRate"');
    expect(await t.db.prisma.perDiemRate.count({ where: { city: 'Tiznit' } })).toBe(0);
    expect((await admin.post('/admin/per-diem', '/admin/per-diem', { city: 'Tiznit', regionCode: 'SM', dailyRate: '780,50', validFrom: '2027-01-01' })).status).toBe(303);
    expect((await t.db.prisma.perDiemRate.findFirstOrThrow({ where: { city: 'Tiznit' } })).dailyRate.toString()).toBe('780.5');
    expect((await (await as('officer@demo.jisr.local')).agent.get('/admin/per-diem')).status).toBe(403);
  });
});

describe('proposed dates', () => {
  it('can be moved by the institution inside the need\'s window until the expert answers', async () => {
    const { need, mission } = await proposed({ window: ['2031-03-01', '2031-04-30'] });
    const staff = await as('staff@demo.jisr.local');
    const page = await staff.agent.get(`/missions/${mission.id}`);
    expect(page.text).toContain('data-testid="reschedule"');
    const post = (fields: Record<string, string>) =>
      staff.agent.post(`/missions/${mission.id}/dates`).type('form').send({ _csrf: csrfFrom(page.text), ...fields });
    const outside = await post({ version: '0', startsOn: '2031-02-20', endsOn: '2031-03-01' });
    expect(outside.status).toBe(400);
    expect(outside.text).toContain('data-testid="field-error-startsOn"');
    expect((await post({ version: '0', startsOn: '2031-04-10', endsOn: '2031-04-19' })).status).toBe(303);
    const moved = await t.db.prisma.mission.findUniqueOrThrow({ where: { id: mission.id } });
    expect(moved.startsOn.toISOString().slice(0, 10)).toBe('2031-04-10');
    expect(need.windowEnd >= moved.endsOn).toBe(true);
    expect((await step('expert@demo.jisr.local', mission.id, 'accept')).status).toBe(303);
    const late = await post({ version: String(moved.version + 1), startsOn: '2031-04-01', endsOn: '2031-04-10' });
    expect(late.status).toBe(403);
    const other = await proposed({ window: ['2032-03-01', '2032-04-30'] });
    const expert = await as('expert@demo.jisr.local');
    const expertPage = await expert.agent.get(`/missions/${other.mission.id}`);
    expect(expertPage.text).not.toContain('data-testid="reschedule"');
    const byExpert = await expert.agent.post(`/missions/${other.mission.id}/dates`).type('form')
      .send({ _csrf: csrfFrom(expertPage.text), version: '0', startsOn: '2032-03-05', endsOn: '2032-03-14' });
    expect(byExpert.status).toBe(403);
  });
});
