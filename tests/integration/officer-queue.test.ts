import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remindUnansweredCandidacies } from '../../src/candidacies/response-deadlines.js';
import { DEMO_PASSWORD } from '../../src/demo/accounts.js';
import { hashPassword } from '../../src/lib/password.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { byTestId, escapeHtml, fr, LOOSE_LIMITS, signedIn, STRONG_PASSWORD } from '../helpers/security.js';

type Agent = Awaited<ReturnType<typeof signedIn>>;
let t: TestApp;
let officer: Agent;
let hash: string;
beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB, limits: LOOSE_LIMITS });
  officer = await signedIn(t.app, 'officer@demo.jisr.local', DEMO_PASSWORD);
  hash = await hashPassword(STRONG_PASSWORD);
});
afterAll(() => t?.close());

let n = 0;
/** A pending institution with its administrator (who registered it). */
async function pendingInstitution() {
  const p = t.db.prisma;
  const inst = await p.institution.create({ data: { name: `Coopérative en attente ${++n}`, kind: 'cooperative', regionCode: 'DT', city: 'Zagora' } });
  const user = await p.user.create({ data: { email: `founder${n}@example.org`, displayName: `Fondatrice ${n}`, role: 'staff', passwordHash: hash, emailVerifiedAt: new Date() } });
  await p.institutionMember.create({ data: { institutionId: inst.id, userId: user.id, role: 'admin', status: 'active' } });
  return { inst, user };
}
const institution = (id: string) => t.db.prisma.institution.findUniqueOrThrow({ where: { id } });
const decide = (who: Agent, id: string, decision: string, fields: Record<string, string> = {}) =>
  who.postFrom(`/officer/institutions/${id}/${decision}`, fields, '/me');

describe('the officer queue', () => {
  it('is for officers only', async () => {
    const anonymous = await request(t.app).get('/officer');
    expect([anonymous.status, anonymous.headers.location]).toEqual([303, '/login']);
    for (const email of ['expert@demo.jisr.local', 'staff@demo.jisr.local', 'admin@demo.jisr.local']) {
      await (await signedIn(t.app, email, DEMO_PASSWORD)).agent.get('/officer').expect(403);
    }
    await officer.agent.get('/officer').expect(200);
  });

  it('lists institutions to verify and needs to publish, with links to act on them', async () => {
    const p = t.db.prisma;
    const { inst, user } = await pendingInstitution();
    const res = await officer.agent.get('/officer').expect(200);
    expect(byTestId(res.text, 'count-institutions')).toBe(String(await p.institution.count({ where: { status: 'pending' } })));
    expect(res.text).toContain(`href="/institutions/${inst.id}"`);
    expect(res.text).toContain(user.email);
    expect(res.text).toContain(`action="/officer/institutions/${inst.id}/verify"`);
    const submitted = await p.need.findMany({ where: { status: 'submitted' } });
    expect(byTestId(res.text, 'count-needs')).toBe(String(submitted.length));
    for (const need of submitted.slice(0, 50)) expect(res.text).toContain(`href="/needs/${need.id}"`);
  });

  it('shows applications left unanswered past the alert deadline, with their need and institution', async () => {
    const p = t.db.prisma;
    const need = await p.need.findFirstOrThrow({ where: { status: 'published' }, include: { institution: true } });
    const taken = (await p.candidacy.findMany({ where: { needId: need.id }, select: { expertId: true } })).map((c) => c.expertId);
    const [late, answered, recent] = await p.expertProfile.findMany({ where: { id: { notIn: taken } }, take: 3, orderBy: { id: 'asc' } });
    const now = new Date('2027-03-01T09:00:00Z');
    const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
    const overdue = await p.candidacy.create({ data: { needId: need.id, expertId: late!.id, status: 'applied', createdAt: daysAgo(25) } });
    await p.candidacy.create({ data: { needId: need.id, expertId: answered!.id, status: 'shortlisted', createdAt: daysAgo(25), respondedAt: daysAgo(20) } });
    const fresh = await p.candidacy.create({ data: { needId: need.id, expertId: recent!.id, status: 'applied', createdAt: daysAgo(12) } });
    const before = (await officer.agent.get('/officer')).text;
    expect(before).not.toContain(`/experts/${late!.id}"`);

    // The deadline job, on a controlled clock: the 25-day-old application is alerted, the 12-day-old one only reminded.
    await remindUnansweredCandidacies({ prisma: p, publicUrl: 'http://jisr.test' }, now);
    expect((await p.candidacy.findUniqueOrThrow({ where: { id: overdue.id } })).alertedAt).not.toBeNull();
    expect((await p.candidacy.findUniqueOrThrow({ where: { id: fresh.id } })).alertedAt).toBeNull();

    const res = await officer.agent.get('/officer').expect(200);
    const rows = [...res.text.matchAll(/<tr data-testid="overdue-candidacy">([\s\S]*?)<\/tr>/g)].map((m) => m[1]!);
    const row = rows.find((r) => r.includes(`/experts/${late!.id}"`));
    expect(row).toBeDefined();
    expect(row).toContain(`href="/needs/${need.id}"`);
    expect(row).toContain(`href="/institutions/${need.institutionId}"`);
    expect(rows.some((r) => r.includes(`/experts/${answered!.id}"`) || r.includes(`/experts/${recent!.id}"`))).toBe(false);
    expect(byTestId(res.text, 'count-overdue')).toBe(String(await p.candidacy.count({ where: { status: 'applied', alertedAt: { not: null }, respondedAt: null } })));
  });
});

describe('verifying institutions', () => {
  it('verifies a pending institution: stamped, audited, its members told; a second decision changes nothing', async () => {
    const { inst, user } = await pendingInstitution();
    const res = await decide(officer, inst.id, 'verify');
    expect([res.status, res.headers.location]).toEqual([303, '/officer']);
    const verified = await institution(inst.id);
    expect(verified.status).toBe('verified');
    expect(verified.verifiedAt).not.toBeNull();
    expect(byTestId((await officer.agent.get('/officer')).text, 'flash-success')).toBe(escapeHtml(fr('officer.institutions.verified')));
    const audit = await t.db.prisma.auditLog.findMany({ where: { entity: 'Institution', entityId: inst.id } });
    expect(audit.map((a) => [a.action, a.details])).toEqual([['institution.verified', { from: 'pending', to: 'verified' }]]);
    expect(await t.db.prisma.notification.findFirst({ where: { userId: user.id, kind: 'institution.verified' } })).not.toBeNull();
    expect((await t.db.prisma.outboxEmail.findFirstOrThrow({ where: { toAddress: user.email } })).textBody).toContain('a été vérifiée');

    for (const [decision, fields] of [['verify', {}], ['reject', { reason: 'Documents manquants au dossier.' }]] as const) {
      const again = await decide(officer, inst.id, decision, fields);
      expect(again.status).toBe(303);
      expect(byTestId((await officer.agent.get('/officer')).text, 'flash-error')).toBe(escapeHtml(fr('officer.institutions.alreadyDecided')));
    }
    expect(await institution(inst.id)).toEqual(verified);
    expect(await t.db.prisma.auditLog.count({ where: { entity: 'Institution', entityId: inst.id } })).toBe(1);
    // Now public.
    await request(t.app).get(`/institutions/${inst.id}`).expect(200);
  });

  it('rejects only with a reason, which its members read', async () => {
    const { inst, user } = await pendingInstitution();
    for (const reason of [undefined, '', 'Trop bref']) {
      const res = await decide(officer, inst.id, 'reject', reason === undefined ? {} : { reason });
      expect(res.status).toBe(400);
      expect(res.text).toContain('data-testid="field-error-reason"');
      expect(byTestId(res.text, 'field-error-reason')).toBe(escapeHtml(fr('validation.rejectionReason')));
      expect(res.text).toMatch(new RegExp(`id="reason-${inst.id}"[^>]*aria-invalid="true"`));
    }
    expect((await institution(inst.id)).status).toBe('pending');
    expect(await t.db.prisma.auditLog.count({ where: { entity: 'Institution', entityId: inst.id } })).toBe(0);

    const reason = "Le mandat du demandeur n'a pas pu être vérifié.";
    expect((await decide(officer, inst.id, 'reject', { reason })).status).toBe(303);
    expect(await institution(inst.id)).toMatchObject({ status: 'rejected', rejectionReason: reason, verifiedAt: null });
    const note = await t.db.prisma.notification.findFirstOrThrow({ where: { userId: user.id, kind: 'institution.rejected' } });
    expect(note.params).toMatchObject({ reason });
    const page = await (await signedIn(t.app, user.email, STRONG_PASSWORD)).agent.get(`/institutions/${inst.id}`).expect(200);
    expect(page.text).toContain(escapeHtml(reason));
  });

  it('is refused to anyone but officers, and of two officers deciding at once exactly one wins', async () => {
    const { inst } = await pendingInstitution();
    for (const email of ['staff@demo.jisr.local', 'expert@demo.jisr.local', 'admin@demo.jisr.local']) {
      const who = await signedIn(t.app, email, DEMO_PASSWORD);
      expect((await decide(who, inst.id, 'verify')).status).toBe(403);
      expect((await decide(who, inst.id, 'reject', { reason: 'Aucune raison valable ici.' })).status).toBe(403);
    }
    expect((await institution(inst.id)).status).toBe('pending');

    // A second session stands for a second officer (the other demo officers have no usable password).
    const rival = await signedIn(t.app, 'officer@demo.jisr.local', DEMO_PASSWORD);
    await Promise.all([decide(officer, inst.id, 'verify'), decide(rival, inst.id, 'reject', { reason: 'Pièces justificatives incomplètes.' })]);
    const decided = await institution(inst.id);
    expect(['verified', 'rejected']).toContain(decided.status);
    expect(await t.db.prisma.auditLog.count({ where: { entity: 'Institution', entityId: inst.id } })).toBe(1);
    expect((await decide(officer, inst.id, 'promote')).status).toBe(404);
    expect((await decide(officer, inst.id, 'verify', { status: 'verified' })).status).toBe(400);
  });
});
