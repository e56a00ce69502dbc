import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { hashPassword } from '../../src/lib/password.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { csrfFrom, signedInAgent } from '../helpers/forms.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB, limits: { login: { windowMs: 60_000, limit: 1000 } } });
});
afterAll(() => t.close());

const INVESTOR = 'investor@demo.jisr.local';
const cards = (html: string) => [...html.matchAll(/data-testid="opportunity-card" data-region="([A-Z]+)"/g)].map((m) => m[1]);
const byTitle = (title: string) => t.db.prisma.investmentOpportunity.findFirstOrThrow({ where: { title } });

describe('the opportunities list', () => {
  it('lists open opportunities with search in any language without accents, and filters', async () => {
    const all = await request(t.app).get('/invest/opportunities?lng=fr');
    expect(all.status).toBe(200);
    expect(cards(all.text)).toHaveLength(await t.db.prisma.investmentOpportunity.count({ where: { status: 'open' } }));
    const search = await request(t.app).get('/invest/opportunities?q=hoteliere+saidia');
    expect(cards(search.text)).toEqual(['ORI']);
    expect(search.text).toContain('Reprise d’une unité hôtelière à Saïdia');
    expect(cards((await request(t.app).get('/invest/opportunities?region=SM')).text).every((r) => r === 'SM')).toBe(true);
    expect((await request(t.app).get('/invest/opportunities?kind=lottery')).status).toBe(400);
  });

  it('for a signed-in investor, puts the region of origin first and says why', async () => {
    const investor = await signedInAgent(t.app, INVESTOR);
    const res = await investor.agent.get('/invest/opportunities?lng=fr');
    const regions = cards(res.text);
    const origin = regions.filter((r) => r === 'ORI').length;
    expect(origin).toBeGreaterThan(0);
    expect(regions.slice(0, origin).every((r) => r === 'ORI')).toBe(true);
    expect(res.text).toContain('Dans votre région d&#39;origine (L&#39;Oriental)');
    expect(res.text).toContain('data-testid="personalised-note"');
  });
});

describe('interests and answers', () => {
  it('a signed-in user expresses interest once, the publisher is told and answers; the user reads the answer', async () => {
    const o = await byTitle('Pôle de formation aux métiers de la santé');
    const told = () => t.db.prisma.notification.count({ where: { userId: o.publisherId!, kind: 'opportunity.interest', link: `/invest/opportunities/${o.id}` } });
    const before = await told();
    const expert = await signedInAgent(t.app, 'expert@demo.jisr.local');
    const page = await expert.agent.get(`/invest/opportunities/${o.id}`);
    expect(page.text).toContain('data-testid="express-interest"');
    const send = () => expert.agent.post(`/invest/opportunities/${o.id}/interests`).type('form').send({ _csrf: csrfFrom(page.text), message: 'Infirmière en Belgique, je connais bien ces formations.' });
    expect((await send()).status).toBe(303);
    expect((await send()).status).toBe(303);
    expect(await t.db.prisma.investmentInterest.count({ where: { opportunityId: o.id, user: { email: 'expert@demo.jisr.local' } } })).toBe(1);
    expect(await told()).toBe(before + 1);

    const officer = await signedInAgent(t.app, 'officer@demo.jisr.local');
    const managed = await officer.agent.get(`/invest/opportunities/${o.id}`);
    expect(managed.text).toContain('Infirmière en Belgique');
    const interest = await t.db.prisma.investmentInterest.findFirstOrThrow({ where: { opportunityId: o.id, user: { email: 'expert@demo.jisr.local' } } });
    await officer.agent.post(`/invest/opportunities/${o.id}/interests/${interest.id}/answer`).type('form').send({ _csrf: csrfFrom(managed.text), answer: 'Merci, prenons rendez-vous.' });
    expect((await expert.agent.get(`/invest/opportunities/${o.id}`)).text).toContain('Merci, prenons rendez-vous.');
  });

  it('a publisher sees only the interests in their own opportunities', async () => {
    const own = await byTitle('Lots industriels de la zone d’activités d’Aït Melloul');
    const other = await byTitle('Co-investissement dans une clinique à Oujda');
    const staff = await signedInAgent(t.app, 'staff@demo.jisr.local');
    expect((await staff.agent.get(`/invest/opportunities/${own.id}`)).text).toContain('data-testid="interests"');
    const foreign = await staff.agent.get(`/invest/opportunities/${other.id}`);
    expect(foreign.text).not.toContain('data-testid="interests"');
    expect(foreign.text).not.toContain('Médecin néphrologue');
    const interest = await t.db.prisma.investmentInterest.findFirstOrThrow({ where: { opportunityId: other.id } });
    const answer = await staff.agent.post(`/invest/opportunities/${other.id}/interests/${interest.id}/answer`).type('form').send({ _csrf: csrfFrom(foreign.text), answer: 'Bonjour' });
    expect(answer.status).toBe(403);

    // Staff of another verified institution do not see the first one's interests either.
    const inst = await t.db.prisma.institution.findFirstOrThrow({ where: { status: 'verified', kind: 'commune', id: { not: own.institutionId! } } });
    await t.db.prisma.user.create({ data: {
      email: 'commune.staff@example.org', passwordHash: await hashPassword('Une-phrase-de-passe-2026!'), role: 'staff', emailVerifiedAt: new Date(),
      memberships: { create: { institutionId: inst.id, role: 'admin', status: 'active' } },
    } });
    const commune = await signedInAgent(t.app, 'commune.staff@example.org', 'Une-phrase-de-passe-2026!');
    expect((await commune.agent.get(`/invest/opportunities/${own.id}`)).text).not.toContain('data-testid="interests"');
    // …but they may publish for their own commune.
    const form = await commune.agent.get('/invest/opportunities/new');
    expect(form.status).toBe(200);
    const fields = { _csrf: csrfFrom(form.text), institutionId: inst.id, title: 'Marché couvert à rénover', description: 'Partenariat pour rénover et gérer le marché.', kind: 'seek', sector: 'trade', region: inst.regionCode, city: '', ticketMin: '900000', ticketMax: '500000' };
    const bad = await commune.agent.post('/invest/opportunities').type('form').send(fields);
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('data-testid="field-error-ticketMax"');
    expect((await commune.agent.post('/invest/opportunities').type('form').send({ ...fields, ticketMax: '3000000' })).status).toBe(303);
    expect(await t.db.prisma.investmentOpportunity.count({ where: { institutionId: inst.id } })).toBe(1);
    const stranger = await signedInAgent(t.app, 'expert@demo.jisr.local');
    expect((await stranger.agent.get('/invest/opportunities/new')).status).toBe(403);
  });
});

describe('data rights', () => {
  it('the export holds the investor\'s projects with their events and interests; erasure anonymises and keeps the figures', async () => {
    const investor = await signedInAgent(t.app, INVESTOR);
    const exported = JSON.parse((await investor.agent.get('/experts/me/export')).text) as { investments: { title: string; events: unknown[]; totalCost: string }[]; investmentInterests: { message: string | null; opportunity: { title: string } }[] };
    const count = await t.db.prisma.investmentProject.count({ where: { owner: { email: INVESTOR } } });
    expect(exported.investments).toHaveLength(count);
    expect(exported.investments.map((p) => p.title)).toContain('Clinique de dialyse à Nador');
    expect(exported.investments.every((p) => p.events.length > 0)).toBe(true);
    expect(exported.investmentInterests.map((i) => i.opportunity.title)).toContain('Reprise d’une unité hôtelière à Saïdia');

    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { email: INVESTOR } });
    const page = await investor.agent.get('/experts/me/delete');
    expect((await investor.agent.post('/experts/me/delete').type('form').send({ _csrf: csrfFrom(page.text), password: 'Jisr-demo-2026!', confirm: 'on' })).status).toBe(303);
    const left = await t.db.prisma.investmentProject.findMany({ where: { events: { some: { project: { title: '' } } }, ownerId: null, sectorCode: 'health', regionCode: 'ORI', status: 'funded' } });
    expect(left.map((p) => p.totalCost.toFixed(2))).toContain('8500000.00');
    expect(await t.db.prisma.investmentProject.count({ where: { ownerId: user.id } })).toBe(0);
    expect(await t.db.prisma.investmentProject.count({ where: { title: 'Clinique de dialyse à Nador' } })).toBe(0);
    expect(await t.db.prisma.investmentInterest.count({ where: { userId: user.id, message: { not: null } } })).toBe(0);
    expect(await t.db.prisma.investmentInterest.count({ where: { userId: user.id } })).toBe(2);
  });
});
