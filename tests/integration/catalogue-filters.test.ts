import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CefrLevel } from '../../src/generated/prisma/enums.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';

let t: TestApp;
let institutionId: string;
let broad: number;
let narrow: number;
let other: number;
beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB });
  const p = t.db.prisma;
  institutionId = (await p.institution.findFirstOrThrow({ where: { status: 'verified' } })).id;
  // A little taxonomy of our own, so that no demo need asks for these skills.
  broad = (await p.skill.create({ data: { code: 'test.hydrology', sectorCode: 'water_environment', labelFr: 'Hydrologie appliquée', labelAr: 'الهيدرولوجيا التطبيقية', labelEn: 'Applied hydrology' } })).id;
  narrow = (await p.skill.create({ data: { code: 'test.flood_modelling', sectorCode: 'water_environment', broaderId: broad, labelFr: 'Modélisation des crues', labelAr: 'نمذجة الفيضانات', labelEn: 'Flood modelling' } })).id;
  other = (await p.skill.create({ data: { code: 'test.other', sectorCode: 'water_environment', labelFr: 'Géodésie côtière', labelAr: 'الجيوديسيا الساحلية', labelEn: 'Coastal geodesy' } })).id;
});
afterAll(() => t?.close());

let n = 0;
async function need(fields: { title?: string; description?: string; skillId?: number; language?: [string, CefrLevel]; start: string; end: string; publishedAt?: string }) {
  return t.db.prisma.need.create({
    data: {
      institutionId, title: fields.title ?? `Besoin de test numéro ${++n}`, description: fields.description ?? 'Une description suffisamment longue.',
      sectorCode: 'water_environment', regionCode: 'SM', mode: 'hybrid', durationDays: 5, status: 'published',
      windowStart: new Date(`${fields.start}T00:00:00Z`), windowEnd: new Date(`${fields.end}T00:00:00Z`),
      publishedAt: new Date(fields.publishedAt ?? '2026-11-01T10:00:00Z'),
      ...(fields.skillId ? { skills: { create: [{ skillId: fields.skillId, minLevel: 3 }] } } : {}),
      ...(fields.language ? { languages: { create: [{ language: fields.language[0], minLevel: fields.language[1] }] } } : {}),
    },
  });
}

/** The ids of the need cards of a page, in their order. */
const cardIds = (html: string) => [...html.matchAll(/data-testid="need-card"[\s\S]*?href="\/needs\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
const get = (url: string) => request(t.app).get(url);

describe('catalogue skill filter', () => {
  it('finds needs asking for a skill by its code, and those asking for its narrower skills', async () => {
    const a = await need({ skillId: broad, start: '2031-01-01', end: '2031-02-01' });
    const b = await need({ skillId: narrow, start: '2031-01-01', end: '2031-02-01' });
    const c = await need({ skillId: other, start: '2031-01-01', end: '2031-02-01' });
    const byBroad = await get('/needs?skill=test.hydrology').expect(200);
    expect(cardIds(byBroad.text).sort()).toEqual([a.id, b.id].sort());
    expect(byBroad.text).toContain('data-testid="skill-understood"');
    // A narrow skill does not widen to its broader one.
    expect(cardIds((await get('/needs?skill=test.flood_modelling').expect(200)).text)).toEqual([b.id]);
    expect(cardIds((await get('/needs?skill=test.other').expect(200)).text)).toEqual([c.id]);
  });

  it('reads a label in any language, accents and case ignored, or a part of a label', async () => {
    const byFrench = cardIds((await get(`/needs?skill=${encodeURIComponent('hydrologie APPLIQUEE')}`).expect(200)).text);
    const byArabic = cardIds((await get(`/needs?skill=${encodeURIComponent('الهيدرولوجيا التطبيقية')}`).expect(200)).text);
    const byPart = cardIds((await get(`/needs?skill=${encodeURIComponent('lisation des CRUE')}`).expect(200)).text);
    expect(byFrench).toHaveLength(2);
    expect(byArabic.sort()).toEqual(byFrench.sort());
    expect(byPart).toHaveLength(1);
  });

  it('answers an unknown skill with 400 and a message next to the field', async () => {
    const res = await get('/needs?skill=zzqxw-nothing&lng=en').expect(400);
    expect(res.text).toContain('data-testid="field-error-skill"');
    expect(res.text).toContain('No skill matches this text.');
    expect(res.text).toMatch(/id="skill"[^>]*aria-describedby="skill-hint skill-error"[^>]*aria-invalid="true"/);
    await get('/needs?skill=a').expect(400);
    await get('/needs?skill=x&skill=y').expect(400);
  });
});

describe('catalogue language and date filters', () => {
  it('keeps the needs that ask for a language', async () => {
    const wolof = await need({ language: ['wo', 'B2'], start: '2031-01-01', end: '2031-02-01' });
    const res = await get('/needs?language=wo').expect(200);
    const expected = await t.db.prisma.need.count({ where: { status: 'published', languages: { some: { language: 'wo' } } } });
    expect(cardIds(res.text)).toContain(wolof.id);
    expect(cardIds(res.text)).toHaveLength(Math.min(expected, 12));
    const res2 = await get('/needs?language=xx').expect(400);
    expect(res2.text).toContain('data-testid="field-error-language"');
  });

  it('keeps the needs whose window overlaps the range, edges included', async () => {
    const lang: [string, CefrLevel] = ['ff', 'B1'];
    const endsOnFirstDay = await need({ language: lang, start: '2032-01-01', end: '2032-03-01' });
    const inside = await need({ language: lang, start: '2032-03-10', end: '2032-03-20' });
    const startsOnLastDay = await need({ language: lang, start: '2032-03-31', end: '2032-06-01' });
    const spanning = await need({ language: lang, start: '2032-01-01', end: '2032-12-31' });
    const before = await need({ language: lang, start: '2031-12-01', end: '2032-02-29' });
    const after = await need({ language: lang, start: '2032-04-01', end: '2032-06-01' });
    const ids = cardIds((await get('/needs?language=ff&from=2032-03-01&to=2032-03-31').expect(200)).text);
    expect(ids.sort()).toEqual([endsOnFirstDay.id, inside.id, startsOnLastDay.id, spanning.id].sort());
    expect(ids).not.toContain(before.id);
    expect(ids).not.toContain(after.id);
    // One bound alone works too.
    expect(cardIds((await get('/needs?language=ff&from=2032-04-01').expect(200)).text).sort()).toEqual([startsOnLastDay.id, spanning.id, after.id].sort());
  });

  it('refuses impossible dates and a range that ends before it starts, with messages next to the fields', async () => {
    const bad = await get('/needs?from=2027-02-30').expect(400);
    expect(bad.text).toContain('data-testid="field-error-from"');
    expect(bad.text).toContain('Indiquez une date valide');
    await get('/needs?to=tomorrow').expect(400);
    const order = await get('/needs?from=2027-05-01&to=2027-04-01&lng=ar').expect(400);
    expect(order.text).toContain('data-testid="field-error-to"');
    expect(order.text).toContain('يجب أن يأتي هذا التاريخ بعد تاريخ البداية');
    // The form keeps what was typed.
    expect(order.text).toContain('value="2027-05-01"');
  });
});

describe('catalogue sorting', () => {
  let ids: Record<string, string>;
  beforeAll(async () => {
    const lang: [string, CefrLevel] = ['bm', 'B2'];
    ids = {
      early: (await need({ language: lang, start: '2033-01-10', end: '2033-09-30', publishedAt: '2026-10-01T10:00:00Z' })).id,
      late: (await need({ language: lang, start: '2033-05-01', end: '2033-05-20', publishedAt: '2026-11-20T10:00:00Z' })).id,
      middle: (await need({ language: lang, start: '2033-03-01', end: '2033-12-31', publishedAt: '2026-11-10T10:00:00Z' })).id,
      over: (await need({ language: lang, start: '2020-01-01', end: '2020-02-01', publishedAt: '2026-11-25T10:00:00Z' })).id,
    };
  });
  const order = async (sort: string) => cardIds((await get(`/needs?language=bm&sort=${sort}`).expect(200)).text);

  it('sorts by newest, soonest start and closing window; windows already over come last', async () => {
    expect(await order('newest')).toEqual([ids.over, ids.late, ids.middle, ids.early]);
    expect(await order('start')).toEqual([ids.early, ids.middle, ids.late, ids.over]);
    expect(await order('closing')).toEqual([ids.late, ids.early, ids.middle, ids.over]);
    // Relevance without a search text means newest first.
    expect(await order('relevance')).toEqual(await order('newest'));
  });

  it('ranks a need naming the words in its title above one naming them in its description', async () => {
    const inTitle = await need({ title: 'Bathymétrie lagunaire de Khnifiss', start: '2033-01-01', end: '2033-02-01', publishedAt: '2026-01-01T00:00:00Z' });
    const inText = await need({ title: 'Étude côtière', description: 'Relevés de bathymétrie lagunaire et cartographie.', start: '2033-01-01', end: '2033-02-01' });
    expect(cardIds((await get('/needs?q=bathymetrie lagunaire').expect(200)).text)).toEqual([inTitle.id, inText.id]);
    expect(cardIds((await get('/needs?q=bathymetrie&sort=newest').expect(200)).text)).toEqual([inText.id, inTitle.id]);
  });

  it('refuses an unknown sort with a message next to the field, and keeps filters in page links', async () => {
    expect((await get('/needs?sort=random').expect(400)).text).toContain('data-testid="field-error-sort"');
    const res = await get('/needs?sort=closing&mode=hybrid').expect(200);
    expect(res.text).toMatch(/href="\/needs\?mode=hybrid&amp;sort=closing&amp;page=2"/);
  });
});

describe('catalogue cost', () => {
  it('runs the same few queries for any page and any filter (no query per card)', async () => {
    const pool = t.db.pool;
    const original = pool.query.bind(pool);
    let count = 0;
    (pool as unknown as { query: unknown }).query = (...args: Parameters<typeof pool.query>) => {
      count++;
      return (original as (...a: unknown[]) => unknown)(...args);
    };
    const queriesFor = async (url: string) => {
      count = 0;
      const res = await get(url).expect(200);
      expect(cardIds(res.text).length).toBeGreaterThan(0);
      return count;
    };
    try {
      const plain = await queriesFor('/needs');
      expect(await queriesFor('/needs?page=2')).toBe(plain);
      expect(plain).toBeGreaterThan(0);
      // reference lists for the form (2), the page with its count (1), the page's cards (1)
      expect(plain).toBeLessThanOrEqual(4);
      // The skill filter adds its one lookup in the taxonomy, nothing per need.
      expect(await queriesFor('/needs?skill=test.hydrology&from=2020-01-01&sort=start')).toBeLessThanOrEqual(plain + 1);
    } finally {
      (pool as unknown as { query: unknown }).query = original;
    }
  });
});
