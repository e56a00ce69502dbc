import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transitionProject } from '../../src/investments/transition-project.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { csrfFrom, signedInAgent } from '../helpers/forms.js';
import { projectForm } from '../helpers/invest-project.js';
import { PDF_BYTES, PNG_BYTES } from './experts-fixtures.js';

let t: TestApp;
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'jisr-invest-'));
  t = await startTestApp({ template: DEMO_TEMPLATE_DB, limits: { login: { windowMs: 60_000, limit: 1000 } }, config: { dataDir } });
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const INVESTOR = 'investor@demo.jisr.local';
const OFFICER = 'officer@demo.jisr.local';
type Agent = Awaited<ReturnType<typeof signedInAgent>>;
const agents = new Map<string, Agent>();
const as = async (email: string) => agents.get(email) ?? agents.set(email, await signedInAgent(t.app, email)).get(email)!;
const project = (id: string) => t.db.prisma.investmentProject.findUniqueOrThrow({ where: { id } });
const fieldError = (html: string, field: string) => new RegExp(`data-testid="field-error-${field}">([^<]*)<`).exec(html)?.[1];

async function file(over: Record<string, string> = {}) {
  const investor = await as(INVESTOR);
  const res = await investor.post('/investments/new', '/investments', await projectForm(t.db.prisma, over));
  expect(res.status).toBe(303);
  return /\/investments\/([0-9a-f-]{36})$/.exec(res.headers.location!)![1]!;
}

async function step(email: string, id: string, action: string, extra: Record<string, string> = {}) {
  const who = await as(email);
  const page = await who.agent.get(`/investments/${id}`);
  const { version } = await project(id);
  return who.agent.post(`/investments/${id}/transitions/${action}`).type('form').send({ _csrf: csrfFrom(page.text), version: String(version), ...extra });
}

describe('filing a project', () => {
  it('refuses bad input with a message next to the field and stores nothing', async () => {
    const investor = await as(INVESTOR);
    const before = await t.db.prisma.investmentProject.count();
    const cases: [Record<string, string>, string][] = [
      [{ totalCost: '-100' }, 'totalCost'], [{ totalCost: '0' }, 'totalCost'], [{ totalCost: '2000000000000' }, 'totalCost'],
      [{ ownFunds: '2500000' }, 'ownFunds'], [{ diasporaShare: '101' }, 'diasporaShare'], [{ jobsUnder30: '50' }, 'jobsUnder30'], [{ title: '' }, 'title'],
    ];
    for (const [change, field] of cases) {
      const res = await investor.post('/investments/new', '/investments', await projectForm(t.db.prisma, change));
      expect(res.status, JSON.stringify(change)).toBe(400);
      expect(fieldError(res.text, field), JSON.stringify(change)).toBeTruthy();
    }
    expect(await t.db.prisma.investmentProject.count()).toBe(before);
  });

  it('any signed-in user files a draft, recorded as an event and audited', async () => {
    const id = await file();
    const p = await t.db.prisma.investmentProject.findUniqueOrThrow({ where: { id }, include: { events: true } });
    expect(p).toMatchObject({ status: 'draft', sectorCode: 'industry', jobsCreated: 20, jobsUnder30: 9 });
    expect(p.totalCost.toFixed(2)).toBe('2000000.00');
    expect(p.events.map((e) => e.toStatus)).toEqual(['draft']);
    expect(await t.db.prisma.auditLog.count({ where: { action: 'investment.create', entityId: id } })).toBe(1);
  });
});

describe('who sees what', () => {
  it('an investor sees only their own projects; officers see them; other users and admins get a 404', async () => {
    const id = await file({ title: 'Projet privé de Karim' });
    const expert = await as('expert@demo.jisr.local');
    expect((await expert.agent.get(`/investments/${id}`)).status).toBe(404);
    expect((await expert.agent.get('/me/investments')).text).not.toContain('Projet privé de Karim');
    expect((await (await as('admin@demo.jisr.local')).agent.get(`/investments/${id}`)).status).toBe(404);
    expect((await (await as(OFFICER)).agent.get(`/investments/${id}`)).status).toBe(200);
    const mine = await (await as(INVESTOR)).agent.get('/me/investments');
    expect(mine.text).toContain('Projet privé de Karim');
    expect(mine.text.split('data-testid="investment-status"').length - 1).toBe(await t.db.prisma.investmentProject.count({ where: { owner: { email: INVESTOR } } }));
  });

  it('the business plan: checked by its bytes, given to the owner and officers only', async () => {
    const id = await file();
    const investor = await as(INVESTOR);
    const upload = async (bytes: Buffer, name: string) => {
      const token = csrfFrom((await investor.agent.get(`/investments/${id}`)).text);
      return investor.agent.post(`/investments/${id}/business-plan?_csrf=${encodeURIComponent(token)}`).attach('businessPlan', bytes, { filename: name, contentType: 'application/pdf' });
    };
    const png = await upload(PNG_BYTES, 'plan.pdf');
    expect(png.status).toBe(400);
    expect(fieldError(png.text, 'businessPlan')).toMatch(/PDF/);
    expect((await project(id)).businessPlanKey).toBeNull();
    expect((await upload(PDF_BYTES, 'plan.pdf')).status).toBe(303);
    const own = await investor.agent.get(`/investments/${id}/business-plan`).buffer(true);
    expect(own.status).toBe(200);
    expect(Buffer.from(own.body as Buffer)).toEqual(PDF_BYTES);
    expect((await (await as(OFFICER)).agent.get(`/investments/${id}/business-plan`)).status).toBe(200);
    expect(await t.db.prisma.auditLog.count({ where: { action: 'investment.business_plan_downloaded', entityId: id } })).toBe(1);
    expect((await (await as('expert@demo.jisr.local')).agent.get(`/investments/${id}/business-plan`)).status).toBe(404);
  });
});

describe('the guarded lifecycle', () => {
  it('submitted → under_review → eligible → funded, each step by the right party, recorded, audited and notified', async () => {
    const id = await file({ ownFunds: '400000' }); // 20 %: the own-funds rule fails
    const owner = await t.db.prisma.user.update({ where: { email: INVESTOR }, data: { locale: 'ar' } });
    expect((await step(OFFICER, id, 'submit')).status).toBe(403);
    expect((await step(INVESTOR, id, 'submit')).status).toBe(303);
    const evaluation = await t.db.prisma.investmentEvaluation.findFirstOrThrow({ where: { projectId: id } });
    expect(evaluation).toMatchObject({ ruleSetVersion: 1, eligible: false });
    expect((evaluation.result as { outcomes: { ruleId: string; passed: boolean }[] }).outcomes.map((o) => [o.ruleId, o.passed])).toEqual([
      ['min_total_cost', true], ['project_kind', true], ['promoter', true], ['own_funds', false], ['sector', true],
    ]);
    const officer = await t.db.prisma.user.findUniqueOrThrow({ where: { email: OFFICER } });
    expect(await t.db.prisma.notification.count({ where: { userId: officer.id, kind: 'investment.submitted', link: `/investments/${id}` } })).toBe(1);

    expect((await step(INVESTOR, id, 'review')).status).toBe(403);
    expect((await step(OFFICER, id, 'review')).status).toBe(303);
    const mail = await t.db.prisma.outboxEmail.findFirstOrThrow({ where: { toAddress: INVESTOR, textBody: { contains: 'قيد الدراسة' } } });
    expect(mail.locale).toBe('ar');
    expect(await t.db.prisma.notification.count({ where: { userId: owner.id, kind: 'investment.under_review', link: `/investments/${id}` } })).toBe(1);

    // Only when every rule passes, automatically or by an override with its reason.
    await step(OFFICER, id, 'approve');
    expect((await project(id)).status).toBe('under_review');
    const o = await as(OFFICER);
    const page = await o.agent.get(`/investments/${id}`);
    const noReason = await o.agent.post(`/investments/${id}/overrides`).type('form').send({ _csrf: csrfFrom(page.text), ruleId: 'own_funds', outcome: 'pass', reason: ' ' });
    expect(noReason.status).toBe(303);
    expect(await t.db.prisma.investmentRuleOverride.count({ where: { projectId: id } })).toBe(0);
    await o.agent.post(`/investments/${id}/overrides`).type('form').send({ _csrf: csrfFrom(page.text), ruleId: 'own_funds', outcome: 'pass', reason: 'Virement complémentaire attesté' });
    const shown = await o.agent.get(`/investments/${id}`);
    expect(shown.text).toContain('data-testid="rule-override"');
    expect(shown.text).toMatch(/data-rule="own_funds" data-passed="true"/);
    expect(await t.db.prisma.auditLog.count({ where: { action: 'investment.rule_overridden', entityId: id } })).toBe(1);
    expect((await step(OFFICER, id, 'approve')).status).toBe(303);
    expect((await project(id)).status).toBe('eligible');

    await step(OFFICER, id, 'fund');
    expect((await project(id)).status).toBe('eligible'); // the grant and its date are required
    await step(OFFICER, id, 'fund', { grantAwarded: '200000', fundedOn: '2026-12-15' });
    const funded = await project(id);
    expect(funded).toMatchObject({ status: 'funded' });
    expect(funded.grantAwarded?.toFixed(2)).toBe('200000.00');
    expect(funded.fundedOn?.toISOString().slice(0, 10)).toBe('2026-12-15');
    expect((await step(INVESTOR, id, 'withdraw')).status).toBe(403);
    const events = await t.db.prisma.investmentEvent.findMany({ where: { projectId: id }, orderBy: { createdAt: 'asc' } });
    expect(events.map((e) => e.toStatus)).toEqual(['draft', 'submitted', 'under_review', 'eligible', 'funded']);
    const timeline = await (await as(INVESTOR)).agent.get(`/investments/${id}`);
    expect(timeline.text.split('data-testid="investment-event"').length - 1).toBe(5);
    expect(timeline.text).toContain('data-status="funded"');
    await t.db.prisma.user.update({ where: { email: INVESTOR }, data: { locale: 'fr' } });
  });

  it('ineligible needs a reason; the investor withdraws until funded; a stale version changes nothing', async () => {
    const id = await file();
    await step(INVESTOR, id, 'submit');
    await step(OFFICER, id, 'review');
    await step(OFFICER, id, 'reject');
    expect((await project(id)).status).toBe('under_review');
    await step(OFFICER, id, 'reject', { reason: 'Plan de financement incomplet' });
    expect(await project(id)).toMatchObject({ status: 'ineligible', decisionReason: 'Plan de financement incomplet' });
    const investor = await as(INVESTOR);
    const page = await investor.agent.get(`/investments/${id}`);
    await investor.agent.post(`/investments/${id}/transitions/withdraw`).type('form').send({ _csrf: csrfFrom(page.text), version: '0' });
    expect((await project(id)).status).toBe('ineligible');
    expect((await step(INVESTOR, id, 'withdraw')).status).toBe(303);
    expect((await project(id)).status).toBe('withdrawn');
  });

  it('two officers deciding at once: exactly one wins', async () => {
    const id = await file();
    await step(INVESTOR, id, 'submit');
    await step(OFFICER, id, 'review');
    const officers = await t.db.prisma.user.findMany({ where: { role: 'officer' }, take: 2 });
    const { version } = await project(id);
    const results = await Promise.all(officers.map((o, i) => transitionProject(
      { db: t.db.prisma, publicUrl: 'http://x' },
      { projectId: id, action: i ? 'approve' : 'reject', version, reason: 'Dossier incomplet' }, { actorId: o.id },
    )));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'conflict' }]);
    expect(await t.db.prisma.investmentEvent.count({ where: { projectId: id } })).toBe(4);
  });
});

describe('the officers\' review queue', () => {
  it('filters by status, sector, region and bank, shows the pre-check per rule, exports CSV; nobody else opens it', async () => {
    const o = await as(OFFICER);
    const all = await o.agent.get('/officer/investments');
    expect(all.status).toBe(200);
    expect(all.text).toContain('data-testid="queue-row"');
    expect(all.text).toContain('data-testid="rule-outcome"');
    const eligible = await o.agent.get('/officer/investments?status=eligible&sector=industry');
    const rows = eligible.text.split('data-testid="queue-row"').length - 1;
    expect(rows).toBe(await t.db.prisma.investmentProject.count({ where: { status: 'eligible', sectorCode: 'industry' } }));
    expect(rows).toBeGreaterThan(0);
    const byRegion = await o.agent.get('/officer/investments?region=ORI');
    expect(byRegion.text.split('data-testid="queue-row"').length - 1).toBe(await t.db.prisma.investmentProject.count({ where: { regionCode: 'ORI', status: { not: 'draft' } } }));
    expect((await o.agent.get('/officer/investments?status=bogus')).status).toBe(400);
    const csv = await o.agent.get('/officer/investments.csv?status=funded');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,title,status,sector,region/);
    expect(lines).toHaveLength(1 + (await t.db.prisma.investmentProject.count({ where: { status: 'funded' } })));
    expect(csv.text).toContain('8500000.00');
    expect((await (await as(INVESTOR)).agent.get('/officer/investments')).status).toBe(403);
    expect((await (await as('staff@demo.jisr.local')).agent.get('/officer/investments.csv')).status).toBe(403);
  });
});

describe('every page of the track renders for those who may see it, in French and Arabic', () => {
  it('project pages in every state, the queue, the admin pages and the publishing form', async () => {
    const projects = await t.db.prisma.investmentProject.findMany({ where: { owner: { email: INVESTOR } }, select: { id: true, status: true } });
    expect(new Set(projects.map((p) => p.status)).size).toBeGreaterThanOrEqual(6);
    const pages: [string, string][] = [
      ...projects.flatMap((p): [string, string][] => [[INVESTOR, `/investments/${p.id}`], [OFFICER, `/investments/${p.id}`]]),
      ...projects.filter((p) => p.status === 'draft').map((p): [string, string] => [INVESTOR, `/investments/${p.id}/edit`]),
      [INVESTOR, '/me/investments'], [INVESTOR, '/investments/new'], [INVESTOR, '/invest/opportunities'], [INVESTOR, '/me'],
      [OFFICER, '/officer/investments'], [OFFICER, '/invest/opportunities/new'], [OFFICER, '/me'],
      ['admin@demo.jisr.local', '/admin/cofinancing'], ['admin@demo.jisr.local', '/admin/partner-banks'], ['admin@demo.jisr.local', '/me'],
    ];
    for (const lng of ['ar', 'fr']) {
      for (const [who, url] of pages) {
        const res = await (await as(who)).agent.get(`${url}${url.includes('?') ? '&' : '?'}lng=${lng}`);
        expect(res.status, `${who} ${url} ${lng}`).toBe(200);
        expect(res.text, url).not.toMatch(/invest\.[a-z]+\.[a-zA-Z_.]+/); // no i18n key left untranslated
      }
    }
  });
});
