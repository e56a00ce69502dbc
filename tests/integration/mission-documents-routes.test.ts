import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { browserLike } from '../helpers/forms.js';
import { needWithSelectedExpert } from '../helpers/missions.js';
import { extractText } from '../helpers/pdf-text.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB, limits: { login: { windowMs: 60_000, limit: 1000 } } });
});
afterAll(() => t.close());

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('mission documents', () => {
  it('gives an Arabic-named expert a mission order in Arabic with their name in Arabic script, once approved', async () => {
    const { need, candidacy, expert } = await needWithSelectedExpert(t.db.prisma);
    await t.db.prisma.expertProfile.update({ where: { id: expert.id }, data: { firstName: 'سلمى', lastName: 'آيت الطالب' } });
    const rate = await t.db.prisma.perDiemRate.findFirstOrThrow({ where: { city: 'Agadir' } });
    const mission = await t.db.prisma.mission.create({
      data: {
        needId: need.id, expertId: expert.id, candidacyId: candidacy.id, startsOn: new Date('2027-09-01'), endsOn: new Date('2027-09-10'),
        status: 'proposed', travelCost: '5000', perDiemDaily: rate.dailyRate, perDiemDays: 10, budgetTotal: (5000 + Number(rate.dailyRate) * 10).toFixed(2), perDiemRateId: rate.id,
      },
    });
    const b = browserLike(t.app);
    await b.signIn('expert@demo.jisr.local', DEMO_PASSWORD);
    await b.agent.get(`/missions/${mission.id}/order.pdf`).expect(404);
    await t.db.prisma.mission.update({ where: { id: mission.id }, data: { status: 'approved', approvedAt: new Date() } });
    const res = await b.agent.get(`/missions/${mission.id}/order.pdf?lng=ar`).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="jisr-order-/);
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await extractText(pdf, 'rtl');
    expect(text).toMatch(/سلمى آيت الطالب/);
    expect(await t.db.prisma.auditLog.count({ where: { entityId: mission.id, action: 'mission.order_downloaded' } })).toBe(1);
    await b.agent.get(`/missions/${mission.id}/certificate.pdf`).expect(404);
    await request(t.app).get(`/missions/${mission.id}/order.pdf`).expect(303);
  });
});
