import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.js';
import { DEMO_STAFF_INSTITUTION } from '../../src/demo/generate-institutions.js';
import type { MemberRole, MemberStatus } from '../../src/generated/prisma/enums.js';
import { hashPassword } from '../../src/lib/password.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { byTestId, LOOSE_LIMITS, signedIn, STRONG_PASSWORD } from '../helpers/security.js';

type Agent = Awaited<ReturnType<typeof signedIn>>;
let t: TestApp;
let hash: string;
let demoInstitution: string;
let demoAdmin: Agent;
beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB, limits: LOOSE_LIMITS });
  hash = await hashPassword(STRONG_PASSWORD);
  demoInstitution = (await t.db.prisma.institution.findFirstOrThrow({ where: { name: DEMO_STAFF_INSTITUTION } })).id;
  demoAdmin = await signedIn(t.app, 'staff@demo.jisr.local', DEMO_PASSWORD);
});
afterAll(() => t?.close());

let n = 0;
/** A staff user with a membership of this role and status; signed in on demand. */
async function member(institutionId: string, role: MemberRole, status: MemberStatus, locale = 'fr') {
  const user = await t.db.prisma.user.create({
    data: { email: `member${++n}@example.org`, displayName: `Membre ${n}`, role: 'staff', passwordHash: hash, emailVerifiedAt: new Date(), locale },
  });
  const m = await t.db.prisma.institutionMember.create({ data: { institutionId, userId: user.id, role, status, jobTitle: 'Ingénieure' } });
  return { user, member: m, signIn: () => signedIn(t.app, user.email, STRONG_PASSWORD) };
}
const statusOf = async (id: string) => (await t.db.prisma.institutionMember.findUniqueOrThrow({ where: { id } })).status;
const members = (id: string) => `/institutions/${id}/members`;

describe('join requests', () => {
  it("are listed for the institution's administrator, who approves one: audited and the requester told", async () => {
    const requester = await member(demoInstitution, 'staff', 'pending', 'ar');
    const page = await demoAdmin.agent.get(members(demoInstitution)).expect(200);
    expect(page.text).toContain(requester.user.email);
    expect(page.text.match(/data-testid="join-request"/g)?.length).toBeGreaterThanOrEqual(2);

    const res = await demoAdmin.postFrom(`${members(demoInstitution)}/${requester.member.id}/approve`, {}, members(demoInstitution));
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(members(demoInstitution));
    expect(await statusOf(requester.member.id)).toBe('active');
    const after = await demoAdmin.agent.get(members(demoInstitution));
    expect(byTestId(after.text, 'flash-success')).toBe('La demande a été acceptée ; la personne en est informée.');

    const audit = await t.db.prisma.auditLog.findMany({ where: { action: 'institution.member_approved', entityId: requester.member.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ institutionId: demoInstitution, userId: requester.user.id });
    const note = await t.db.prisma.notification.findFirstOrThrow({ where: { userId: requester.user.id } });
    expect(note).toMatchObject({ kind: 'member.approved', link: `/institutions/${demoInstitution}` });
    // The e-mail goes out in the requester's language.
    const mail = await t.db.prisma.outboxEmail.findFirstOrThrow({ where: { toAddress: requester.user.email } });
    expect(mail.locale).toBe('ar');
    expect(mail.textBody).toContain('تم قبول طلبكم الانضمام');

    // Approved, they now act for the institution.
    const approved = await requester.signIn();
    await approved.agent.get(`/institutions/${demoInstitution}`).expect(200);
  });

  it('are declined the same way, and answered once however many times the button is pressed', async () => {
    const requester = await member(demoInstitution, 'staff', 'pending');
    const url = `${members(demoInstitution)}/${requester.member.id}/decline`;
    const [a, b] = await Promise.all([demoAdmin.postFrom(url, {}, members(demoInstitution)), demoAdmin.postFrom(url, {}, members(demoInstitution))]);
    expect([a.status, b.status]).toEqual([303, 303]);
    expect(await statusOf(requester.member.id)).toBe('rejected');
    expect(await t.db.prisma.auditLog.count({ where: { action: 'institution.member_declined', entityId: requester.member.id } })).toBe(1);
    expect(await t.db.prisma.notification.count({ where: { userId: requester.user.id, kind: 'member.declined' } })).toBe(1);
    // Pressing approve afterwards changes nothing and says so.
    await demoAdmin.postFrom(`${members(demoInstitution)}/${requester.member.id}/approve`, {}, members(demoInstitution));
    expect(await statusOf(requester.member.id)).toBe('rejected');
    expect(byTestId((await demoAdmin.agent.get(members(demoInstitution))).text, 'flash-error')).toBe('Cette demande a déjà reçu une réponse.');
  });

  it("are answered by that institution's administrators only", async () => {
    const requester = await member(demoInstitution, 'staff', 'pending');
    const other = await t.db.prisma.institution.findFirstOrThrow({ where: { status: 'verified', id: { not: demoInstitution } } });
    const otherAdmin = await (await member(other.id, 'admin', 'active')).signIn();
    const colleague = await (await member(demoInstitution, 'staff', 'active')).signIn();
    const officer = await signedIn(t.app, 'officer@demo.jisr.local', DEMO_PASSWORD);
    const expert = await signedIn(t.app, 'expert@demo.jisr.local', DEMO_PASSWORD);
    const approve = `${members(demoInstitution)}/${requester.member.id}/approve`;
    for (const who of [otherAdmin, colleague, officer, expert]) {
      await who.agent.get(members(demoInstitution)).expect(403);
      expect((await who.postFrom(approve)).status).toBe(403);
    }
    // Another institution's admin naming the request under their own institution finds nothing to approve.
    expect((await otherAdmin.postFrom(`${members(other.id)}/${requester.member.id}/approve`)).status).toBe(404);
    // Not signed in: sent to sign in.
    const anonymous = await request(t.app).get(members(demoInstitution));
    expect([anonymous.status, anonymous.headers.location]).toEqual([303, '/login']);
    expect(await statusOf(requester.member.id)).toBe('pending');
    expect(await t.db.prisma.auditLog.count({ where: { entityId: requester.member.id } })).toBe(0);
  });

  it('refuses an unknown decision or a forged field', async () => {
    const requester = await member(demoInstitution, 'staff', 'pending');
    expect((await demoAdmin.postFrom(`${members(demoInstitution)}/${requester.member.id}/promote`)).status).toBe(404);
    expect((await demoAdmin.postFrom(`${members(demoInstitution)}/${requester.member.id}/approve`, { role: 'admin' })).status).toBe(400);
    expect(await statusOf(requester.member.id)).toBe('pending');
  });
});
