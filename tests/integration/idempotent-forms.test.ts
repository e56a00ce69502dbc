import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_WINDOWS } from '../../src/experts/add-availability.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { csrfFrom, signedInAgent } from '../helpers/forms.js';
import { needFields } from '../helpers/needs.js';
import { LOOSE_LIMITS } from '../helpers/security.js';

// Creating a need twice gave two drafts; adding the same availability twice gave two rows; 23 concurrent adds
// pushed an expert to 30 open windows past the cap of 20 (the count was read outside the transaction).

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB, limits: LOOSE_LIMITS });
});
afterAll(() => t?.close());

const keyIn = (html: string) => /name="_submission" value="([^"]+)"/.exec(html)?.[1];

describe('a create form submitted twice', () => {
  it('creates one need; the replay and a simultaneous twin lead to the first one', async () => {
    const staff = await signedInAgent(t.app, 'staff@demo.jisr.local');
    const page = await staff.agent.get('/needs/new').expect(200);
    const key = keyIn(page.text);
    expect(key).toMatch(/^[\w-]{22}$/);
    const body = { _csrf: csrfFrom(page.text), _submission: key!, ...needFields({ title: 'Audit énergétique des bâtiments communaux' }) };
    const post = () => staff.agent.post('/needs/new').type('form').send(body);
    const [a, b] = await Promise.all([post(), post()]);
    const c = await post();
    for (const res of [a, b, c]) expect(res.status).toBe(303);
    expect(new Set([a, b, c].map((r) => r.headers.location)).size).toBe(1);
    expect(await t.db.prisma.need.count({ where: { title: 'Audit énergétique des bâtiments communaux' } })).toBe(1);
    // A new page carries a new key: a second need on purpose is still possible.
    const again = await staff.agent.get('/needs/new');
    expect(keyIn(again.text)).not.toBe(key);
  });

  it('adds one availability window', async () => {
    const expert = await signedInAgent(t.app, 'expert@demo.jisr.local');
    const page = await expert.agent.get('/experts/me/availability').expect(200);
    const body = { _csrf: csrfFrom(page.text), _submission: keyIn(page.text)!, startsOn: '2029-01-05', endsOn: '2029-01-20' };
    const results = await Promise.all([1, 2, 3].map(() => expert.agent.post('/experts/me/availability').type('form').send(body)));
    for (const res of results) expect(res.status).toBe(303);
    expect(await t.db.prisma.availability.count({ where: { startsOn: new Date('2029-01-05'), expert: { user: { email: 'expert@demo.jisr.local' } } } })).toBe(1);
  });

  it("refuses another user's key instead of revealing where it led", async () => {
    const staff = await signedInAgent(t.app, 'staff@demo.jisr.local');
    const page = await staff.agent.get('/needs/new');
    const body = { _csrf: csrfFrom(page.text), _submission: keyIn(page.text)!, ...needFields({ title: 'Clé partagée' }) };
    await staff.agent.post('/needs/new').type('form').send(body).expect(303);
    const expert = await signedInAgent(t.app, 'expert@demo.jisr.local');
    const mine = await expert.agent.get('/experts/me/availability');
    await expert.agent.post('/experts/me/availability').type('form')
      .send({ _csrf: csrfFrom(mine.text), _submission: body._submission, startsOn: '2029-02-05', endsOn: '2029-02-20' }).expect(400);
  });
});

describe('the cap on open availability windows', () => {
  it('holds under 20 concurrent adds', async () => {
    const expert = await signedInAgent(t.app, 'expert@demo.jisr.local');
    const profile = await t.db.prisma.expertProfile.findFirstOrThrow({ where: { user: { email: 'expert@demo.jisr.local' } } });
    await t.db.prisma.availability.deleteMany({ where: { expertId: profile.id } });
    for (let i = 0; i < MAX_WINDOWS - 3; i++) {
      await t.db.prisma.availability.create({ data: { expertId: profile.id, startsOn: new Date(Date.UTC(2028, 0, 1 + i * 7)), endsOn: new Date(Date.UTC(2028, 0, 5 + i * 7)) } });
    }
    const page = await expert.agent.get('/experts/me/availability');
    const csrf = csrfFrom(page.text);
    const day = (i: number, plus: number) => new Date(Date.UTC(2029, 0, 1 + i * 14 + plus)).toISOString().slice(0, 10);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        expert.agent.post('/experts/me/availability').type('form').send({ _csrf: csrf, startsOn: day(i, 0), endsOn: day(i, 5) }),
      ),
    );
    expect(results.filter((r) => r.status === 303)).toHaveLength(3);
    expect(results.filter((r) => r.status === 400)).toHaveLength(17);
    expect(await t.db.prisma.availability.count({ where: { expertId: profile.id } })).toBe(MAX_WINDOWS);
  }, 60_000);
});
