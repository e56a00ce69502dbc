import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstitutionStatus } from '../../src/generated/prisma/enums.js';
import { DEMO_PASSWORD } from '../../src/demo/accounts.js';
import { hashPassword } from '../../src/lib/password.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { staffInstitution } from '../helpers/needs.js';
import { LOOSE_LIMITS, signedIn, STRONG_PASSWORD } from '../helpers/security.js';

// Issue 10, finding 1: the match list of a need showed experts reserved for verified institutions to staff of a
// pending or rejected institution (through a draft need), while /experts/:id answered 404 for the same experts.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB, limits: LOOSE_LIMITS });
});
afterAll(() => t?.close());

/** The skill most held by experts who show themselves to verified institutions only. */
async function commonInstitutionsSkill(): Promise<number> {
  const { rows } = await t.db.pool.query<{ skillId: number }>(`
    SELECT s."skillId" FROM "ExpertSkill" s JOIN "ExpertProfile" e ON e.id = s."expertId"
    WHERE e.visibility = 'institutions' AND e.matchable GROUP BY s."skillId" ORDER BY count(*) DESC LIMIT 1`);
  return rows[0]!.skillId;
}

/** Staff (active admin member) of a new institution in the given status, with a draft need asking for one skill. */
async function institutionWithDraft(status: InstitutionStatus, skillId: number) {
  const email = `${status}.${Math.random().toString(36).slice(2, 8)}@example.org`;
  const user = await t.db.prisma.user.create({
    data: {
      email, displayName: 'Staff Member', passwordHash: await hashPassword(STRONG_PASSWORD), role: 'staff', emailVerifiedAt: new Date(),
      memberships: { create: { role: 'admin', status: 'active', institution: { create: { name: `Institution ${status}`, kind: 'ngo', regionCode: 'SM', city: 'Agadir', status } } } },
    },
    include: { memberships: true },
  });
  const need = await draftNeed(user.memberships[0]!.institutionId, skillId);
  return { email, need };
}

function draftNeed(institutionId: string, skillId: number) {
  return t.db.prisma.need.create({
    data: {
      institutionId, title: 'Besoin en brouillon', description: 'Un besoin qui ne sera jamais publié.', sectorCode: 'agriculture', regionCode: 'SM',
      mode: 'remote', windowStart: new Date('2027-01-01'), windowEnd: new Date('2028-12-31'), durationDays: 1, expertsWanted: 1, status: 'draft',
      skills: { create: { skillId, minLevel: 1, requirement: 'required' } },
    },
  });
}

const expertLinks = (html: string) => [...html.matchAll(/data-testid="match-row"[\s\S]*?href="\/experts\/([0-9a-f-]{36})"/g)].map((m) => m[1]!);

describe('match list of a need (issue 10, finding 1)', () => {
  it('is refused to staff of a pending or rejected institution, even on their own draft', async () => {
    const skillId = await commonInstitutionsSkill();
    for (const status of ['pending', 'rejected'] as const) {
      const { email, need } = await institutionWithDraft(status, skillId);
      const staff = await signedIn(t.app, email, STRONG_PASSWORD);
      const page = await staff.agent.get(`/needs/${need.id}/matches`);
      expect(page.status, `${status} institution`).toBe(403);
      expect(page.text).not.toContain('data-testid="match-row"');
    }
  });

  it('shows staff of a verified institution only experts whose profile page they may open', async () => {
    const skillId = await commonInstitutionsSkill();
    const need = await draftNeed(await staffInstitution(t.db.prisma), skillId);
    const staff = await signedIn(t.app, 'staff@demo.jisr.local', DEMO_PASSWORD);
    const page = await staff.agent.get(`/needs/${need.id}/matches`).expect(200);
    const ids = expertLinks(page.text);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect((await staff.agent.get(`/experts/${id}`)).status, `expert ${id}`).toBe(200);
    // Officers see the list of any need.
    const officer = await signedIn(t.app, 'officer@demo.jisr.local', DEMO_PASSWORD);
    expect((await officer.agent.get(`/needs/${need.id}/matches`)).status).toBe(200);
  });
});
