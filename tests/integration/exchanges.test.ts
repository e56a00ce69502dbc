import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishListing } from '../../src/exchanges/publish-listing.js';
import { transitionExchange } from '../../src/exchanges/transition-exchange.js';
import { loadExchange } from '../../src/exchanges/queries.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { signedInAgent } from '../helpers/forms.js';
import { otherStaff, staffInstitution } from '../helpers/needs.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB });
});
afterAll(() => t?.close());

const listing = { title: 'Registre des compétences de la diaspora', description: 'Comment tenir à jour un registre national des compétences de la diaspora.', theme: 'skills_register', sectorCode: 'governance', formats: ['workshop'], languages: ['fr'] } as const;

describe('exchanges between institutions', () => {
  it('matches a request with offers by theme, sector and language, never with its own institution, and runs proposed → agreed → held → reported', async () => {
    const p = t.db.prisma;
    const mine = await staffInstitution(p);
    const other = await otherStaff(p, mine);
    const staff = await signedInAgent(t.app, 'staff@demo.jisr.local');

    const published = await staff.post('/exchanges/new?kind=request', '/exchanges/listings', { kind: 'request', institutionId: mine, ...listing, formats: 'workshop', languages: 'fr' });
    expect(published.status).toBe(303);
    const request = await p.exchangeRequest.findFirstOrThrow({ where: { institutionId: mine } });
    const offer = await publishListing(p, { kind: 'offer', institutionId: other.institutionId, ...listing, title: 'Notre registre des compétences', formats: ['workshop', 'study_visit'], languages: ['fr', 'ar'] }, { actorId: other.userId });
    const own = await publishListing(p, { kind: 'offer', institutionId: mine, ...listing, title: 'Notre propre pratique', formats: ['workshop'], languages: ['fr'] }, { actorId: other.userId });
    expect(offer.ok && own.ok).toBe(true);
    const offerId = offer.ok ? offer.id : '';
    const ownId = own.ok ? own.id : '';

    const page = await staff.agent.get(`/exchanges/requests/${request.id}`);
    expect(page.text).toContain('data-testid="exchange-card"');
    expect(page.text).toContain('Notre registre des compétences');
    expect(page.text).not.toContain('Notre propre pratique');
    expect(page.text).toContain('100 / 100');
    expect(page.text).toContain('Langues communes : français');
    expect((await staff.agent.get(`/exchanges/requests/${request.id}?lng=ar`)).text).toContain('نفس المحور');
    await staff.agent.get('/exchanges?lng=fr'); // back to French for the messages below

    // an exchange between an institution and itself: a clear message, nothing stored
    const self = await staff.post(`/exchanges/requests/${request.id}`, `/exchanges/requests/${request.id}/propose`, { offerId: ownId });
    expect(self.status).toBe(303);
    expect((await staff.agent.get(self.headers.location!)).text).toContain('ne peut pas échanger avec elle-même');
    expect(await p.exchange.count()).toBe(0);

    const proposed = await staff.post(`/exchanges/requests/${request.id}`, `/exchanges/requests/${request.id}/propose`, { offerId });
    expect(proposed.status).toBe(303);
    const exchange = await p.exchange.findFirstOrThrow();
    expect(exchange.status).toBe('proposed');
    expect(await p.notification.count({ where: { userId: other.userId, kind: 'exchange_proposed' } })).toBe(1);

    // only the offering institution agrees
    const refused = await staff.post(`/exchanges/${exchange.id}`, `/exchanges/${exchange.id}/transition`, { action: 'agree', version: '0' });
    expect(refused.status).toBe(403);
    const loaded = (await loadExchange(p, exchange.id))!;
    expect(await transitionExchange(p, loaded, { action: 'agree', version: 0 }, { actorId: other.userId, publicUrl: 'http://x' })).toEqual({ ok: true });

    expect((await staff.post(`/exchanges/${exchange.id}`, `/exchanges/${exchange.id}/transition`, { action: 'hold', version: '1' })).status).toBe(303);
    // a stale version: refused, nothing changes
    await staff.post(`/exchanges/${exchange.id}`, `/exchanges/${exchange.id}/transition`, { action: 'hold', version: '1' });
    const short = await staff.post(`/exchanges/${exchange.id}`, `/exchanges/${exchange.id}/transition`, { action: 'report', version: '2', note: 'Trop court' });
    expect((await staff.agent.get(short.headers.location!)).text).toContain('20 caractères');
    expect((await p.exchange.findUniqueOrThrow({ where: { id: exchange.id } })).status).toBe('held');
    await staff.post(`/exchanges/${exchange.id}`, `/exchanges/${exchange.id}/transition`, { action: 'report', version: '2', note: 'Trois fiches de pratique reprises dans notre registre.' });
    expect(await p.exchange.findUniqueOrThrow({ where: { id: exchange.id } })).toMatchObject({ status: 'reported', version: 3, report: 'Trois fiches de pratique reprises dans notre registre.' });
    const steps = (await p.exchangeEvent.findMany({ where: { exchangeId: exchange.id }, orderBy: { createdAt: 'asc' } })).map((e) => e.toStatus);
    expect(steps).toEqual(['proposed', 'agreed', 'held', 'reported']);
    expect(await p.auditLog.count({ where: { entity: 'Exchange', entityId: exchange.id } })).toBe(4);
    const show = await staff.agent.get(`/exchanges/${exchange.id}`);
    expect(show.text).toContain('data-testid="exchange-card"');
    expect(show.text).toContain('Rapport rendu');
    const expert = await signedInAgent(t.app, 'expert@demo.jisr.local');
    expect((await expert.agent.get(`/exchanges/${exchange.id}`)).status).toBe(403);
  });

  it('refuses a listing with bad input, storing nothing', async () => {
    const staff = await signedInAgent(t.app, 'staff@demo.jisr.local');
    const mine = await staffInstitution(t.db.prisma);
    const before = await t.db.prisma.exchangeOffer.count();
    const res = await staff.post('/exchanges/new', '/exchanges/listings', { kind: 'offer', institutionId: mine, ...listing, title: 'x', formats: 'teleportation', languages: 'fr' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('data-testid="field-error-formats"');
    expect(await t.db.prisma.exchangeOffer.count()).toBe(before);
  });
});
