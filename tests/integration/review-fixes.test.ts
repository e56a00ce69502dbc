import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transitionMission } from '../../src/missions/transition-mission.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { browserLike, csrfFrom, signedInAgent } from '../helpers/forms.js';
import { needWithSelectedExpert } from '../helpers/missions.js';
import { staffInstitution } from '../helpers/needs.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB, limits: { login: { windowMs: 60_000, limit: 1000 }, register: { windowMs: 60_000, limit: 1000 } } });
});
afterAll(() => t.close());

const as = (email: string) => signedInAgent(t.app, email);

describe('invitations open contact details only for findable experts', () => {
  it('refuses to invite a private or consent-withdrawn expert, and a past candidacy no longer opens a withdrawn expert', async () => {
    const need = await t.db.prisma.need.findFirstOrThrow({ where: { status: 'published', institutionId: await staffInstitution(t.db.prisma) } });
    const [privateOne, withdrawn] = await t.db.prisma.expertProfile.findMany({
      where: { user: { status: 'active', email: { not: 'expert@demo.jisr.local' } }, candidacies: { none: { needId: need.id } } }, take: 2, orderBy: { id: 'desc' },
    });
    await t.db.prisma.expertProfile.update({ where: { id: privateOne!.id }, data: { visibility: 'private' } });
    await t.db.prisma.expertProfile.update({ where: { id: withdrawn!.id }, data: { matchable: false, visibility: 'public' } });
    const staff = await as('staff@demo.jisr.local');
    for (const e of [privateOne!, withdrawn!]) {
      await staff.post(`/needs/${need.id}`, `/needs/${need.id}/invitations`, { expertId: e.id });
      expect(await t.db.prisma.candidacy.count({ where: { needId: need.id, expertId: e.id } })).toBe(0);
    }
    await t.db.prisma.candidacy.create({ data: { needId: need.id, expertId: withdrawn!.id, status: 'applied' } });
    expect((await staff.agent.get(`/experts/${withdrawn!.id}`)).status).toBe(404);
    expect((await staff.agent.get(`/experts/${withdrawn!.id}/cv`)).status).not.toBe(200);
  });
});

describe('inputs that used to give a 500', () => {
  it('answers a malformed language cookie and an unparseable path without an error page', async () => {
    await request(t.app).get('/').set('Cookie', 'jisr_lng=%').expect(200);
    const res = await request(t.app).get('//x:99999/');
    expect(res.status).toBe(404);
  });

  it('refuses 36-character non-UUIDs, impossible dates and huge versions with 4xx', async () => {
    const reg = await browserLike(t.app).post('/register/institution', '/register/institution', {
      displayName: 'Karim Idrissi', email: 'karim.idrissi@example.org', password: 'Une phrase de passe très solide', mode: 'join', institutionId: 'a'.repeat(36),
    });
    expect(reg.status).toBe(400);
    const admin = await as('admin@demo.jisr.local');
    const page = await admin.agent.get('/admin/users');
    expect((await admin.agent.post(`/admin/users/${'a'.repeat(36)}/status`).type('form').send({ _csrf: csrfFrom(page.text), status: 'disabled' })).status).toBe(404);
    expect((await admin.post('/admin/per-diem', '/admin/per-diem', { city: 'Tata', dailyRate: '700', validFrom: '2027-13-01' })).status).toBe(400);
    const officer = await as('officer@demo.jisr.local');
    expect((await officer.agent.get('/missions?from=2024-13-01&expert=%00')).status).toBe(200);
    const staff = await as('staff@demo.jisr.local');
    const need = await t.db.prisma.need.findFirstOrThrow({ where: { status: 'draft', institutionId: await staffInstitution(t.db.prisma) } });
    const huge = await staff.post(`/needs/${need.id}`, `/needs/${need.id}/transitions/submit`, { version: '3000000000' });
    expect(huge.status).toBe(400);
  });
});

describe('capacity of a need', () => {
  it('never approves more missions than the need wants, even one after the other', async () => {
    const a = await needWithSelectedExpert(t.db.prisma, { window: ['2033-01-01', '2033-03-31'] });
    const rate = await t.db.prisma.perDiemRate.findFirstOrThrow({ where: { city: 'Agadir' } });
    const officer = await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'officer@demo.jisr.local' } });
    const others = await t.db.prisma.expertProfile.findMany({ where: { id: { not: a.expert.id } }, take: 2, orderBy: { id: 'asc' } });
    const missions = await Promise.all([a.expert, ...others].map((e, i) =>
      t.db.prisma.mission.create({
        data: { needId: a.need.id, expertId: e.id, startsOn: new Date(`2033-0${i + 1}-01`), endsOn: new Date(`2033-0${i + 1}-10`), status: 'accepted', budgetTotal: '1000', travelCost: '0', perDiemDaily: rate.dailyRate, perDiemDays: 10, perDiemRateId: rate.id },
      })));
    const deps = { prisma: t.db.prisma, publicUrl: 'http://jisr.test' };
    const results = await Promise.all(missions.map((m) => transitionMission(deps, { missionId: m.id, action: 'approve', version: 0 }, { actorId: officer.id, now: new Date() })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'needFull')).toHaveLength(2);
    expect((await t.db.prisma.need.findUniqueOrThrow({ where: { id: a.need.id } })).status).toBe('filled');
    expect(await t.db.prisma.needEvent.count({ where: { needId: a.need.id, toStatus: 'filled' } })).toBe(1);
  });
});
