import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.js';
import { hashPassword } from '../../src/lib/password.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { byTestId, LOOSE_LIMITS, mainOf, signedIn, STRONG_PASSWORD } from '../helpers/security.js';

type Agent = Awaited<ReturnType<typeof signedIn>>;
let t: TestApp;
let as: { expert: Agent; staff: Agent; officer: Agent; admin: Agent; pendingStaff: Agent; unverifiedInstitution: Agent };
/** Other experts' profiles, one per visibility, each with an e-mail and a phone that must stay private. */
let target: Record<'private' | 'institutions' | 'public', { id: string; email: string; phone: string }>;
let own: { id: string; email: string };

beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB, limits: LOOSE_LIMITS });
  const p = t.db.prisma;
  target = {} as typeof target;
  // Not candidates with the demo staff's institution (which would see them as its candidates), still consenting.
  const staffInstitution = (await p.institutionMember.findFirstOrThrow({ where: { user: { email: 'staff@demo.jisr.local' } } })).institutionId;
  for (const [i, visibility] of (['private', 'institutions', 'public'] as const).entries()) {
    const profile = await p.expertProfile.findFirstOrThrow({
      where: {
        visibility, matchable: true, user: { status: 'active', email: { not: 'expert@demo.jisr.local' } },
        candidacies: { none: { need: { institutionId: staffInstitution } } },
      },
      include: { user: true }, orderBy: { id: 'asc' },
    });
    const phone = `+212 600 00${i} 123`;
    await p.expertProfile.update({ where: { id: profile.id }, data: { phone } });
    target[visibility] = { id: profile.id, email: profile.user.email, phone };
  }
  const mine = await p.expertProfile.findFirstOrThrow({ where: { user: { email: 'expert@demo.jisr.local' } }, include: { user: true } });
  own = { id: mine.id, email: mine.user.email };

  // A staff member whose request to join is still pending: not yet "institution staff" for the policies.
  const institution = await p.institution.findFirstOrThrow({ where: { status: 'verified' } });
  await p.user.create({
    data: {
      email: 'pending.staff@example.org', displayName: 'Pending Staff', passwordHash: await hashPassword(STRONG_PASSWORD), role: 'staff',
      emailVerifiedAt: new Date(), memberships: { create: { institutionId: institution.id, role: 'staff', status: 'pending' } },
    },
  });
  // The administrator of an institution registered a minute ago, not yet verified by an officer.
  await p.user.create({
    data: {
      email: 'unverified.institution@example.org', displayName: 'New Institution', passwordHash: await hashPassword(STRONG_PASSWORD), role: 'staff',
      emailVerifiedAt: new Date(),
      memberships: {
        create: {
          role: 'admin', status: 'active',
          institution: { create: { name: 'Not Yet Verified', kind: 'ngo', regionCode: 'SM', city: 'Agadir', status: 'pending' } },
        },
      },
    },
  });
  const [expert, staff, officer, admin, pendingStaff, unverifiedInstitution] = await Promise.all([
    signedIn(t.app, 'expert@demo.jisr.local', DEMO_PASSWORD),
    signedIn(t.app, 'staff@demo.jisr.local', DEMO_PASSWORD),
    signedIn(t.app, 'officer@demo.jisr.local', DEMO_PASSWORD),
    signedIn(t.app, 'admin@demo.jisr.local', DEMO_PASSWORD),
    signedIn(t.app, 'pending.staff@example.org', STRONG_PASSWORD),
    signedIn(t.app, 'unverified.institution@example.org', STRONG_PASSWORD),
  ]);
  as = { expert, staff, officer, admin, pendingStaff, unverifiedInstitution };
});
afterAll(() => t?.close());

const profile = (who: Agent | undefined, id: string) => (who ? who.agent.get(`/experts/${id}`) : request(t.app).get(`/experts/${id}`));
const privateViews = (actorEmail: string, profileId: string) =>
  t.db.prisma.auditLog.count({ where: { action: 'expert.private_viewed', entityId: profileId, actor: { email: actorEmail } } });

function expectNoPrivate(html: string, who: { email: string; phone: string }) {
  expect(html).not.toContain(who.email);
  expect(html).not.toContain(who.phone);
  expect(html).not.toContain('data-testid="expert-email"');
}

describe('expert profiles: an id in the URL never opens another expert\'s private data', () => {
  it('hides a private profile from another expert, from staff and from anonymous visitors, exactly like a missing one', async () => {
    const missing = await profile(as.expert, '00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    for (const who of [as.expert, as.staff, as.pendingStaff, as.unverifiedInstitution, undefined]) {
      const res = await profile(who, target.private.id);
      expect(res.status).toBe(404);
      expectNoPrivate(res.text, target.private);
    }
    expect(mainOf((await profile(as.expert, target.private.id)).text)).toBe(mainOf(missing.text));
  });

  it('shows an institutions-only profile to staff of a verified institution, without e-mail or phone, and to nobody else', async () => {
    for (const who of [as.expert, as.pendingStaff, as.unverifiedInstitution, undefined]) {
      const res = await profile(who, target.institutions.id);
      expect(res.status).toBe(404);
      expectNoPrivate(res.text, target.institutions);
    }
    const res = await profile(as.staff, target.institutions.id);
    expect(res.status).toBe(200);
    expect(res.text).toContain('data-testid="expert-name"');
    expectNoPrivate(res.text, target.institutions);
  });

  it('shows a public profile to anyone, without e-mail or phone', async () => {
    for (const who of [as.expert, as.staff, undefined]) {
      const res = await profile(who, target.public.id);
      expect(res.status).toBe(200);
      expectNoPrivate(res.text, target.public);
    }
    expect(await t.db.prisma.auditLog.count({ where: { action: 'expert.private_viewed', entityId: target.public.id } })).toBe(0);
  });

  it('shows e-mail and phone to officers and admins, and writes each such read to the audit log', async () => {
    for (const [who, email] of [[as.officer, 'officer@demo.jisr.local'], [as.admin, 'admin@demo.jisr.local']] as const) {
      for (const v of ['private', 'institutions', 'public'] as const) {
        const before = await privateViews(email, target[v].id);
        const res = await profile(who, target[v].id);
        expect(res.status).toBe(200);
        expect(byTestId(res.text, 'expert-email')).toBe(target[v].email);
        expect(res.text).toContain(target[v].phone);
        expect(await privateViews(email, target[v].id)).toBe(before + 1);
      }
    }
  });

  it('shows the owner their own e-mail, without auditing their own read', async () => {
    const res = await profile(as.expert, own.id);
    expect(res.status).toBe(200);
    expect(byTestId(res.text, 'expert-email')).toBe(own.email);
    expect(await t.db.prisma.auditLog.count({ where: { action: 'expert.private_viewed', entityId: own.id } })).toBe(0);
  });

  it('answers a malformed id with a 404, not an error', async () => {
    for (const id of ['abc', "1' OR '1'='1", '%00', 'x'.repeat(300)]) {
      expect((await profile(as.expert, id)).status, id).toBe(404);
    }
  });
});

describe('admin pages', () => {
  it.each(['/admin/users', '/admin/audit', '/admin'])('refuses %s to expert, staff and officer with 403, opens it to admins', async (path) => {
    for (const who of [as.expert, as.staff, as.officer, as.pendingStaff]) {
      const res = await who.agent.get(path);
      expect(res.status).toBe(403);
      expect(byTestId(res.text, 'error-title')).toBeDefined();
    }
    const res = await as.admin.agent.get(path);
    expect(res.status).toBe(path === '/admin' ? 303 : 200);
  });

  it('sends anonymous visitors to the sign-in page', async () => {
    for (const path of ['/admin/users', '/admin/audit', '/me', '/account/password']) {
      const res = await request(t.app).get(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.location).toBe('/login');
    }
  });
});

describe('needs of another institution', () => {
  it('refuses staff of one institution the edit page and the edit of another institution\'s need, and changes nothing', async () => {
    const p = t.db.prisma;
    const mine = (await p.institutionMember.findFirstOrThrow({ where: { user: { email: 'staff@demo.jisr.local' }, status: 'active' } })).institutionId;
    const include = { skills: { include: { skill: true } } } as const;
    const hidden = await p.need.findFirstOrThrow({ where: { institutionId: { not: mine }, status: { in: ['draft', 'submitted'] } }, include });
    const published = await p.need.findFirstOrThrow({ where: { institutionId: { not: mine }, status: 'published' }, include });
    // The owner of the hidden need, as a positive control.
    const owner = await p.institutionMember.findFirstOrThrow({ where: { institutionId: hidden.institutionId, status: 'active', user: { status: 'active' } }, include: { user: true } });
    await p.user.update({ where: { id: owner.userId }, data: { passwordHash: await hashPassword(STRONG_PASSWORD), emailVerifiedAt: new Date() } });
    const ownerAgent = await signedIn(t.app, owner.user.email, STRONG_PASSWORD);
    // The owner opens the edit page: the refusals below come from the need's institution, not from a missing route.
    const control = await ownerAgent.agent.get(`/needs/${hidden.id}/edit`);
    expect(control.status).toBe(200);

    /** A complete, valid-looking edit of a need, so that a refusal cannot come from validation. */
    const body = (need: typeof hidden) => ({
      version: String(need.version), title: 'Taken over by another institution', description: need.description, sectorCode: need.sectorCode,
      regionCode: need.regionCode, mode: need.mode, windowStart: need.windowStart.toISOString().slice(0, 10),
      windowEnd: need.windowEnd.toISOString().slice(0, 10), durationDays: String(need.durationDays), expertsWanted: String(need.expertsWanted),
      skill_0: need.skills[0]?.skill.code ?? 'x', level_0: String(need.skills[0]?.minLevel ?? 1), requirement_0: 'required',
    });
    const unknown = await as.staff.agent.get('/needs/00000000-0000-4000-8000-000000000000/edit');
    // A need staff may not even see does not exist for them (404, like an unknown id); one they may see is refused (403).
    for (const [need, status] of [[hidden, 404], [published, 403]] as const) {
      const page = await as.staff.agent.get(`/needs/${need.id}/edit`);
      expect(page.status, need.status).toBe(status);
      if (status === 404) expect(mainOf(page.text)).toBe(mainOf(unknown.text));
      expect(page.text).not.toContain('name="title"');
      const post = await as.staff.postFrom(`/needs/${need.id}/edit`, body(need));
      expect(post.status, need.status).toBe(status);
      const after = await p.need.findUniqueOrThrow({ where: { id: need.id } });
      expect(after.title).toBe(need.title);
      expect(after.version).toBe(need.version);
      expect(after.updatedAt.getTime()).toBe(need.updatedAt.getTime());
    }
    // Officers see unpublished needs but do not edit them; experts edit nothing; anonymous visitors sign in first.
    expect((await as.officer.agent.get(`/needs/${hidden.id}/edit`)).status).toBe(403);
    expect((await as.officer.postFrom(`/needs/${hidden.id}/edit`, body(hidden))).status).toBe(403);
    expect((await as.expert.agent.get(`/needs/${published.id}/edit`)).status).toBe(403);
    expect((await request(t.app).get(`/needs/${hidden.id}/edit`)).headers.location).toBe('/login');
    expect((await p.need.findUniqueOrThrow({ where: { id: hidden.id } })).title).toBe(hidden.title);
  });
});
