import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.js';
import { hashPassword } from '../../src/lib/password.js';
import { escapeHtml, fr, signedIn, STRONG_PASSWORD } from '../helpers/security.js';
import { createExpert, startExpertsApp } from './experts-fixtures.js';

type Agent = Awaited<ReturnType<typeof signedIn>>;
let t: Awaited<ReturnType<typeof startExpertsApp>>;
let me: { userId: string; profileId: string };
let as: { owner: Agent; staff: Agent; otherStaff: Agent; officer: Agent };
let names: { mine: string; other: string };

beforeAll(async () => {
  t = await startExpertsApp();
  const p = t.db.prisma;
  me = await createExpert(p, 'viewers.owner@example.org', { firstName: 'Salma', lastName: 'Idrissi' });
  const mine = await p.institutionMember.findFirstOrThrow({ where: { user: { email: 'staff@demo.jisr.local' }, status: 'active' }, include: { institution: true } });
  const other = await p.institution.findFirstOrThrow({ where: { status: 'verified', id: { not: mine.institutionId } } });
  // The owner applied to a need of the demo staff member's institution: that staff member reads the contact too.
  const need = await p.need.findFirstOrThrow({ where: { institutionId: mine.institutionId, status: 'published' } });
  await p.candidacy.create({ data: { needId: need.id, expertId: me.profileId, status: 'applied' } });
  await p.user.create({
    data: {
      email: 'viewers.staff@example.org', passwordHash: await hashPassword(STRONG_PASSWORD), role: 'staff', emailVerifiedAt: new Date(),
      displayName: 'Hidden Person',
      memberships: { create: { institutionId: other.id, role: 'staff', status: 'active' } },
    },
  });
  names = { mine: mine.institution.name, other: other.name };
  const [owner, staff, otherStaff, officer] = await Promise.all([
    signedIn(t.app, 'viewers.owner@example.org', STRONG_PASSWORD),
    signedIn(t.app, 'staff@demo.jisr.local', DEMO_PASSWORD),
    signedIn(t.app, 'viewers.staff@example.org', STRONG_PASSWORD),
    signedIn(t.app, 'officer@demo.jisr.local', DEMO_PASSWORD),
  ]);
  as = { owner, staff, otherStaff, officer };
});
afterAll(() => t?.close());

const viewersBlock = async () => {
  const res = await as.owner.agent.get('/experts/me');
  expect(res.status).toBe(200);
  // The whole section, up to its closing tag (byTestId stops at the first inner element).
  return /data-testid="profile-viewers"[\s\S]*?<\/section>/.exec(res.text)?.[0] ?? '';
};

describe('who viewed my profile', () => {
  it('says nobody looked yet, and links to the visibility setting', async () => {
    const block = await viewersBlock();
    expect(block).toContain(escapeHtml(fr('profileViewers.none')));
    expect(block).toContain('href="/experts/me/privacy"');
    for (const lng of ['ar', 'en']) expect((await as.owner.agent.get(`/experts/me?lng=${lng}`)).text).not.toMatch(/profileViewers\./);
    await as.owner.agent.get('/experts/me?lng=fr');
  });

  it('lists the institutions (names, not people) that opened the profile, with the date, newest first', async () => {
    expect((await as.otherStaff.agent.get(`/experts/${me.profileId}`)).status).toBe(200);
    expect((await as.staff.agent.get(`/experts/${me.profileId}`)).status).toBe(200);
    await as.officer.agent.get(`/experts/${me.profileId}`);
    // The expert's own visits and anonymous visits never count.
    await as.owner.agent.get(`/experts/${me.profileId}`);
    await request(t.app).get(`/experts/${me.profileId}`);
    const block = await viewersBlock();
    const rows = [...block.matchAll(/data-testid="profile-viewer">([\s\S]*?)<\/li>/g)].map((m) => m[1]!);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain(escapeHtml(fr('profileViewers.programme')));
    expect(rows[1]).toContain(escapeHtml(names.mine));
    expect(rows[2]).toContain(escapeHtml(names.other));
    expect(rows[2]).not.toContain(escapeHtml(names.mine));
    for (const r of rows) expect(r).toMatch(/<time datetime="\d{4}-/);
    expect(block).not.toContain('Hidden Person');
    expect(block).not.toContain('staff@demo.jisr.local');
  });

  it('shows a CV download too, and older entries through the viewer memberships', async () => {
    const mine = await t.db.prisma.institutionMember.findFirstOrThrow({ where: { user: { email: 'staff@demo.jisr.local' } } });
    await t.db.prisma.auditLog.create({
      data: { actorId: mine.userId, action: 'expert.cv_downloaded', entity: 'ExpertProfile', entityId: me.profileId, details: { own: false } },
    });
    const block = await viewersBlock();
    const first = block.match(/data-testid="profile-viewer">([\s\S]*?)<\/li>/)![1]!;
    expect(first).toContain(escapeHtml(names.mine));
    expect(first).toContain(escapeHtml(fr('profileViewers.what.cv')));
  });

  it('turns the profile private from the link, after which the other institution no longer opens it', async () => {
    const res = await as.owner.postFrom('/experts/me/privacy', { visibility: 'private' }, '/experts/me/privacy');
    expect(res.status).toBe(303);
    expect((await viewersBlock())).toContain(escapeHtml(fr('profileViewers.isPrivate')));
    expect((await as.otherStaff.agent.get(`/experts/${me.profileId}`)).status).toBe(404);
  });
});
