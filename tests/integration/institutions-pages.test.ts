import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.js';
import type { InstitutionStatus, MemberRole } from '../../src/generated/prisma/enums.js';
import { responseFigures } from '../../src/institutions/queries.js';
import { hashPassword } from '../../src/lib/password.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { byTestId, LOOSE_LIMITS, signedIn, STRONG_PASSWORD } from '../helpers/security.js';

let t: TestApp;
let hash: string;
beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB, limits: LOOSE_LIMITS });
  hash = await hashPassword(STRONG_PASSWORD);
});
afterAll(() => t?.close());

let n = 0;
async function institution(status: InstitutionStatus, extra: { rejectionReason?: string } = {}) {
  return t.db.prisma.institution.create({
    data: { name: `Institution d'essai ${++n}`, kind: 'commune', regionCode: 'SM', city: 'Tiznit', status, description: 'Une commune du Souss.', ...extra },
  });
}
/** A staff account with a known password, member of an institution with this role. */
async function staffOf(institutionId: string, role: MemberRole = 'staff') {
  const user = await t.db.prisma.user.create({ data: { email: `staff${++n}@example.org`, displayName: `Staff ${n}`, role: 'staff', passwordHash: hash, emailVerifiedAt: new Date() } });
  await t.db.prisma.institutionMember.create({ data: { institutionId, userId: user.id, role, status: 'active' } });
  return signedIn(t.app, user.email, STRONG_PASSWORD);
}
const DAY = 86_400_000;

describe('the list of institutions', () => {
  it('lists verified institutions only, with their published needs, a page at a time', async () => {
    const p = t.db.prisma;
    const verified = await p.institution.count({ where: { status: 'verified' } });
    const res = await request(t.app).get('/institutions').expect(200);
    const rows = res.text.match(/data-testid="institution-row"/g)?.length ?? 0;
    expect(rows).toBe(Math.min(20, verified));
    const pending = await p.institution.findFirstOrThrow({ where: { status: 'pending' } });
    const page2 = await request(t.app).get('/institutions?page=2').expect(200);
    expect(page2.text.match(/data-testid="institution-row"/g)?.length ?? 0).toBe(verified - 20);
    expect(res.text + page2.text).not.toContain(pending.id);
    // The published-needs figure of one institution.
    const busy = await p.institution.findFirstOrThrow({ where: { status: 'verified', needs: { some: { status: 'published' } } }, orderBy: { name: 'asc' } });
    const published = await p.need.count({ where: { institutionId: busy.id, status: 'published' } });
    const all = res.text + page2.text;
    expect(new RegExp(`href="/institutions/${busy.id}"[\\s\\S]*?data-testid="institution-needs">(\\d+)<`).exec(all)?.[1]).toBe(String(published));
  });

  it('filters by region and kind, clamps pages and refuses malformed filters with a message', async () => {
    const p = t.db.prisma;
    const expected = await p.institution.count({ where: { status: 'verified', regionCode: 'SM', kind: 'university' } });
    const res = await request(t.app).get('/institutions?region=SM&kind=university&page=99').expect(200);
    expect(res.text.match(/data-testid="institution-row"/g)?.length ?? 0).toBe(expected);
    const bad = await request(t.app).get('/institutions?kind=castle&lng=en').expect(400);
    expect(byTestId(bad.text, 'field-error-kind')).toBe('This value is not recognised.');
    await request(t.app).get('/institutions?region=a&region=b').expect(400);
  });
});

describe('the page of an institution', () => {
  it('is public once verified; pending and rejected ones are seen by their members and officers only', async () => {
    const officer = await signedIn(t.app, 'officer@demo.jisr.local', DEMO_PASSWORD);
    const expert = await signedIn(t.app, 'expert@demo.jisr.local', DEMO_PASSWORD);
    const outsider = await staffOf((await institution('verified')).id);
    for (const status of ['pending', 'rejected'] as const) {
      const inst = await institution(status, status === 'rejected' ? { rejectionReason: 'Mandat non vérifiable' } : {});
      const member = await staffOf(inst.id, 'admin');
      await request(t.app).get(`/institutions/${inst.id}`).expect(404);
      await expert.agent.get(`/institutions/${inst.id}`).expect(404);
      await outsider.agent.get(`/institutions/${inst.id}`).expect(404);
      await officer.agent.get(`/institutions/${inst.id}`).expect(200);
      const own = await member.agent.get(`/institutions/${inst.id}`).expect(200);
      expect(byTestId(own.text, 'institution-status')).toBe(status === 'pending' ? 'En attente de vérification' : 'Refusée');
      if (status === 'rejected') expect(own.text).toContain('Mandat non vérifiable');
    }
    const verified = await institution('verified');
    const res = await request(t.app).get(`/institutions/${verified.id}?lng=ar`).expect(200);
    expect(res.text).toContain('dir="rtl"');
    expect(res.text).toContain('Une commune du Souss.');
    await request(t.app).get('/institutions/not-a-uuid').expect(404);
    await request(t.app).get('/institutions/00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('computes the response rate and the median response time from the applications, invitations left out', async () => {
    const p = t.db.prisma;
    const inst = await institution('verified');
    const needData = { institutionId: inst.id, description: 'Description du besoin.', sectorCode: 'water_environment', regionCode: 'SM', mode: 'remote' as const, windowStart: new Date('2031-01-01'), windowEnd: new Date('2031-03-01'), durationDays: 5 };
    const open = await p.need.create({ data: { ...needData, title: 'Réseau de suivi des nappes', status: 'published', publishedAt: new Date() } });
    const closed = await p.need.create({ data: { ...needData, title: 'Plan de gestion des crues', status: 'closed', publishedAt: new Date() } });
    const draft = await p.need.create({ data: { ...needData, title: 'Brouillon non publié', status: 'draft' } });
    const experts = await p.expertProfile.findMany({ take: 5, orderBy: { id: 'asc' } });
    const at = new Date('2026-09-01T08:00:00Z');
    const after = (days: number | null) => (days === null ? null : new Date(at.getTime() + days * DAY));
    // Answered after 2, 4 and 10 days (the last one on another need of the institution), one left unanswered.
    const rows: [string, number | null][] = [[open.id, 2], [open.id, 4], [closed.id, 10], [open.id, null]];
    for (const [i, [needId, days]] of rows.entries()) {
      await p.candidacy.create({ data: { needId, expertId: experts[i]!.id, status: days === null ? 'applied' : 'shortlisted', createdAt: at, respondedAt: after(days) } });
    }
    // An invitation is answered when it is made: it must not flatter the institution.
    const invited = await p.candidacy.create({ data: { needId: closed.id, expertId: experts[4]!.id, status: 'invited', createdAt: at, respondedAt: at } });
    await p.candidacyEvent.create({ data: { candidacyId: invited.id, toStatus: 'invited' } });

    expect(await responseFigures(p, inst.id)).toEqual({ applications: 4, answered: 3, rate: 0.75, medianDays: 4 });
    const page = await request(t.app).get(`/institutions/${inst.id}`).expect(200);
    expect(byTestId(page.text, 'figure-response-rate')).toBe('75\u00a0%');
    expect(byTestId(page.text, 'figure-median-days')).toBe('4 jours');
    expect(byTestId(page.text, 'figure-published')).toBe('1');
    const en = await request(t.app).get(`/institutions/${inst.id}?lng=en`).expect(200);
    expect(byTestId(en.text, 'figure-response-rate')).toBe('75%');
    expect(byTestId(en.text, 'figure-median-days')).toBe('4 days');
    // Its published needs are shown as cards; a draft is not.
    expect(page.text).toContain(`href="/needs/${open.id}"`);
    expect(page.text).not.toContain(draft.id);

    // Without any application, no figure is invented.
    const quiet = await request(t.app).get(`/institutions/${(await institution('verified')).id}`).expect(200);
    expect(byTestId(quiet.text, 'figure-response-rate')).toBe('—');
    expect(byTestId(quiet.text, 'figure-median-days')).toBe('—');
  });

  it('lists past missions without saying who the experts were', async () => {
    const p = t.db.prisma;
    const mission = await p.mission.findFirstOrThrow({
      where: { status: 'evaluated' }, include: { need: true, expert: true },
    });
    const res = await request(t.app).get(`/institutions/${mission.need.institutionId}`).expect(200);
    const done = await p.mission.count({ where: { need: { institutionId: mission.need.institutionId }, status: { in: ['completed', 'reported', 'evaluated', 'followed_up'] } } });
    expect(byTestId(res.text, 'figure-missions')).toBe(String(done));
    const list = /data-testid="past-missions"[\s\S]*?<\/ul>/.exec(res.text)![0];
    expect(list.match(/data-testid="past-mission"/g)?.length).toBe(Math.min(done, 10));
    expect(res.text).not.toContain(mission.expert.lastName);
    expect(res.text).not.toContain(`/experts/${mission.expertId}`);
  });
});

describe('the description of an institution', () => {
  it('is edited by its administrators only, audited, and refused when too long', async () => {
    const inst = await institution('verified');
    const admin = await staffOf(inst.id, 'admin');
    const colleague = await staffOf(inst.id, 'staff');
    const otherAdmin = await staffOf((await institution('verified')).id, 'admin');
    const officer = await signedIn(t.app, 'officer@demo.jisr.local', DEMO_PASSWORD);
    for (const who of [colleague, otherAdmin, officer]) {
      await who.agent.get(`/institutions/${inst.id}/edit`).expect(403);
      expect((await who.postFrom(`/institutions/${inst.id}/edit`, { description: 'Piraté' })).status).toBe(403);
    }
    const tooLong = await admin.postFrom(`/institutions/${inst.id}/edit`, { description: 'x'.repeat(3001) }, `/institutions/${inst.id}/edit`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.text).toContain('data-testid="field-error-description"');
    expect((await admin.postFrom(`/institutions/${inst.id}/edit`, { description: 'x', role: 'admin' })).status).toBe(400);
    expect((await t.db.prisma.institution.findUniqueOrThrow({ where: { id: inst.id } })).description).toBe('Une commune du Souss.');

    const text = "Commune rurale de l'Anti-Atlas, ⵜⵉⵣⵏⵉⵜ — تيزنيت.";
    const ok = await admin.postFrom(`/institutions/${inst.id}/edit`, { description: text }, `/institutions/${inst.id}/edit`);
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe(`/institutions/${inst.id}`);
    expect((await t.db.prisma.institution.findUniqueOrThrow({ where: { id: inst.id } })).description).toBe(text);
    expect(await t.db.prisma.auditLog.count({ where: { action: 'institution.description_updated', entityId: inst.id } })).toBe(1);
    const page = await admin.agent.get(`/institutions/${inst.id}`).expect(200);
    expect(byTestId(page.text, 'flash-success')).toBe('La présentation a été enregistrée.');
  });
});
