import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeness } from '../../src/experts/completeness.js';
import { hashPassword } from '../../src/lib/password.js';
import { formatValue } from '../../src/reports/figures.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { LOOSE_LIMITS, signedIn, STRONG_PASSWORD } from '../helpers/security.js';
import { Q1_2027, seedReportFixture } from './reports-fixture.js';

type Agent = Awaited<ReturnType<typeof signedIn>>;
let t: TestApp;
let officer: Agent;
let admin: Agent;
beforeAll(async () => {
  t = await startTestApp({ limits: LOOSE_LIMITS });
  await seedReportFixture(t.db.prisma, await hashPassword(STRONG_PASSWORD));
  officer = await signedIn(t.app, 'officer.reports@example.org', STRONG_PASSWORD);
  admin = await signedIn(t.app, 'admin.reports@example.org', STRONG_PASSWORD);
});
afterAll(() => t?.close());

const BOM = '\uFEFF';
/** A figure's CSV, parsed back: { label: [numbers] } (an empty cell is null). */
async function figureCsv(id: string, qs = Q1_2027) {
  const res = await officer.agent.get(`/officer/reports/figures/${id}.csv?${qs}`).expect(200);
  expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
  expect(res.text.startsWith(BOM)).toBe(true);
  const [header, ...rows] = parse(res.text.slice(1)) as string[][];
  return { header: header!, rows: Object.fromEntries(rows.map(([label, ...v]) => [label!, v.map((x) => (x === '' ? null : Number(x)))])) };
}
/** The rows of a figure's data table on the page: { label: [cell texts] }. */
function table(html: string, id: string): Record<string, string[]> {
  const m = new RegExp(`data-testid="report-table" data-figure="${id}">([\\s\\S]*?)</table>`).exec(html);
  if (!m) throw new Error(`no table ${id}`);
  const rows = [...m[1]!.matchAll(/<tr data-key="[^"]*"><th[^>]*>([\s\S]*?)<\/th>([\s\S]*?)<\/tr>/g)];
  const text = (s: string) => s.trim().replace(/&#39;/g, "'").replace(/&#34;/g, '"').replace(/&amp;/g, '&');
  return Object.fromEntries(rows.map((r) => [text(r[1]!), [...r[2]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]!.trim())]));
}

describe('who reaches the reports', () => {
  it('admits officers and admins only, to the page, the figures and the exports', async () => {
    for (const path of ['/officer/reports', '/officer/reports/figures/experts-kind.csv', '/officer/reports/exports/missions.csv']) {
      const anonymous = await request(t.app).get(path);
      expect([anonymous.status, anonymous.headers.location]).toEqual([303, '/login']);
      for (const email of ['a@example.org', 'staff.reports@example.org']) {
        await (await signedIn(t.app, email, STRONG_PASSWORD)).agent.get(path).expect(403);
      }
      await officer.agent.get(path).expect(200);
      await admin.agent.get(path).expect(200);
    }
  });
});

describe('the figures of a quarter, against hand-computed values', () => {
  it('counts experts registered in the quarter, by kind, gender, country and region, and their profiles', async () => {
    expect((await figureCsv('experts-kind')).rows).toEqual({ 'Membre de la diaspora': [3], 'Expert Sud-Sud (pays de la région)': [2], 'Personne immigrée résidant au Maroc': [1] });
    expect((await figureCsv('experts-gender')).rows).toEqual({ Femmes: [4], Hommes: [2], Autre: [0], 'Non précisé': [0] });
    expect((await figureCsv('experts-country')).rows).toEqual({ France: [3], Belgique: [2], Sénégal: [1] });
    const regions = (await figureCsv('experts-region')).rows;
    expect([regions['Souss-Massa'], regions['Casablanca-Settat'], regions['Non renseigné'], regions['Rabat-Salé-Kénitra']]).toEqual([[2], [2], [2], [0]]);
    // The SQL notion of a complete profile is the completeness meter's: one profile at 100 %.
    expect((await figureCsv('experts-profiles')).rows).toEqual({ 'Profils complets': [1, 16.7], 'Profils à reconfirmer': [1, 16.7] });
    const profiles = await t.db.prisma.expertProfile.findMany({ include: { _count: { select: { skills: true, languages: true, degrees: true } }, availabilities: true } });
    const full = profiles.filter((p) => completeness({ ...p, counts: { ...p._count, futureAvailabilities: p.availabilities.filter((a) => a.endsOn >= new Date()).length } }).percent === 100);
    expect(full.map((p) => p.lastName)).toEqual(['a']);
  });

  it('follows needs from posting to filling, with the delays from publication', async () => {
    expect((await figureCsv('needs-pipeline')).rows).toEqual({ Déposés: [3], Publiés: [3], Pourvus: [1], Clos: [1] });
    // first candidacy 2 and 1 days after publication (median 1.5, p90 1.9); one selection, 10 days after
    expect((await figureCsv('needs-delays')).rows).toEqual({ "Jusqu'à la première candidature": [2, 1.5, 1.9], "Jusqu'à la sélection": [1, 10, 10] });
  });

  it('measures how institutions answer and why candidates were not selected', async () => {
    const response = (await figureCsv('candidacies-response')).rows;
    // the university answered in 3 and 6 days; the commune has not answered
    expect([response['Université'], response['Commune'], response['Toutes']]).toEqual([[2, 100, 4.5, 5.7], [1, 0, null, null], [3, 66.7, 4.5, 5.7]]);
    expect((await figureCsv('candidacies-reasons')).rows).toEqual({ 'Autre candidature retenue': [1] });
  });

  it('sums missions, person-days and budgets by region and funding line, and splits the themes', async () => {
    const status = (await figureCsv('missions-status')).rows;
    expect([status['Terminée'] ?? status['Achevée'], status['Approuvée'], status['Proposée']].map((v) => v?.[0])).toEqual([1, 1, 1]);
    const region = (await figureCsv('missions-budget-region')).rows;
    expect([region['Souss-Massa'], region['Casablanca-Settat'], region['Oriental'] ?? region["L'Oriental"]]).toEqual([[1, 3000, 2500, 5500], [1, 1000, 1200, 2200], [0, 0, 0, 0]]);
    expect((await figureCsv('missions-budget-funding')).rows).toEqual({ 'EU-TRQN · Retour temporaire (2027)': [1, 3000, 2500, 5500], 'Sans ligne de financement': [1, 1000, 1200, 2200] });
    expect((await figureCsv('missions-ratings')).rows['4 sur 5']).toEqual([1]);
    expect((await figureCsv('themes')).rows).toEqual({
      'Besoins marqués climat': [1, 3, 33.3], 'Besoins marqués genre': [1, 3, 33.3],
      'Missions approuvées marquées climat': [1, 2, 50], 'Missions approuvées marquées genre': [1, 2, 50],
      'Femmes parmi les experts retenus': [1, 1, 100], 'Femmes parmi les missions réalisées': [1, 1, 100],
      "Missions dans la région d'origine de l'expert·e": [2, 2, 100],
    });
    const page = (await officer.agent.get(`/officer/reports?${Q1_2027}`).expect(200)).text;
    expect(page).toContain('data-testid="summary-missions">3<');
    expect(page).toContain('data-testid="summary-person-days">5<');
    expect(table(page, 'missions-budget-funding')['Sans ligne de financement']).toEqual(['1', ...[1000, 1200, 2200].map((v) => formatValue('fr', 'money', v))]);
  });

  it('shows in every table the numbers of its CSV, with a chart beside each charted figure', async () => {
    const page = (await officer.agent.get(`/officer/reports?${Q1_2027}`).expect(200)).text;
    const ids = [...page.matchAll(/data-testid="report-table" data-figure="([a-z-]+)"/g)].map((m) => m[1]!).filter((id) => id !== 'map');
    expect(ids.length).toBeGreaterThan(15);
    for (const id of ids) {
      const csv = await figureCsv(id);
      const shown = table(page, id);
      expect(Object.keys(shown), id).toEqual(Object.keys(csv.rows));
      for (const [label, values] of Object.entries(csv.rows)) {
        // same digits: what the table prints is the CSV's number, formatted
        expect(shown[label]!.map((c) => c.replace(/[^\d]/g, '')), `${id} ${label}`).toEqual(values.map((v) => (v === null ? '' : String(v).replace(/[^\d]/g, ''))));
      }
    }
    expect(page.match(/data-testid="report-chart"/g)!.length).toBeGreaterThan(15);
    expect(page).toContain('data-testid="region-map"');
    expect(page).not.toMatch(/<script(?![^>]*src=)/);
    expect(page).not.toMatch(/ style="/);
  });

  it('filters by region and refuses a custom period without its dates', async () => {
    const page = (await officer.agent.get(`/officer/reports?${Q1_2027}&region=SM`).expect(200)).text;
    expect(page).toContain('data-testid="summary-experts">2<');
    expect(page).toContain('data-testid="summary-missions">2<');
    const bad = await officer.agent.get('/officer/reports?period=custom&from=2027-03-01').expect(400);
    expect(bad.text).toContain('data-testid="field-error-to"');
  });

  it('mirrors the charts in Arabic and writes numbers with the page locale', async () => {
    const page = (await officer.agent.get(`/officer/reports?${Q1_2027}&lng=ar`).expect(200)).text;
    expect(page).toContain('dir="rtl"');
    const svg = /<svg[^>]*data-figure="missions-budget-region"[^>]*>/.exec(page)![0];
    expect(svg).toContain('direction="rtl"');
    // the Souss-Massa bar ends at the right-hand label column (x + width = 640 - 210)
    const bar = /<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/.exec(page.slice(page.indexOf(svg)))!;
    expect(Number(bar[1]) + Number(bar[2])).toBeCloseTo(430, 0);
    await officer.agent.get('/?lng=fr'); // back to French for the other tests
  });
});

describe('the investment track in the reports', () => {
  it('sums projects of the quarter by status, region and investment sector: amounts, grants and the jobs of women and the under-30s', async () => {
    const p = t.db.prisma;
    const project = (data: Record<string, unknown>) => p.investmentProject.create({
      data: { title: 'Projet', description: 'Projet de test', regionCode: 'SM', sectorCode: 'industry', totalCost: '1000000', ownFunds: '300000', ...data },
    });
    await project({ status: 'submitted', totalCost: '2000000', ownFunds: '600000', jobsCreated: 10, jobsWomen: 4, jobsUnder30: 3, createdAt: new Date('2027-02-10T09:00:00Z') });
    await project({ status: 'funded', sectorCode: 'hotels', regionCode: 'RSK', totalCost: '1500000', ownFunds: '400000', grantAwarded: '150000',
      jobsCreated: 20, jobsWomen: 12, jobsUnder30: 5, createdAt: new Date('2027-03-01T09:00:00Z') });
    await project({ status: 'draft', jobsCreated: 99, createdAt: new Date('2027-02-15T09:00:00Z') }); // never submitted: not counted
    await project({ status: 'funded', grantAwarded: '100000', jobsCreated: 7, createdAt: new Date('2026-12-01T09:00:00Z') }); // another quarter
    const status = (await figureCsv('investments-status')).rows;
    expect(status['Soumis']).toEqual([1, 2000000, 600000, 0, 10, 4, 3]);
    expect(status['Financé']).toEqual([1, 1500000, 400000, 150000, 20, 12, 5]);
    expect(status['Éligible']).toEqual([0, 0, 0, 0, 0, 0, 0]);
    const sector = (await figureCsv('investments-sector')).rows;
    expect(sector['Hôtellerie']).toEqual([1, 1500000, 400000, 150000, 20, 12, 5]);
    expect(sector['Industrie et services liés à l\'industrie']).toEqual([1, 2000000, 600000, 0, 10, 4, 3]);
    expect((await figureCsv('investments-region')).rows['Souss-Massa']).toEqual([1, 2000000, 600000, 0, 10, 4, 3]);
    const xlsx = await officer.agent.get(`/officer/reports/exports/investments.csv?${Q1_2027}`).expect(200);
    const [header, ...rows] = parse(xlsx.text.slice(1)) as string[][];
    expect(rows).toHaveLength(2);
    expect(header).toEqual(expect.arrayContaining(['Fonds propres', 'Subvention accordée', 'Emplois prévus (femmes)', 'Emplois prévus (moins de 30 ans)']));
  });
});

describe('row-level exports', () => {
  it('streams missions with budgets as CSV (BOM, translated header) and XLSX with the same rows', async () => {
    const csv = await officer.agent.get(`/officer/reports/exports/missions.csv?${Q1_2027}`).expect(200);
    expect(csv.text.startsWith(BOM)).toBe(true);
    const rows = parse(csv.text.slice(1), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r['Statut'], r['Budget total'], r['Ligne de financement']])).toEqual([['completed', '5500', 'EU-TRQN'], ['approved', '2200', ''], ['proposed', '', '']]);
    const xlsx = await officer.agent.get(`/officer/reports/exports/missions.xlsx?${Q1_2027}`).buffer(true)
      .parse((res, cb) => { const chunks: Buffer[] = []; res.on('data', (c: Buffer) => chunks.push(c)); res.on('end', () => cb(null, Buffer.concat(chunks))); })
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as Parameters<typeof book.xlsx.load>[0]);
    const sheet = book.worksheets[0]!;
    const values = sheet.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    const header = values[0] as string[];
    expect(values.slice(1).map((r) => r[header.indexOf('Budget total')] ?? null)).toEqual([5500, 2200, null]);
  });

  it('gives experts without the contact details of private profiles', async () => {
    const csv = await officer.agent.get(`/officer/reports/exports/experts.csv?${Q1_2027}`).expect(200);
    const rows = parse(csv.text.slice(1), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(6);
    const byName = Object.fromEntries(rows.map((r) => [r['Nom'], r]));
    expect([byName.a!['Courriel'], byName.a!['Téléphone']]).toEqual(['', '']);
    expect([byName.b!['Courriel'], byName.b!['Téléphone']]).toEqual(['b@example.org', '+33611111111']);
  });
});
