import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remindUnansweredCandidacies } from '../../src/candidacies/response-deadlines.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { csrfFrom, signedInAgent } from '../helpers/forms.js';
import { staffInstitution } from '../helpers/needs.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB, limits: { login: { windowMs: 60_000, limit: 1000 } } });
});
afterAll(() => t.close());

const as = (email: string) => signedInAgent(t.app, email);

/** A published need of the demo staff account's institution that the demo expert has not applied to. */
async function openNeed() {
  const institutionId = await staffInstitution(t.db.prisma);
  return t.db.prisma.need.create({
    data: {
      institutionId, title: `Appui à la télédétection ${Math.random().toString(36).slice(2, 7)}`, description: 'Cartographie des parcelles irriguées par imagerie satellitaire.',
      sectorCode: 'agriculture', regionCode: 'SM', mode: 'remote', windowStart: new Date('2027-04-01'), windowEnd: new Date('2027-06-30'),
      durationDays: 10, status: 'published', publishedAt: new Date(),
    },
  });
}

async function candidacyAction(b: Awaited<ReturnType<typeof as>>, candidacyId: string, action: string, extra: Record<string, string> = {}) {
  const c = await t.db.prisma.candidacy.findUniqueOrThrow({ where: { id: candidacyId } });
  const page = await b.agent.get(`/needs/${c.needId}`);
  return b.agent.post(`/candidacies/${candidacyId}/transitions/${action}`).type('form').send({ _csrf: csrfFrom(page.text), version: String(c.version), ...extra });
}

describe('applying', () => {
  it('creates one candidacy even when the expert applies twice at once, and tells the staff', async () => {
    const need = await openNeed();
    const expert = await as('expert@demo.jisr.local');
    const page = await expert.agent.get(`/needs/${need.id}`);
    expect(page.text).toContain('data-testid="apply"');
    const token = csrfFrom(page.text);
    const send = () => expert.agent.post(`/needs/${need.id}/apply`).type('form').send({ _csrf: token, motivation: 'Dix ans de télédétection agricole au Cirad, disponible en avril.' });
    const results = await Promise.all([send(), send()]);
    expect(results.map((r) => r.status)).toEqual([303, 303]);
    expect(await t.db.prisma.candidacy.count({ where: { needId: need.id } })).toBe(1);
    const staffUser = await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'staff@demo.jisr.local' } });
    expect(await t.db.prisma.notification.count({ where: { userId: staffUser.id, kind: 'candidacy.received', link: `/needs/${need.id}` } })).toBe(1);
    const mail = await t.db.prisma.outboxEmail.findFirst({ where: { toAddress: 'staff@demo.jisr.local', template: 'notification' }, orderBy: { createdAt: 'desc' } });
    expect(mail?.textBody).toContain(need.title);
  });

  it('refuses a too-short motivation next to the field and stores nothing', async () => {
    const need = await openNeed();
    const expert = await as('expert@demo.jisr.local');
    const res = await expert.post(`/needs/${need.id}`, `/needs/${need.id}/apply`, { motivation: 'Oui' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('data-testid="field-error-motivation"');
    expect(res.text).toContain('>Oui</textarea>');
    expect(await t.db.prisma.candidacy.count({ where: { needId: need.id } })).toBe(0);
  });

  it('lets only experts apply', async () => {
    const need = await openNeed();
    const staff = await as('staff@demo.jisr.local');
    expect((await staff.post(`/needs/${need.id}`, `/needs/${need.id}/apply`, { motivation: 'Je voudrais aussi candidater ici.' })).status).toBe(403);
  });
});

describe('the pipeline', () => {
  it('applied → shortlisted → interviewed → selected by the institution; the expert is told at each step in their language', async () => {
    const need = await openNeed();
    const expert = await as('expert@demo.jisr.local');
    await t.db.prisma.user.update({ where: { email: 'expert@demo.jisr.local' }, data: { locale: 'ar' } });
    await expert.post(`/needs/${need.id}`, `/needs/${need.id}/apply`, { motivation: 'Expérience directe sur des projets similaires au Maroc.' });
    const c = await t.db.prisma.candidacy.findFirstOrThrow({ where: { needId: need.id } });
    const staff = await as('staff@demo.jisr.local');
    expect((await candidacyAction(expert, c.id, 'shortlist')).status).toBe(403);
    expect((await candidacyAction(staff, c.id, 'select')).status).toBe(403);
    for (const a of ['shortlist', 'interview', 'select']) expect((await candidacyAction(staff, c.id, a)).status).toBe(303);
    const done = await t.db.prisma.candidacy.findUniqueOrThrow({ where: { id: c.id }, include: { events: { orderBy: { createdAt: 'asc' } } } });
    expect(done.status).toBe('selected');
    expect(done.respondedAt).not.toBeNull();
    expect(done.events.map((e) => e.toStatus)).toEqual(['applied', 'shortlisted', 'interviewed', 'selected']);
    const mail = await t.db.prisma.outboxEmail.findFirst({ where: { toAddress: 'expert@demo.jisr.local', template: 'notification' }, orderBy: { createdAt: 'desc' } });
    expect(mail?.textBody).toMatch(/[\u0600-\u06FF]/);
    await t.db.prisma.user.update({ where: { email: 'expert@demo.jisr.local' }, data: { locale: 'fr' } });
  });

  it('declines only with a reason from the list; the expert withdraws with a reason; closed candidacies take no further step', async () => {
    const need = await openNeed();
    const expert = await as('expert@demo.jisr.local');
    await expert.post(`/needs/${need.id}`, `/needs/${need.id}/apply`, { motivation: 'Je connais bien la région et ses coopératives.' });
    const c = await t.db.prisma.candidacy.findFirstOrThrow({ where: { needId: need.id } });
    const staff = await as('staff@demo.jisr.local');
    await candidacyAction(staff, c.id, 'reject', { reason: 'because' });
    expect((await t.db.prisma.candidacy.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('applied');
    await candidacyAction(expert, c.id, 'withdraw', { reason: 'accepted_other' });
    expect(await t.db.prisma.candidacy.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: 'withdrawn', reason: 'accepted_other' });
    expect((await candidacyAction(staff, c.id, 'shortlist')).status).toBe(403);
  });

  it('lets staff invite an expert to their published need, once', async () => {
    const need = await openNeed();
    const staff = await as('staff@demo.jisr.local');
    const expert = await t.db.prisma.expertProfile.findFirstOrThrow({ where: { user: { email: { not: 'expert@demo.jisr.local' } }, candidacies: { none: { needId: need.id } } } });
    for (let i = 0; i < 2; i++) expect((await staff.post(`/needs/${need.id}`, `/needs/${need.id}/invitations`, { expertId: expert.id })).status).toBe(303);
    expect(await t.db.prisma.candidacy.findMany({ where: { needId: need.id } })).toMatchObject([{ status: 'invited', expertId: expert.id }]);
    const other = await as('expert@demo.jisr.local');
    expect((await other.post(`/needs/${need.id}`, `/needs/${need.id}/invitations`, { expertId: expert.id })).status).toBe(403);
  });
});

describe('inviting from a profile', () => {
  it('shows staff an invitation form on an expert\'s profile and invites to the chosen need', async () => {
    const need = await openNeed();
    const staff = await as('staff@demo.jisr.local');
    const expert = await t.db.prisma.expertProfile.findFirstOrThrow({
      where: { visibility: 'public', matchable: true, user: { status: 'active', email: { not: 'expert@demo.jisr.local' } }, candidacies: { none: { needId: need.id } } },
    });
    const page = await staff.agent.get(`/experts/${expert.id}`).expect(200);
    expect(page.text).toContain('data-testid="invite-form"');
    expect(page.text).toContain(need.title);
    const res = await staff.agent.post('/candidacies/invitations').type('form').set('Referer', `http://jisr.test/experts/${expert.id}`)
      .send({ _csrf: csrfFrom(page.text), expertId: expert.id, needId: need.id });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/experts/${expert.id}`);
    expect(await t.db.prisma.candidacy.findMany({ where: { needId: need.id } })).toMatchObject([{ status: 'invited', expertId: expert.id }]);
    const again = await staff.agent.get(`/experts/${expert.id}`);
    expect(again.text).not.toContain(`value="${need.id}"`);
  });
});

describe('response deadlines', () => {
  it('reminds the institution after 10 days and alerts officers after 20, each once', async () => {
    const need = await openNeed();
    const expertProfile = await t.db.prisma.expertProfile.findFirstOrThrow({ where: { candidacies: { none: { needId: need.id } } } });
    const created = new Date('2027-01-01T09:00:00Z');
    const c = await t.db.prisma.candidacy.create({ data: { needId: need.id, expertId: expertProfile.id, status: 'applied', createdAt: created } });
    const deps = { prisma: t.db.prisma, publicUrl: 'http://jisr.test' };
    const at = (days: number) => new Date(created.getTime() + days * 86_400_000);
    const reminders = () => t.db.prisma.notification.count({ where: { kind: 'candidacy.reminder', link: `/needs/${need.id}` } });
    const alerts = () => t.db.prisma.notification.count({ where: { kind: 'candidacy.overdue', link: `/needs/${need.id}` } });
    await remindUnansweredCandidacies(deps, at(9.9));
    expect(await reminders()).toBe(0);
    await remindUnansweredCandidacies(deps, at(10.1));
    const staffCount = await t.db.prisma.institutionMember.count({ where: { institutionId: need.institutionId, status: 'active' } });
    expect(await reminders()).toBe(staffCount);
    await remindUnansweredCandidacies(deps, at(11));
    await Promise.all([remindUnansweredCandidacies(deps, at(15)), remindUnansweredCandidacies(deps, at(15))]);
    expect(await reminders()).toBe(staffCount);
    expect(await alerts()).toBe(0);
    await Promise.all([remindUnansweredCandidacies(deps, at(20.5)), remindUnansweredCandidacies(deps, at(20.5))]);
    const officerCount = await t.db.prisma.user.count({ where: { role: 'officer', status: 'active' } });
    expect(await alerts()).toBe(officerCount);
    await remindUnansweredCandidacies(deps, at(30));
    expect(await alerts()).toBe(officerCount);
    expect((await t.db.prisma.candidacy.findUniqueOrThrow({ where: { id: c.id } })).alertedAt).toEqual(at(20.5));
  });

  it('never reminds about a candidacy the institution has answered', async () => {
    const need = await openNeed();
    const expertProfile = await t.db.prisma.expertProfile.findFirstOrThrow({ where: { candidacies: { none: { needId: need.id } } } });
    const created = new Date('2027-01-01T09:00:00Z');
    await t.db.prisma.candidacy.create({ data: { needId: need.id, expertId: expertProfile.id, status: 'shortlisted', createdAt: created, respondedAt: created } });
    await remindUnansweredCandidacies({ prisma: t.db.prisma, publicUrl: 'http://jisr.test' }, new Date('2027-03-01'));
    expect(await t.db.prisma.notification.count({ where: { kind: { in: ['candidacy.reminder', 'candidacy.overdue'] }, link: `/needs/${need.id}` } })).toBe(0);
  });
});
