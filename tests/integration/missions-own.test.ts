import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.js';
import { hashPassword } from '../../src/lib/password.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { byTestId, escapeHtml, fr, LOOSE_LIMITS, signedIn, STRONG_PASSWORD } from '../helpers/security.js';

// Issue 10, finding 4: a user promoted to officer kept their expert profile and could budget and approve their own
// mission. Officer actions on one's own mission are refused, and so is such a promotion while missions are open.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB, limits: LOOSE_LIMITS });
});
afterAll(() => t?.close());

/** An accepted mission (waiting for budget and approval) and its expert's account, who signs in with STRONG_PASSWORD. */
async function acceptedMission(skip = 0) {
  const m = await t.db.prisma.mission.findFirstOrThrow({ where: { status: 'accepted' }, include: { expert: true, need: true }, orderBy: { id: 'asc' }, skip });
  await t.db.prisma.user.update({ where: { id: m.expert.userId }, data: { passwordHash: await hashPassword(STRONG_PASSWORD), emailVerifiedAt: new Date() } });
  return m;
}

describe('an officer and their own mission (issue 10, finding 4)', () => {
  it('refuses the budget and the approval of one\'s own mission, and leaves it as it was', async () => {
    const m = await acceptedMission();
    // How such an officer came to be before the fix: the role changed, the expert profile stayed.
    const user = await t.db.prisma.user.update({ where: { id: m.expert.userId }, data: { role: 'officer' } });
    const self = await signedIn(t.app, user.email, STRONG_PASSWORD);
    const page = await self.agent.get(`/missions/${m.id}`).expect(200);
    expect(page.text).not.toContain('/budget"');
    expect(page.text).not.toContain('/transitions/approve"');

    const rate = await t.db.prisma.perDiemRate.findFirstOrThrow({ where: { regionCode: m.need.regionCode } });
    const budget = await self.postFrom(`/missions/${m.id}/budget`, { version: String(m.version), travelCost: '100', perDiemRateId: rate.id }, `/missions/${m.id}`);
    expect(budget.status).toBe(403);
    const approve = await self.postFrom(`/missions/${m.id}/transitions/approve`, { version: String(m.version) }, `/missions/${m.id}`);
    expect(approve.status).toBe(403);
    expect(await t.db.prisma.mission.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({ status: 'accepted', version: m.version, budgetTotal: null });

    // Another officer still acts on it.
    const officer = await signedIn(t.app, 'officer@demo.jisr.local', DEMO_PASSWORD);
    expect((await officer.agent.get(`/missions/${m.id}`)).text).toContain('/transitions/approve"');
  });

  it('refuses to change the role of a user whose expert profile has open missions', async () => {
    const m = await acceptedMission(1);
    const admin = await signedIn(t.app, 'admin@demo.jisr.local', DEMO_PASSWORD);
    const res = await admin.postFrom(`/admin/users/${m.expert.userId}/role`, { role: 'officer' });
    expect(res.status).toBe(303);
    const after = await admin.agent.get('/admin/users');
    expect(byTestId(after.text, 'flash-error')).toBe(escapeHtml(fr('admin.openMissions')));
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: m.expert.userId } })).role).toBe('expert');
    expect(await t.db.prisma.auditLog.count({ where: { action: 'user.role_changed', entityId: m.expert.userId } })).toBe(0);
  });
});
