import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { signedInAgent } from '../helpers/forms.js';
import { staffInstitution } from '../helpers/needs.js';

// Issue 10, finding 5: the expert's export held the user ids and IP addresses of the officers who viewed the profile.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB, limits: { login: { windowMs: 60_000, limit: 1000 } } });
});
afterAll(() => t.close());

const OFFICER_IP = '203.0.113.77';
const STAFF_IP = '198.51.100.23';

async function exported(email: string) {
  const me = await signedInAgent(t.app, email);
  const res = await me.agent.get('/experts/me/export').buffer(true).parse((r, cb) => {
    let body = '';
    r.setEncoding('utf8');
    r.on('data', (c: string) => (body += c));
    r.on('end', () => cb(null, body));
  });
  expect(res.status).toBe(200);
  return res.body as string;
}

describe('the expert\'s export and the people who acted on the profile', () => {
  it('says who (a role or an institution) and when, never their user id or IP address', async () => {
    const p = t.db.prisma;
    const expert = await p.expertProfile.findFirstOrThrow({ where: { user: { email: 'expert@demo.jisr.local' } } });
    const officer = await p.user.findUniqueOrThrow({ where: { email: 'officer@demo.jisr.local' } });
    const staff = await p.user.findUniqueOrThrow({ where: { email: 'staff@demo.jisr.local' } });
    const institution = await p.institution.findUniqueOrThrow({ where: { id: await staffInstitution(p) } });
    // what GET /experts/:id records for an officer and for a candidate institution's staff, from their own addresses
    const viewedAt = new Date('2026-11-20T09:30:00Z');
    await p.auditLog.createMany({
      data: [
        { actorId: officer.id, action: 'expert.private_viewed', entity: 'ExpertProfile', entityId: expert.id, ip: OFFICER_IP, details: { as: 'officer' }, createdAt: viewedAt },
        { actorId: staff.id, action: 'expert.private_viewed', entity: 'ExpertProfile', entityId: expert.id, ip: STAFF_IP, details: { as: 'candidate_institution' }, createdAt: viewedAt },
      ],
    });
    const text = await exported('expert@demo.jisr.local');
    const others = (await p.user.findMany({ where: { id: { notIn: [expert.userId] } }, select: { id: true } })).map((u) => u.id);
    for (const id of others) expect(text, `user id ${id}`).not.toContain(id);
    expect(text).not.toContain(OFFICER_IP);
    expect(text).not.toContain(STAFF_IP);
    const data = JSON.parse(text) as { auditEntries: Record<string, unknown>[] };
    const views = data.auditEntries.filter((a) => a.action === 'expert.private_viewed');
    expect(views).toEqual(expect.arrayContaining([
      { action: 'expert.private_viewed', at: viewedAt.toISOString(), by: { role: 'officer' } },
      { action: 'expert.private_viewed', at: viewedAt.toISOString(), by: { role: 'staff', institution: institution.name } },
    ]));
    // the expert's own entries stay whole: they are the expert's data
    expect(data.auditEntries.some((a) => a.actorId === expert.userId && 'ip' in a)).toBe(true);
  });
});
