import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.js';
import { hashPassword } from '../../src/lib/password.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { csrfFrom } from '../helpers/forms.js';
import { byTestId, LOOSE_LIMITS, mainOf, signedIn, STRONG_PASSWORD } from '../helpers/security.js';

type Agent = Awaited<ReturnType<typeof signedIn>>;
let t: TestApp;
let as: { expert: Agent; staff: Agent; officer: Agent; admin: Agent; pendingStaff: Agent };
/** Other experts' profiles, one per visibility, each with an e-mail and a phone that must stay private. */
let target: Record<'private' | 'institutions' | 'public', { id: string; email: string; phone: string }>;
let own: { id: string; email: string };

beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB, limits: LOOSE_LIMITS });
  const p = t.db.prisma;
  target = {} as typeof target;
  for (const [i, visibility] of (['private', 'institutions', 'public'] as const).entries()) {
    const profile = await p.expertProfile.findFirstOrThrow({
      where: { visibility, user: { status: 'active', email: { not: 'expert@demo.jisr.local' } } }, include: { user: true }, orderBy: { id: 'asc' },
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
  const [expert, staff, officer, admin, pendingStaff] = await Promise.all([
    signedIn(t.app, 'expert@demo.jisr.local', DEMO_PASSWORD),
    signedIn(t.app, 'staff@demo.jisr.local', DEMO_PASSWORD),
    signedIn(t.app, 'officer@demo.jisr.local', DEMO_PASSWORD),
    signedIn(t.app, 'admin@demo.jisr.local', DEMO_PASSWORD),
    signedIn(t.app, 'pending.staff@example.org', STRONG_PASSWORD),
  ]);
  as = { expert, staff, officer, admin, pendingStaff };
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
    for (const who of [as.expert, as.staff, as.pendingStaff, undefined]) {
      const res = await profile(who, target.private.id);
      expect(res.status).toBe(404);
      expectNoPrivate(res.text, target.private);
    }
    expect(mainOf((await profile(as.expert, target.private.id)).text)).toBe(mainOf(missing.text));
  });

  it('shows an institutions-only profile to active institution staff, without e-mail or phone, and to nobody else', async () => {
    for (const who of [as.expert, as.pendingStaff, undefined]) {
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

/** The fields a form of a page would post: inputs with a value, checked boxes, selected options, text areas. */
function formFields(html: string, action: RegExp): Record<string, string> {
  const form = new RegExp(`<form[^>]*action="${action.source}"[^>]*>([\\s\\S]*?)</form>`).exec(html)?.[1] ?? '';
  const fields: Record<string, string> = {};
  for (const m of form.matchAll(/<input([^>]*)>/g)) {
    const attr = (n: string) => new RegExp(`${n}="([^"]*)"`).exec(m[1]!)?.[1];
    const name = attr('name');
    const type = attr('type') ?? 'text';
    if (!name || ((type === 'checkbox' || type === 'radio') && !/\schecked/.test(m[1]!))) continue;
    fields[name] = attr('value') ?? '';
  }
  for (const m of form.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    fields[m[1]!] = /<option value="([^"]*)"[^>]*selected/.exec(m[2]!)?.[1] ?? '';
  }
  for (const m of form.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) fields[m[1]!] = m[2]!;
  return fields;
}

describe('needs of another institution', () => {
  it('refuses staff of one institution the edit page and the edit of another institution\'s need, and changes nothing', async (ctx) => {
    const p = t.db.prisma;
    const mine = (await p.institutionMember.findFirstOrThrow({ where: { user: { email: 'staff@demo.jisr.local' }, status: 'active' } })).institutionId;
    const ownNeed = await p.need.findFirst({ where: { institutionId: mine, status: { in: ['draft', 'submitted'] } } });
    const theirs = await p.need.findFirstOrThrow({ where: { institutionId: { not: mine }, status: { in: ['draft', 'submitted'] } } });
    // The edit pages are being built in src/needs: until the route exists there is nothing to refuse.
    const probe = await as.staff.agent.get(`/needs/${ownNeed?.id ?? theirs.id}/edit`);
    if (probe.status === 404) return ctx.skip('no /needs/:id/edit route yet');

    const page = await as.staff.agent.get(`/needs/${theirs.id}/edit`);
    expect(page.status).toBe(403);
    expect(page.text).not.toContain(theirs.description.slice(0, 40));
    const fields = ownNeed && probe.status === 200 ? formFields(probe.text, new RegExp(`/needs/${ownNeed.id}(/edit)?`)) : {};
    const post = await as.staff.agent.post(`/needs/${theirs.id}/edit`).type('form')
      .send({ ...fields, _csrf: csrfFrom((await as.staff.agent.get('/me')).text), title: 'Taken over by another institution' });
    expect(post.status).toBe(403);
    const after = await p.need.findUniqueOrThrow({ where: { id: theirs.id } });
    expect(after.title).toBe(theirs.title);
    expect(after.updatedAt.getTime()).toBe(theirs.updatedAt.getTime());
    expect((await as.expert.agent.get(`/needs/${theirs.id}/edit`)).status).toBe(403);
  });
});
