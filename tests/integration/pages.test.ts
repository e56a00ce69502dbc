import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { signedInAgent } from '../helpers/forms.js';

let t: TestApp;
let now = new Date('2026-11-29T10:00:00Z');
beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB, clock: () => now });
});
afterAll(() => t.close());

const cards = (html: string) => html.match(/data-testid="need-card"/g)?.length ?? 0;
const figure = (html: string, key: string) =>
  Number(new RegExp(`data-testid="figure-${key}">([^<]+)<`).exec(html)?.[1]?.replace(/\D/g, ''));

describe('home page', () => {
  it('shows live figures from the database, in French by default', async () => {
    const res = await request(t.app).get('/').expect(200);
    expect(res.text).toContain('<html lang="fr" dir="ltr">');
    const p = t.db.prisma;
    expect(figure(res.text, 'experts')).toBe(await p.expertProfile.count());
    expect(figure(res.text, 'verifiedInstitutions')).toBe(await p.institution.count({ where: { status: 'verified' } }));
    expect(figure(res.text, 'openNeeds')).toBe(await p.need.count({ where: { status: 'published' } }));
    expect(figure(res.text, 'completedMissions')).toBe(
      await p.mission.count({ where: { status: { in: ['completed', 'reported', 'evaluated', 'followed_up'] } } }),
    );
    expect(figure(res.text, 'openNeeds')).toBeGreaterThan(0);
  });

  it('follows the figures when the data changes, counted at most once every 30 seconds', async () => {
    const before = figure((await request(t.app).get('/')).text, 'openNeeds');
    const need = await t.db.prisma.need.findFirstOrThrow({ where: { status: 'submitted' } });
    await t.db.prisma.need.update({ where: { id: need.id }, data: { status: 'published', publishedAt: new Date() } });
    // Within the period the figures are the ones counted last; past it, they are counted again.
    expect(figure((await request(t.app).get('/')).text, 'openNeeds')).toBe(before);
    now = new Date(now.getTime() + 30_000);
    expect(figure((await request(t.app).get('/')).text, 'openNeeds')).toBe(before + 1);
    await t.db.prisma.need.update({ where: { id: need.id }, data: { status: 'submitted', publishedAt: null } });
  });
});

describe('language', () => {
  it('renders Arabic right to left when ?lng=ar and remembers the choice in a cookie', async () => {
    const agent = request.agent(t.app);
    const res = await agent.get('/needs?lng=ar').expect(200);
    expect(res.text).toContain('<html lang="ar" dir="rtl">');
    expect(res.text).toContain('bootstrap.rtl.min.css');
    expect(res.text).toContain('احتياجات المؤسسات');
    expect(res.headers['set-cookie']?.[0]).toMatch(/jisr_lng=ar;.*HttpOnly/i);
    const next = await agent.get('/').expect(200);
    expect(next.text).toContain('<html lang="ar" dir="rtl">');
  });

  it('renders English, and ignores an unknown language', async () => {
    expect((await request(t.app).get('/?lng=en')).text).toContain('<html lang="en" dir="ltr">');
    expect((await request(t.app).get('/?lng=xx')).text).toContain('<html lang="fr" dir="ltr">');
  });

  it('keeps the page and its filters in the language switcher links', async () => {
    const res = await request(t.app).get('/needs?mode=remote&page=1');
    expect(res.text).toMatch(/href="\/needs\?mode=remote&amp;page=1&amp;lng=ar"/);
  });
});

describe('needs catalogue', () => {
  it('lists published needs as need-cards, a page at a time', async () => {
    const published = await t.db.prisma.need.count({ where: { status: 'published' } });
    const res = await request(t.app).get('/needs').expect(200);
    expect(cards(res.text)).toBe(Math.min(12, published));
    const last = Math.ceil(published / 12);
    const lastPage = await request(t.app).get(`/needs?page=${last}`).expect(200);
    expect(cards(lastPage.text)).toBe(published - (last - 1) * 12);
  });

  it('never lists a need that is not published', async () => {
    const hidden = await t.db.prisma.need.findMany({ where: { status: { in: ['draft', 'submitted', 'cancelled'] } } });
    const pages = await Promise.all([1, 2, 3, 4].map((p) => request(t.app).get(`/needs?page=${p}`)));
    const html = pages.map((r) => r.text).join('');
    for (const need of hidden) expect(html).not.toContain(need.id);
  });

  it('finds a need by a French word typed without its accents', async () => {
    const need = await t.db.prisma.need.create({
      data: {
        institutionId: (await t.db.prisma.institution.findFirstOrThrow({ where: { status: 'verified' } })).id,
        title: 'Télémédecine rurale héliportée', description: 'Réseau de téléconsultation', sectorCode: 'health',
        regionCode: 'DT', mode: 'remote', windowStart: new Date('2027-02-01'), windowEnd: new Date('2027-04-01'),
        durationDays: 10, status: 'published', publishedAt: new Date(),
      },
    });
    const res = await request(t.app).get('/needs?q=heliportee').expect(200);
    expect(res.text).toContain(need.id);
    expect(cards(res.text)).toBe(1);
    const arabic = await t.db.prisma.need.update({ where: { id: need.id }, data: { description: 'شبكة الاستشارة الطبية عن بعد' } });
    expect((await request(t.app).get(`/needs?q=${encodeURIComponent('الاستشارة')}`)).text).toContain(arabic.id);
  });

  it('filters by sector, region and mode', async () => {
    const res = await request(t.app).get('/needs?sector=health&region=DT&mode=remote').expect(200);
    const expected = await t.db.prisma.need.count({ where: { status: 'published', sectorCode: 'health', regionCode: 'DT', mode: 'remote' } });
    expect(cards(res.text)).toBe(Math.min(expected, 12));
  });

  it('clamps bad page numbers instead of failing', async () => {
    for (const page of ['-3', 'abc', '0', '999999', '1.5']) {
      const res = await request(t.app).get(`/needs?page=${page}`).expect(200);
      expect(cards(res.text)).toBeGreaterThan(0);
    }
  });

  it('answers a 10 000-character search with a 400 page and a message next to the field', async () => {
    const res = await request(t.app).get(`/needs?q=${'a'.repeat(10_000)}`).expect(400);
    expect(res.text).toContain('data-testid="field-error-q"');
    expect(res.text).toContain('200 caractères au maximum');
    expect(res.text).toMatch(/aria-invalid="true" aria-describedby="q-error"/);
  });

  it('combines the text search with the new filters and sorting, and offers them in the form', async () => {
    const res = await request(t.app).get('/needs?q=gestion&sort=closing&from=2020-01-01').expect(200);
    for (const name of ['skill', 'language', 'from', 'to', 'sort']) expect(res.text).toContain(`name="${name}"`);
    expect(res.text).toContain('<option value="closing" selected>');
    expect(res.text).toContain('value="2020-01-01"');
  });

  it('answers a malformed filter with 400 and a message in the reader\'s language', async () => {
    const res = await request(t.app).get('/needs?mode=teleport&lng=en').expect(400);
    expect(res.text).toContain('data-testid="field-error-mode"');
    expect(res.text).toContain('This value is not recognised.');
    await request(t.app).get('/needs?q=a&q=b').expect(400);
  });
});

describe('need page', () => {
  it('shows a published need with its institution, skills and languages', async () => {
    const need = await t.db.prisma.need.findFirstOrThrow({
      where: { status: 'published' }, include: { institution: true, skills: { include: { skill: true } } },
    });
    const res = await request(t.app).get(`/needs/${need.id}`).expect(200);
    expect(res.text).toContain(escapeHtml(need.title));
    expect(res.text).toContain(escapeHtml(need.institution.name));
    for (const s of need.skills) expect(res.text).toContain(escapeHtml(s.skill.labelFr));
  });

  it('answers 404 for a draft need, an unknown id and a malformed id, in the reader\'s language', async () => {
    const draft = await t.db.prisma.need.findFirstOrThrow({ where: { status: 'draft' } });
    await request(t.app).get(`/needs/${draft.id}`).expect(404);
    await request(t.app).get('/needs/00000000-0000-4000-8000-000000000000').expect(404);
    const res = await request(t.app).get('/needs/not-a-uuid?lng=ar').expect(404);
    expect(res.text).toContain('الصفحة غير موجودة');
    expect(res.text).toContain('dir="rtl"');
  });
});

describe('errors', () => {
  it('shows an unknown path as a 404 page in the reader\'s language', async () => {
    const res = await request(t.app).get('/nowhere?lng=en').expect(404);
    expect(res.text).toContain('Page not found');
  });

  it('shows a 500 page without stack trace or database text when the database fails', async () => {
    const broken = await startTestApp();
    await broken.db.pool.end();
    const res = await request(broken.app).get('/').expect(500);
    expect(res.text).toContain('Erreur du serveur');
    expect(res.text).not.toMatch(/at \w+ \(|node_modules|PrismaClient|ECONNREFUSED|Cannot use a pool|\.ts:\d+/);
    await broken.close().catch(() => undefined);
  });
});

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');
}

describe('ways to the reports', () => {
  it('links the public impact page from every footer, the reports from the officer\'s and admin\'s dashboards, funding lines from the admin\'s', async () => {
    expect((await request(t.app).get('/needs').expect(200)).text).toContain('href="/impact"');
    const officer = await signedInAgent(t.app, 'officer@demo.jisr.local');
    expect((await officer.agent.get('/me').expect(200)).text).toContain('href="/officer/reports"');
    const admin = await signedInAgent(t.app, 'admin@demo.jisr.local');
    const page = (await admin.agent.get('/me').expect(200)).text;
    expect(page).toContain('href="/admin/funding"');
    expect(page).toContain('href="/officer/reports"');
  });
});
