/**
 * Deterministic data for the catalogue benchmark: verified institutions and published needs with skills and
 * languages, written with a few multi-row INSERTs from unnest'ed arrays (no row-by-row round trips). Texts mix
 * French, Arabic and English words, so that the text search meets the three languages as on the real site.
 */
import type pg from 'pg';
import { REGIONS } from '../src/reference/data/regions.js';
import { SKILLS } from '../src/reference/data/skills.js';

const DAY = 86_400_000;
const CHUNK = 2_000;

/** mulberry32: a small seeded generator, so that every run measures the same data. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const uuid = () => {
    const h = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
    h[12] = '4';
    h[16] = '89ab'[Math.floor(next() * 4)]!;
    return `${h.slice(0, 8).join('')}-${h.slice(8, 12).join('')}-${h.slice(12, 16).join('')}-${h.slice(16, 20).join('')}-${h.slice(20).join('')}`;
  };
  return { next, int, pick, uuid };
}

const KINDS = ['ministry', 'university', 'hospital', 'regional_agency', 'commune', 'cooperative', 'public_agency', 'ngo'] as const;
const MODES = ['on_site', 'remote', 'hybrid'] as const;
const LANGUAGES = ['fr', 'fr', 'fr', 'ar', 'ar', 'en', 'en', 'es', 'de', 'zgh'] as const;
const OPENINGS = {
  fr: ['Appui technique pour', 'Accompagnement de la réforme de', 'Formation des équipes à', 'Diagnostic et plan d\'action :', 'Renforcement des capacités en'],
  en: ['Technical support for', 'Coaching the reform of', 'Training the teams in', 'Assessment and action plan:', 'Capacity building in'],
  ar: ['دعم تقني في مجال', 'مواكبة إصلاح', 'تكوين الفرق في', 'تشخيص وخطة عمل:', 'تعزيز القدرات في'],
} as const;
const CONTEXT = {
  fr: 'La structure souhaite mobiliser une expertise de la diaspora pour une mission courte, avec transfert de compétences vers les équipes locales et suivi des résultats.',
  en: 'The institution wishes to mobilise diaspora expertise for a short mission, with skills transfer to local teams and follow-up of results.',
  ar: 'تسعى المؤسسة إلى تعبئة خبرة من الجالية لمهمة قصيرة، مع نقل الكفاءات إلى الفرق المحلية وتتبع النتائج.',
} as const;

export interface SeedSummary {
  institutions: number;
  needs: number;
  needSkills: number;
  needLanguages: number;
  /** a broad skill code with narrower skills, for the filtered URL */
  broadSkill: string;
}

/** Inserts `count` published needs (and the institutions posting them) into a migrated database with reference data. */
export async function seedCatalogue(pool: pg.Pool, count: number, seed: number, today: Date): Promise<SeedSummary> {
  const r = rng(seed);
  const skills = (await pool.query<{ id: number; code: string; sectorCode: string; broaderId: number | null; labelFr: string; labelEn: string; labelAr: string }>(
    'SELECT id, code, "sectorCode", "broaderId", "labelFr", "labelEn", "labelAr" FROM "Skill" ORDER BY id',
  )).rows;
  const bySector = new Map<string, typeof skills>();
  for (const s of skills) bySector.set(s.sectorCode, [...(bySector.get(s.sectorCode) ?? []), s]);
  const sectors = [...bySector.keys()].sort();

  const institutions = Array.from({ length: 60 }, (_, i) => ({
    id: r.uuid(), name: `Institution de banc d'essai ${i + 1}`, kind: r.pick(KINDS), region: r.pick(REGIONS).code,
  }));
  await pool.query(
    `INSERT INTO "Institution" (id, name, kind, "regionCode", city, status, "verifiedAt", "updatedAt")
     SELECT id, name, kind::"InstitutionKind", region, 'Ville', 'verified', now(), now()
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS t(id, name, kind, region)`,
    [institutions.map((i) => i.id), institutions.map((i) => i.name), institutions.map((i) => i.kind), institutions.map((i) => i.region)],
  );

  const needs: unknown[][] = [[], [], [], [], [], [], [], [], [], [], [], []];
  const needSkills: unknown[][] = [[], [], [], []];
  const needLanguages: unknown[][] = [[], [], []];
  for (let i = 0; i < count; i++) {
    const inst = r.pick(institutions);
    const sector = r.pick(sectors);
    const pool_ = bySector.get(sector)!;
    const chosen = new Set<(typeof skills)[number]>();
    for (let k = r.int(1, 4); k > 0; k--) chosen.add(r.pick(pool_));
    const lang = (['fr', 'fr', 'en', 'ar'] as const)[i % 4]!;
    const main = [...chosen][0]!;
    const label = lang === 'fr' ? main.labelFr : lang === 'en' ? main.labelEn : main.labelAr;
    const start = new Date(today.getTime() + r.int(-30, 300) * DAY);
    const windowDays = r.int(14, 120);
    const id = r.uuid();
    const values = [
      id, inst.id, `${r.pick(OPENINGS[lang])} ${label.toLowerCase()} (${i + 1})`,
      `${CONTEXT[lang]} ${[...chosen].map((s) => (lang === 'fr' ? s.labelFr : lang === 'en' ? s.labelEn : s.labelAr)).join(' ; ')}.`,
      sector, r.pick(REGIONS).code, r.pick(MODES), start, new Date(start.getTime() + windowDays * DAY),
      r.int(3, Math.min(30, windowDays)), new Date(today.getTime() - r.int(0, 365 * 24 * 60) * 60_000), r.int(1, 3),
    ];
    values.forEach((v, c) => needs[c]!.push(v));
    for (const s of chosen) [id, s.id, r.int(1, 4), r.next() < 0.75 ? 'required' : 'desirable'].forEach((v, c) => needSkills[c]!.push(v));
    const langs = new Set([r.pick(LANGUAGES), ...(r.next() < 0.4 ? [r.pick(LANGUAGES)] : [])]);
    for (const l of langs) [id, l, r.pick(['B1', 'B2', 'C1'])].forEach((v, c) => needLanguages[c]!.push(v));
  }

  await inChunks(pool, needs, `
    INSERT INTO "Need" (id, "institutionId", title, description, "sectorCode", "regionCode", mode, "windowStart", "windowEnd",
      "durationDays", "publishedAt", "expertsWanted", status, "submittedAt", "updatedAt")
    SELECT id, inst, title, descr, sector, region, mode::"MissionMode", ws::date, we::date, days, pub, wanted, 'published', pub, pub
    FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamp[], $9::timestamp[],
      $10::int[], $11::timestamp[], $12::int[]) AS t(id, inst, title, descr, sector, region, mode, ws, we, days, pub, wanted)`);
  await inChunks(pool, needSkills, `
    INSERT INTO "NeedSkill" ("needId", "skillId", "minLevel", requirement)
    SELECT * FROM unnest($1::uuid[], $2::int[], $3::int[], $4::"SkillRequirement"[])`);
  await inChunks(pool, needLanguages, `
    INSERT INTO "NeedLanguage" ("needId", language, "minLevel")
    SELECT * FROM unnest($1::uuid[], $2::text[], $3::"CefrLevel"[])`);
  // The steady state of a live database, where autovacuum keeps the visibility map and the statistics current.
  await pool.query('VACUUM ANALYZE');

  const broad = SKILLS.find((s) => !s.broader && SKILLS.filter((n) => n.broader === s.code).length >= 3)!;
  return { institutions: institutions.length, needs: count, needSkills: needSkills[0]!.length, needLanguages: needLanguages[0]!.length, broadSkill: broad.code };
}

/** The same INSERT … unnest for consecutive slices of the column arrays. */
async function inChunks(pool: pg.Pool, columns: unknown[][], sql: string): Promise<void> {
  const rows = columns[0]!.length;
  for (let i = 0; i < rows; i += CHUNK) await pool.query(sql, columns.map((c) => c.slice(i, i + CHUNK)));
}
