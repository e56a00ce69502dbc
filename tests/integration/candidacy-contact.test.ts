import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.js';
import { csrfFrom } from '../helpers/forms.js';
import { byTestId, signedIn, STRONG_PASSWORD } from '../helpers/security.js';
import { staffInstitution } from '../helpers/needs.js';
import { createExpert, PDF_BYTES, startExpertsApp } from './experts-fixtures.js';

// Issue 10, finding 2: a one-sided invitation opened the expert's e-mail, phone and CV to the institution, and the
// access survived the expert's refusal. Contact details open only for candidacies the expert started or accepted.
type Agent = Awaited<ReturnType<typeof signedIn>>;
let t: Awaited<ReturnType<typeof startExpertsApp>>;
let staff: Agent;
let needIds: string[];
const PHONE = '+33 6 12 34 56 78';

beforeAll(async () => {
  t = await startExpertsApp({ invitations: { windowMs: 60 * 60_000, limit: 4 } });
  const institutionId = await staffInstitution(t.db.prisma);
  needIds = (await t.db.prisma.need.findMany({ where: { institutionId, status: 'published' }, select: { id: true }, take: 2, orderBy: { id: 'asc' } })).map((n) => n.id);
  staff = await signedIn(t.app, 'staff@demo.jisr.local', DEMO_PASSWORD);
});
afterAll(() => t?.close());

/** An expert with a phone and a CV, signed in. */
async function expertWithCv(email: string) {
  const e = await createExpert(t.db.prisma, email);
  await t.db.prisma.expertProfile.update({ where: { id: e.profileId }, data: { phone: PHONE } });
  const agent = await signedIn(t.app, email, STRONG_PASSWORD);
  const token = csrfFrom((await agent.agent.get('/experts/me/cv')).text);
  await agent.agent.post(`/experts/me/cv?_csrf=${encodeURIComponent(token)}`).attach('cv', PDF_BYTES, { filename: 'cv.pdf', contentType: 'application/pdf' }).expect(303);
  return { ...e, email, agent };
}

async function invite(needId: string, expertId: string) {
  return staff.postFrom(`/needs/${needId}/invitations`, { expertId }, `/experts/${expertId}`);
}

/** What the institution's staff get of the expert: e-mail and phone on the page, and the CV download. */
async function staffSees(expert: { profileId: string; email: string }) {
  const page = await staff.agent.get(`/experts/${expert.profileId}`).expect(200);
  const cv = await staff.agent.get(`/experts/${expert.profileId}/cv`);
  return { email: byTestId(page.text, 'expert-email') === expert.email, phone: page.text.includes(PHONE), cv: cv.status === 200 };
}

async function expertActs(expert: { agent: Agent; profileId: string }, needId: string, action: string, fields: Record<string, string> = {}) {
  const c = await t.db.prisma.candidacy.findFirstOrThrow({ where: { needId, expertId: expert.profileId } });
  return expert.agent.postFrom(`/candidacies/${c.id}/transitions/${action}`, { version: String(c.version), ...fields }, `/needs/${needId}`);
}

const CLOSED = { email: false, phone: false, cv: false };
const OPEN = { email: true, phone: true, cv: true };

describe('contact details after an invitation (issue 10, finding 2)', () => {
  it('opens nothing on an invitation alone, opens once the expert accepts, and closes again when the expert withdraws', async () => {
    const expert = await expertWithCv('invited.accepts@example.org');
    expect((await invite(needIds[0]!, expert.profileId)).status).toBe(303);
    expect(await staffSees(expert)).toEqual(CLOSED);

    expect((await expertActs(expert, needIds[0]!, 'accept')).status).toBe(303);
    expect(await t.db.prisma.candidacy.findFirstOrThrow({ where: { needId: needIds[0]!, expertId: expert.profileId } })).toMatchObject({ status: 'applied' });
    expect(await staffSees(expert)).toEqual(OPEN);

    expect((await expertActs(expert, needIds[0]!, 'withdraw', { reason: 'personal' })).status).toBe(303);
    expect(await staffSees(expert)).toEqual(CLOSED);
  });

  it('keeps everything closed when the expert refuses the invitation, and the institution cannot shortlist it unanswered', async () => {
    const expert = await expertWithCv('invited.refuses@example.org');
    expect((await invite(needIds[1]!, expert.profileId)).status).toBe(303);
    const c = await t.db.prisma.candidacy.findFirstOrThrow({ where: { needId: needIds[1]!, expertId: expert.profileId } });
    const shortlist = await staff.postFrom(`/candidacies/${c.id}/transitions/shortlist`, { version: String(c.version) }, `/needs/${needIds[1]!}`);
    expect(shortlist.status).toBe(403);
    expect(await staffSees(expert)).toEqual(CLOSED);
    expect((await expertActs(expert, needIds[1]!, 'withdraw', { reason: 'personal' })).status).toBe(303);
    expect(await staffSees(expert)).toEqual(CLOSED);
  });

  it('limits the invitations of one institution', async () => {
    // Two invitations above; the limit of this file is four an hour per institution.
    const experts = await Promise.all([1, 2, 3].map((i) => createExpert(t.db.prisma, `invited.${i}@example.org`)));
    expect((await invite(needIds[0]!, experts[0]!.profileId)).status).toBe(303);
    expect((await invite(needIds[1]!, experts[1]!.profileId)).status).toBe(303);
    const refused = await invite(needIds[0]!, experts[2]!.profileId);
    expect(refused.status).toBe(429);
    expect(await t.db.prisma.candidacy.count({ where: { expertId: experts[2]!.profileId } })).toBe(0);
  });
});
