import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { csrfFrom, signedInAgent } from '../helpers/forms.js';
import { staffInstitution } from '../helpers/needs.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB, limits: { login: { windowMs: 60_000, limit: 1000 } } });
});
afterAll(() => t.close());

const as = (email: string) => signedInAgent(t.app, email);
const scores = (html: string) => [...html.matchAll(/data-testid="match-score">([\d.,\s]+)</g)].map((m) => Number(m[1]!.replace(/\s/g, '').replace(',', '.')));

describe('ranked experts for a need', () => {
  it('shows the institution ranked experts with scores and reasons, best first, and invites from a row', async () => {
    const need = await t.db.prisma.need.findFirstOrThrow({ where: { status: 'published', institutionId: await staffInstitution(t.db.prisma) } });
    const staff = await as('staff@demo.jisr.local');
    const page = await staff.agent.get(`/needs/${need.id}/matches`).expect(200);
    const s = scores(page.text);
    expect(s.length).toBeGreaterThan(0);
    expect([...s].sort((a, b) => b - a)).toEqual(s);
    expect(page.text).toContain('data-testid="match-reason"');
    expect(page.text).toMatch(/niveau \d, exigé \d/);
    const expertId = /name="expertId" value="([0-9a-f-]{36})"/.exec(page.text)?.[1];
    if (expertId) {
      await staff.agent.post(`/needs/${need.id}/invitations`).type('form').send({ _csrf: csrfFrom(page.text), expertId }).expect(303);
      expect(await t.db.prisma.candidacy.findFirst({ where: { needId: need.id, expertId } })).toMatchObject({ status: 'invited' });
    }
  });

  it('is refused to experts; officers, and only they, may see who is excluded and why', async () => {
    const need = await t.db.prisma.need.findFirstOrThrow({ where: { status: 'published', institutionId: await staffInstitution(t.db.prisma) } });
    expect((await (await as('expert@demo.jisr.local')).agent.get(`/needs/${need.id}/matches`)).status).toBe(403);
    const officer = await as('officer@demo.jisr.local');
    const page = await officer.agent.get(`/needs/${need.id}/matches?excluded=1`).expect(200);
    expect(page.text).toContain('data-testid="exclusion-reason"');
    const staffPage = await (await as('staff@demo.jisr.local')).agent.get(`/needs/${need.id}/matches?excluded=1`);
    expect(staffPage.text).not.toContain('data-testid="exclusion-reason"');
  });

  it('explains in Arabic for an Arabic reader', async () => {
    const need = await t.db.prisma.need.findFirstOrThrow({ where: { status: 'published', institutionId: await staffInstitution(t.db.prisma) } });
    const staff = await as('staff@demo.jisr.local');
    const page = await staff.agent.get(`/needs/${need.id}/matches?lng=ar`).expect(200);
    const reason = /data-testid="match-reason"><span dir="auto">([^<]+)</.exec(page.text)?.[1] ?? '';
    expect(reason).toMatch(/[\u0600-\u06FF]/);
  });
});

describe('opportunities for an expert', () => {
  it('ranks published needs for the signed-in expert with reasons and a way to apply', async () => {
    const expert = await as('expert@demo.jisr.local');
    const page = await expert.agent.get('/opportunities').expect(200);
    const s = scores(page.text);
    expect(s.length).toBeGreaterThan(0);
    expect([...s].sort((a, b) => b - a)).toEqual(s);
    expect(page.text).toContain('data-testid="match-reason"');
    expect((await (await as('staff@demo.jisr.local')).agent.get('/opportunities')).status).toBe(403);
  });
});

describe('matching round', () => {
  it('proposes one expert per seat at most once, and an accepted line becomes an invitation', async () => {
    const officer = await as('officer@demo.jisr.local');
    const page = await officer.agent.get('/officer/matching-round').expect(200);
    const lines = [...page.text.matchAll(/name="needId" value="([0-9a-f-]{36})"><input type="hidden" name="expertId" value="([0-9a-f-]{36})"/g)].map((m) => [m[1]!, m[2]!] as const);
    expect(lines.length).toBeGreaterThan(0);
    const experts = lines.map(([, e]) => e);
    expect(new Set(experts).size).toBe(experts.length);
    const [needId, expertId] = lines[0]!;
    await officer.agent.post('/officer/matching-round/accept').type('form').send({ _csrf: csrfFrom(page.text), needId, expertId }).expect(303);
    expect(await t.db.prisma.candidacy.findFirst({ where: { needId, expertId } })).toMatchObject({ status: 'invited' });
    const again = await officer.agent.get('/officer/matching-round');
    expect(again.text).not.toContain(`name="needId" value="${needId}"><input type="hidden" name="expertId" value="${expertId}"`);
    expect((await (await as('staff@demo.jisr.local')).agent.get('/officer/matching-round')).status).toBe(403);
  });
});

describe('matcher weights', () => {
  it('are edited by an admin as a new version, which the next ranking shows and uses', async () => {
    const admin = await as('admin@demo.jisr.local');
    const page = await admin.agent.get('/admin/matcher-weights').expect(200);
    const fields = Object.fromEntries([...page.text.matchAll(/name="(\w+)" type="text" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    expect(fields.skills).toBe('60');
    const bad = await admin.agent.post('/admin/matcher-weights').type('form').send({ _csrf: csrfFrom(page.text), ...fields, narrowerCredit: '7' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('data-testid="field-error-narrowerCredit"');
    expect(await t.db.prisma.matcherWeights.count()).toBe(0);
    await admin.agent.post('/admin/matcher-weights').type('form').send({ _csrf: csrfFrom(page.text), ...fields, origin: '20', note: 'Développement local renforcé' }).expect(303);
    const saved = await t.db.prisma.matcherWeights.findFirstOrThrow({ orderBy: { version: 'desc' } });
    expect((saved.weights as Record<string, number>).origin).toBe(20);
    const need = await t.db.prisma.need.findFirstOrThrow({ where: { status: 'published', institutionId: await staffInstitution(t.db.prisma) } });
    const ranked = await (await as('officer@demo.jisr.local')).agent.get(`/needs/${need.id}/matches`);
    expect(ranked.text).toContain(`version ${saved.version}`);
    expect((await (await as('officer@demo.jisr.local')).agent.get('/admin/matcher-weights')).status).toBe(403);
  });
});
