import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.js';
import { hashPassword } from '../../src/lib/password.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { browserLike, csrfFrom } from '../helpers/forms.js';
import { byTestId, escapeHtml, fr, LOOSE_LIMITS, sessionRows, signedIn, STRONG_PASSWORD } from '../helpers/security.js';

type Agent = Awaited<ReturnType<typeof signedIn>>;
let t: TestApp;
let admin: Agent;
let adminId: string;
beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB, limits: LOOSE_LIMITS });
  admin = await signedIn(t.app, 'admin@demo.jisr.local', DEMO_PASSWORD);
  adminId = (await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'admin@demo.jisr.local' } })).id;
});
afterAll(() => t?.close());

let n = 0;
let passwordHash: Promise<string> | undefined;
/** A verified account of its own for each test, with a known password. */
async function person(role: 'expert' | 'staff' | 'officer' = 'expert') {
  const email = `person${++n}@example.org`;
  passwordHash ??= hashPassword(STRONG_PASSWORD);
  const user = await t.db.prisma.user.create({
    data: { email, displayName: `Person ${n}`, role, passwordHash: await passwordHash, emailVerifiedAt: new Date() },
  });
  return { id: user.id, email };
}

/** An admin action, posted with the CSRF token of the users page, as the admin would. */
const act = (who: Agent, path: string, fields: Record<string, string> = {}) => who.postFrom(path, fields, '/me');
const audit = (action: string, entityId: string) => t.db.prisma.auditLog.findMany({ where: { action, entityId }, orderBy: { id: 'asc' } });
const expectSignedOut = async (a: Agent) => {
  const res = await a.agent.get('/me');
  expect(res.status).toBe(303);
  expect(res.headers.location).toBe('/login');
};

describe('user administration', () => {
  it('changes a role, audits it with from and to, and the new rights apply at once', async () => {
    const u = await person('officer');
    const them = await signedIn(t.app, u.email, STRONG_PASSWORD);
    await them.agent.get('/admin/users').expect(403);

    const res = await act(admin, `/admin/users/${u.id}/role`, { role: 'admin' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/admin/users');
    expect(byTestId((await admin.agent.get('/admin/users')).text, 'flash-success')).toBe(escapeHtml(fr('admin.roleChanged')));
    const entries = await audit('user.role_changed', u.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: adminId, entity: 'User', details: { from: 'officer', to: 'admin' } });
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: u.id } })).role).toBe('admin');
    // Their sessions were closed: the next sign-in carries the new role.
    await expectSignedOut(them);
    const again = await signedIn(t.app, u.email, STRONG_PASSWORD);
    await again.agent.get('/admin/users').expect(200);

    // Taking the rights back applies at once too.
    await act(admin, `/admin/users/${u.id}/role`, { role: 'expert' });
    await expectSignedOut(again);
    expect((await audit('user.role_changed', u.id)).map((e) => e.details)).toEqual([{ from: 'officer', to: 'admin' }, { from: 'admin', to: 'expert' }]);
  });

  it('reads the role afresh on every request, so a change needs no new sign-in to apply', async () => {
    const u = await person('officer');
    await t.db.prisma.user.update({ where: { id: u.id }, data: { role: 'admin' } });
    const them = await signedIn(t.app, u.email, STRONG_PASSWORD);
    await them.agent.get('/admin/users').expect(200);
    await t.db.prisma.user.update({ where: { id: u.id }, data: { role: 'officer' } });
    await them.agent.get('/admin/users').expect(403);
  });

  it('does not let an admin change their own role or disable themselves', async () => {
    for (const [path, fields] of [[`/admin/users/${adminId}/role`, { role: 'expert' }], [`/admin/users/${adminId}/status`, { status: 'disabled' }]] as const) {
      const res = await act(admin, path, fields);
      expect(res.status).toBe(303);
      expect(byTestId((await admin.agent.get('/admin/users')).text, 'flash-error')).toBe(escapeHtml(fr('admin.notOnYourself')));
    }
    expect(await t.db.prisma.user.findUniqueOrThrow({ where: { id: adminId } })).toMatchObject({ role: 'admin', status: 'active' });
    expect(await t.db.prisma.auditLog.count({ where: { action: { in: ['user.role_changed', 'user.disabled'] }, entityId: adminId } })).toBe(0);
    await admin.agent.get('/admin/users').expect(200);
  });

  it('ends the sessions of a disabled user at once, refuses their sign-in, and lets them back in once re-enabled', async () => {
    const u = await person();
    const them = await signedIn(t.app, u.email, STRONG_PASSWORD);
    await them.agent.get('/me').expect(200);

    expect((await act(admin, `/admin/users/${u.id}/status`, { status: 'disabled' })).status).toBe(303);
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: u.id } })).status).toBe('disabled');
    expect(await sessionRows(t.db.pool, u.id)).toBe(0);
    await expectSignedOut(them);
    const refused = await browserLike(t.app).signIn(u.email, STRONG_PASSWORD);
    expect(refused.status).toBe(401);
    expect(byTestId(refused.text, 'flash-error')).toBe(escapeHtml(fr('auth.invalidCredentials')));
    expect(await audit('user.disabled', u.id)).toHaveLength(1);

    expect((await act(admin, `/admin/users/${u.id}/status`, { status: 'active' })).status).toBe(303);
    expect(await audit('user.enabled', u.id)).toHaveLength(1);
    const back = await signedIn(t.app, u.email, STRONG_PASSWORD);
    await back.agent.get('/me').expect(200);
  });

  it('ends every session of a user on request', async () => {
    const u = await person('staff');
    const one = await signedIn(t.app, u.email, STRONG_PASSWORD);
    const two = await signedIn(t.app, u.email, STRONG_PASSWORD);
    expect(await sessionRows(t.db.pool, u.id)).toBe(2);
    expect((await act(admin, `/admin/users/${u.id}/sessions/end`)).status).toBe(303);
    await expectSignedOut(one);
    await expectSignedOut(two);
    expect((await audit('user.sessions_ended', u.id))[0]).toMatchObject({ actorId: adminId, details: { ended: 2 } });
    await admin.agent.get('/me').expect(200);
  });

  it('lists sign-ins and failures in the audit log, never the passwords tried', async () => {
    const u = await person();
    const tried = 'Wrong-guess-written-nowhere-31';
    expect((await browserLike(t.app).signIn(u.email, tried)).status).toBe(401);
    expect((await browserLike(t.app).signIn('ghost@example.org', tried)).status).toBe(401);
    await signedIn(t.app, u.email, STRONG_PASSWORD);
    const page = await admin.agent.get('/admin/audit?action=auth.').expect(200);
    const rows = page.text.split('data-testid="audit-row"').slice(1);
    const ofUser = rows.filter((r) => r.includes(`Person ${n}`));
    expect(ofUser.some((r) => r.includes('<code>auth.login</code>'))).toBe(true);
    expect(ofUser.some((r) => r.includes('<code>auth.login_failed</code>') && r.includes('wrong_password'))).toBe(true);
    expect(rows.some((r) => r.includes('<code>auth.login_failed</code>') && r.includes('unknown_email'))).toBe(true);
    expect(page.text).not.toContain(tried);
    expect(page.text).not.toContain(STRONG_PASSWORD);
    const filtered = await admin.agent.get('/admin/audit?action=user.').expect(200);
    expect(filtered.text).not.toContain('<code>auth.login</code>');
  });

  it('refuses every admin action to expert, staff and officer with 403, and changes nothing', async () => {
    const victim = await person();
    const victimAgent = await signedIn(t.app, victim.email, STRONG_PASSWORD);
    const auditBefore = await t.db.prisma.auditLog.count({ where: { action: { startsWith: 'user.' } } });
    for (const email of ['expert@demo.jisr.local', 'staff@demo.jisr.local', 'officer@demo.jisr.local']) {
      const who = await signedIn(t.app, email, DEMO_PASSWORD);
      const self = (await t.db.prisma.user.findUniqueOrThrow({ where: { email } })).id;
      for (const [path, fields] of [
        [`/admin/users/${self}/role`, { role: 'admin' }],
        [`/admin/users/${victim.id}/role`, { role: 'officer' }],
        [`/admin/users/${victim.id}/status`, { status: 'disabled' }],
        [`/admin/users/${victim.id}/sessions/end`, {}],
      ] as const) {
        expect((await act(who, path, fields)).status, `${email} ${path}`).toBe(403);
      }
      expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: self } })).role).not.toBe('admin');
    }
    expect(await t.db.prisma.user.findUniqueOrThrow({ where: { id: victim.id } })).toMatchObject({ role: 'expert', status: 'active' });
    await victimAgent.agent.get('/me').expect(200);
    expect(await t.db.prisma.auditLog.count({ where: { action: { startsWith: 'user.' } } })).toBe(auditBefore);
    // Without a session there is not even a CSRF token to offer.
    await request(t.app).post(`/admin/users/${victim.id}/status`).type('form').send({ status: 'disabled' }).expect(403);
  });

  it('refuses bad values, forged fields and unknown users without changing anything', async () => {
    const u = await person();
    expect((await act(admin, `/admin/users/${u.id}/role`, { role: 'root' })).status).toBe(400);
    expect((await act(admin, `/admin/users/${u.id}/role`, { role: 'officer', userId: adminId })).status).toBe(400);
    expect((await act(admin, `/admin/users/${u.id}/status`, { status: 'deleted' })).status).toBe(400);
    expect((await act(admin, '/admin/users/00000000-0000-4000-8000-000000000000/role', { role: 'officer' })).status).toBe(404);
    expect((await act(admin, '/admin/users/not-a-uuid/status', { status: 'disabled' })).status).toBe(404);
    expect(await t.db.prisma.user.findUniqueOrThrow({ where: { id: u.id } })).toMatchObject({ role: 'expert', status: 'active' });
    // And a GET never changes anything.
    await admin.agent.get(`/admin/users/${u.id}/status?status=disabled`).expect(404);
    const page = await admin.agent.get('/admin/users');
    expect(csrfFrom(page.text)).toBeTruthy();
  });
});
