/** The parts of a generated expert profile: skills, languages, degrees, availability windows and the French bio. */
import { DEGREES } from './data/lists.js';
import type { Ctx } from './context.js';
import { regionDef, sectorFr } from './context.js';
import { COUNTRY_LANGUAGES, CITY_LANGUAGE, DEGREE_SCHOOLS, SECTOR_SHORT_FR, degreesForSector } from './people-tables.js';
import type { CefrLevel, ExpertKind } from '../generated/prisma/client.js';
import { addDays, frOf, lowerFirst } from './util.js';

export interface SkillPick {
  skillId: number;
  level: number;
  years: number;
}

const LEVEL_WEIGHTS = { 1: 1, 2: 3, 3: 6, 4: 3 } as const;

/** 5–10 skills, mostly from the expert's sectors, levels skewed towards 3, years within the career. */
export function pickSkills(ctx: Ctx, sectors: readonly string[], yearsExperience: number): SkillPick[] {
  const { rng, skills } = ctx;
  const count = rng.int(5, 10);
  const own = sectors.flatMap((s) => skills.sector(s));
  const outside = rng.chance(0.35) ? 1 : 0;
  const chosen = rng.sample(own, count - outside);
  if (outside) {
    const other = rng.pick(skills.sectors.filter((s) => !sectors.includes(s)));
    const extra = rng.pick(skills.sector(other));
    if (!chosen.includes(extra)) chosen.push(extra);
  }
  return chosen.map((skill) => ({
    skillId: skill.id,
    level: Number(rng.weightedKey(LEVEL_WEIGHTS)),
    years: rng.int(1, Math.max(1, Math.min(yearsExperience, 25))),
  }));
}

export interface LanguagePick {
  language: string;
  level: CefrLevel;
}

/** Languages with CEFR levels: Darija/Amazigh for Moroccans, French, English, the residence country's language. */
export function pickLanguages(ctx: Ctx, kind: ExpertKind, country: string, city: string, homeCountry: string): LanguagePick[] {
  const { rng } = ctx;
  const out = new Map<string, CefrLevel>();
  const set = (language: string, level: CefrLevel) => {
    if (!out.has(language)) out.set(language, level);
  };
  if (kind === 'diaspora') {
    if (rng.chance(0.9)) set('ary', 'native');
    else set('ary', rng.pick(['B2', 'C1'] as const));
    if (rng.chance(0.25)) set('zgh', rng.chance(0.7) ? 'native' : 'B2');
    set('ar', rng.pick(['B1', 'B2', 'C1', 'C2'] as const));
    set('fr', rng.pick(['C1', 'C2', 'C2', 'native'] as const));
  } else {
    for (const language of COUNTRY_LANGUAGES[homeCountry] ?? ['fr']) set(language, 'native');
    set('fr', rng.pick(['B2', 'C1', 'C2'] as const));
    if (kind === 'immigrant_resident') set('ary', rng.pick(['A2', 'B1', 'B2'] as const));
  }
  set('en', rng.pick(['B1', 'B2', 'B2', 'C1', 'C2'] as const));
  const local = CITY_LANGUAGE[city] ?? COUNTRY_LANGUAGES[country]?.[0];
  if (local && kind === 'diaspora') set(local, rng.pick(['B2', 'C1', 'C2', 'native'] as const));
  return [...out].map(([language, level]) => ({ language, level }));
}

export interface DegreePick {
  title: string;
  field: string;
  institution: string;
  year: number;
}

export function pickDegrees(ctx: Ctx, sector: string, yearsExperience: number, country: string): DegreePick[] {
  const { rng, today } = ctx;
  const fitting = degreesForSector(sector);
  const pool = fitting.length ? fitting : DEGREES;
  const first = rng.pick(pool);
  const year = today.getUTCFullYear() - yearsExperience - rng.int(0, 2);
  const school = (c: string) => rng.pick(DEGREE_SCHOOLS[c] ?? DEGREE_SCHOOLS.MA ?? ['Université Mohammed V de Rabat']);
  const degrees: DegreePick[] = [
    { title: first.fr, field: sectorFr(sector), institution: school(rng.chance(0.5) ? 'MA' : country), year },
  ];
  const second = rng.pick(pool.length > 1 ? pool : DEGREES);
  if (rng.chance(0.45) && second !== first) {
    degrees.push({ title: second.fr, field: sectorFr(sector), institution: school(country), year: Math.min(year + rng.int(2, 6), today.getUTCFullYear() - 1) });
  }
  return degrees;
}

/** 1–3 windows of 2–8 weeks in the next 12 months (a few experts have none). */
export function pickAvailability(ctx: Ctx): { startsOn: Date; endsOn: Date }[] {
  const { rng, today } = ctx;
  if (rng.chance(0.05)) return [];
  const windows: { startsOn: Date; endsOn: Date }[] = [];
  let offset = rng.int(3, 60);
  const count = rng.int(1, 3);
  for (let i = 0; i < count && offset < 340; i++) {
    const length = Math.min(rng.int(14, 56), 364 - offset);
    windows.push({ startsOn: addDays(today, offset), endsOn: addDays(today, offset + length - 1) });
    offset += length + rng.int(14, 90);
  }
  return windows;
}

export interface BioInput {
  position: string;
  employer: string | null;
  city: string;
  years: number;
  sectors: readonly string[];
  originRegion: string | null;
  commune: string | null;
  skillLabels: readonly string[];
  kind: ExpertKind;
  female: boolean;
}

const COMMON_NOUN = /^(Université|Clinique|Cliniques|Groupe|Cabinet|Institut|Hospices|Hôpital|Assistance|Banque)(?=\s)/;

/** "chez Airbus", "au sein de l'Université …", "au sein des Hospices civils de Lyon". */
function atEmployer(name: string): string {
  if (!COMMON_NOUN.test(name)) return `chez ${name}`;
  if (/^(Cliniques|Hospices)(?=\s)/.test(name)) return `au sein des ${name}`;
  return `au sein ${frOf(name)}`;
}

/** A short first-person French bio built from the expert's own fields. */
export function buildBio(ctx: Ctx, b: BioInput): string {
  const e = b.female ? 'e' : '';
  const where = b.employer ? `${atEmployer(b.employer)}, basé${e} à ${b.city}` : `en indépendant${e} à ${b.city}`;
  const fields = b.sectors.map((s) => SECTOR_SHORT_FR[s] ?? lowerFirst(sectorFr(s))).join(' et en ');
  const skills = b.skillLabels.slice(0, 3).map(lowerFirst).join(', ');
  let roots: string;
  if (b.originRegion) {
    const region = regionDef(b.originRegion).fr;
    const from = b.commune ? `, plus précisément de ${b.commune}` : '';
    const near = b.commune ? ` (${b.commune})` : '';
    roots = ctx.rng.pick([
      `Originaire de la région ${region}${from}, je souhaite mettre mon expérience au service des institutions marocaines.`,
      `Né${b.female ? 'e' : ''} dans la région ${region}${near}, je reviens volontiers pour des missions courtes de transfert de compétences.`,
      `Mes racines sont dans la région ${region}${near} ; j'ai à cœur de contribuer à son développement.`,
    ]);
  } else if (b.kind === 'immigrant_resident') {
    roots = 'Installé' + (b.female ? 'e' : '') + ' au Maroc, je souhaite partager mon expertise avec les institutions du pays qui m\'accueille.';
  } else {
    roots = 'Engagé' + (b.female ? 'e' : '') + ' dans la coopération Sud–Sud, je suis disponible pour des missions d\'appui aux institutions marocaines.';
  }
  return ctx.rng.pick([
    `${b.position} ${where}, ${b.years} ans d'expérience en ${fields}. ${roots} Domaines de prédilection : ${skills}.`,
    `${b.years} ans d'expérience en ${fields}, actuellement ${lowerFirst(b.position)} ${where}. Compétences clés : ${skills}. ${roots}`,
    `${roots} ${b.position} ${where}, j'interviens depuis ${b.years} ans en ${fields}, notamment en ${skills}.`,
  ]);
}
