import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { signedInAgent } from '../helpers/forms.js';
import { MDM_INVEST_V1 } from '../helpers/invest.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB, limits: { login: { windowMs: 60_000, limit: 1000 } } });
});
afterAll(() => t.close());

const EXAMPLE = '/invest/simulate?totalCost=2000000&diasporaShare=100&ownFunds=600000&sector=industry&kind=creation&promoter=abroad';
const attr = (html: string, testid: string, name: string) => new RegExp(`data-testid="${testid}"[^>]*?${name}="([^"]*)"`).exec(html)?.[1];
const count = (html: string, testid: string) => html.split(`data-testid="${testid}"`).length - 1;
const fieldError = (html: string, field: string) => new RegExp(`data-testid="field-error-${field}">([^<]*)<`).exec(html)?.[1];

describe('rule sets as data', () => {
  it('version 1 in the database is MDM Invest\'s published rules, in force', async () => {
    const v1 = await t.db.prisma.cofinancingRuleSet.findUniqueOrThrow({ where: { version: 1 } });
    expect(v1).toMatchObject({ name: 'MDM Invest', active: true });
    expect(v1.rules).toEqual(MDM_INVEST_V1);
  });
});

describe('the public simulator', () => {
  it('/invest explains the track and lists the rules in force from the data, with a form that needs no JavaScript', async () => {
    const res = await request(t.app).get('/invest?lng=fr');
    expect(res.status).toBe(200);
    expect(res.text).toContain('1.000.000,00\u00a0MAD');
    expect(res.text).toMatch(/25\s%/);
    expect(res.text).toContain('action="/invest/simulate"');
    expect(res.text).toMatch(/<form method="get" action="\/invest\/simulate"/);
    expect(res.text).not.toMatch(/<script(?![^>]*src=)/);
  });

  it('answers the issue\'s bookmarkable address: eligible, each rule with its reason, the grant and the plan', async () => {
    const res = await request(t.app).get(`${EXAMPLE}&lng=fr`);
    expect(res.status).toBe(200);
    expect(attr(res.text, 'eligibility-result', 'data-eligible')).toBe('true');
    expect(count(res.text, 'rule-outcome')).toBe(5);
    expect(attr(res.text, 'grant-amount', 'data-amount')).toBe('200000.00');
    expect(res.text).toMatch(/data-testid="grant-amount"[^>]*>200[\s\u202f.]000,00\sMAD</);
    expect(res.text).toContain('data-testid="plan-bankCredit"');
    expect(res.text).toContain('data-testid="share-link"');
  });

  it('speaks the page\'s language: Arabic, right to left, with amounts through Intl', async () => {
    const res = await request(t.app).get(`${EXAMPLE}&lng=ar`);
    expect(res.text).toContain('dir="rtl"');
    expect(res.text).toContain('مؤهَّل للتمويل المشترك');
    expect(res.text).toContain('د.م.');
    const en = await request(t.app).get(`${EXAMPLE}&lng=en`);
    expect(en.text).toContain('Eligible for co-financing');
    expect(en.text).toContain('MAD\u00a0200,000.00');
  });

  it('explains why a project is not eligible: below the minimum, a sector outside the list, a return too long ago', async () => {
    const res = await request(t.app).get('/invest/simulate?totalCost=999999.99&diasporaShare=40&ownFunds=300000&sector=tourism&kind=extension&promoter=returned&returnedMonthsAgo=13&lng=fr');
    expect(res.status).toBe(200);
    expect(attr(res.text, 'eligibility-result', 'data-eligible')).toBe('false');
    for (const rule of ['min_total_cost', 'sector', 'promoter']) expect(res.text).toMatch(new RegExp(`data-rule="${rule}" data-passed="false"`));
    expect(res.text).toMatch(/data-rule="own_funds" data-passed="true"/);
    expect(attr(res.text, 'grant-amount', 'data-amount')).toBe('0.00');
  });

  const bad: [string, string, string, RegExp][] = [
    ['totalCost=-5', 'totalCost', 'fr', /négatif/],
    ['totalCost=0', 'totalCost', 'fr', /supérieur à zéro/],
    ['totalCost=1000000000001', 'totalCost', 'fr', /1 000 milliards/],
    ['totalCost=abc', 'totalCost', 'en', /in figures/],
    ['ownFunds=3000000', 'ownFunds', 'fr', /ne peuvent pas dépasser le coût total/],
    ['diasporaShare=120', 'diasporaShare', 'ar', /100 %/],
    ['diasporaShare=0', 'diasporaShare', 'en', /more than 0 %/],
    ['sector=spaceflight', 'sector', 'fr', /secteur de la liste/],
    ['promoter=returned', 'returnedMonthsAgo', 'fr', /combien de mois/],
  ];
  it.each(bad)('refuses %s with a message next to the field, in the page\'s language', async (change, field, lng, message) => {
    const url = new URL(EXAMPLE, 'http://x');
    const [k, v] = change.split('=') as [string, string];
    url.searchParams.set(k, v);
    url.searchParams.set('lng', lng);
    const res = await request(t.app).get(url.pathname + url.search);
    expect(res.status).toBe(400);
    expect(fieldError(res.text, field)).toMatch(message);
    expect(res.text).not.toContain('data-testid="eligibility-result"');
  });
});

describe('an admin creates a new version of the rules', () => {
  it('validates the document, never edits a used version, and the simulator then applies the new version', async () => {
    const admin = await signedInAgent(t.app, 'admin@demo.jisr.local');
    const page = await admin.agent.get('/admin/cofinancing');
    expect(page.status).toBe(200);
    const badJson = await admin.post('/admin/cofinancing', '/admin/cofinancing', { name: 'MDM Invest', effectiveFrom: '2026-01-01', rules: '{oops' });
    expect(badJson.status).toBe(400);
    expect(fieldError(badJson.text, 'rules')).toMatch(/JSON/);
    const unknownSector = JSON.stringify({ ...MDM_INVEST_V1, rules: [{ id: 'sector', kind: 'sector_in', sectors: ['spaceflight'] }] });
    expect(fieldError((await admin.post('/admin/cofinancing', '/admin/cofinancing', { name: 'X', effectiveFrom: '2026-01-01', rules: unknownSector })).text, 'rules')).toMatch(/spaceflight/);
    const before = await t.db.prisma.cofinancingRuleSet.count();
    const v2 = { ...MDM_INVEST_V1, rules: MDM_INVEST_V1.rules.map((r) => (r.kind === 'min_total_cost' ? { ...r, min: '2500000' } : r)) };
    const saved = await admin.post('/admin/cofinancing', '/admin/cofinancing', { name: 'MDM Invest 2', effectiveFrom: '2026-01-01', note: 'essai', rules: JSON.stringify(v2) });
    expect(saved.status).toBe(303);
    expect(await t.db.prisma.cofinancingRuleSet.count()).toBe(before + 1);
    expect((await t.db.prisma.cofinancingRuleSet.findUniqueOrThrow({ where: { version: 1 } })).rules).toEqual(MDM_INVEST_V1);
    const res = await request(t.app).get(`${EXAMPLE}&lng=fr`);
    expect(attr(res.text, 'eligibility-result', 'data-eligible')).toBe('false');
    expect(res.text).toMatch(/data-rule="min_total_cost" data-passed="false"/);
    expect(await t.db.prisma.auditLog.count({ where: { action: 'cofinancing.rule_set_created' } })).toBe(1);
    // Others may not touch the rules.
    const officer = await signedInAgent(t.app, 'officer@demo.jisr.local');
    expect((await officer.agent.get('/admin/cofinancing')).status).toBe(403);
  });
});
