import type { TFunction } from 'i18next';
import type { PrismaClient } from '../db/prisma.js';
import { localized, type Locale } from '../i18n/i18n.js';
import type { Formatters } from '../i18n/format.js';
import { explainExclusionReasons, explainMatch, type Exclusion, type Labels, type Match } from '../matching/index.js';
import { skillTaxonomy } from './matching-data.js';

let reference: { regions: Map<string, Record<string, unknown>>; sectors: Map<string, Record<string, unknown>> } | undefined;

/** Names the matcher's explanations need, in the reader's language. */
export async function labelsFor(prisma: PrismaClient, lng: Locale, t: TFunction, fmt: Formatters): Promise<Labels> {
  const { labels: skills } = await skillTaxonomy(prisma);
  if (!reference) {
    const [regions, sectors] = await Promise.all([prisma.region.findMany(), prisma.sector.findMany()]);
    reference = { regions: new Map(regions.map((r) => [r.code, r])), sectors: new Map(sectors.map((s) => [s.code, s])) };
  }
  const ref = reference;
  // Admins add communes while the app runs: read each time (a small table, one query).
  const communes = new Map((await prisma.commune.findMany()).map((c) => [c.code, c]));
  return {
    commune: (code) => (communes.has(code) ? localized(communes.get(code)!, 'name', lng) : code),
    skill: (id) => {
      const s = skills.get(id);
      return s ? localized(s, 'label', lng) : String(id);
    },
    region: (code) => (ref.regions.has(code) ? localized(ref.regions.get(code)!, 'name', lng) : code),
    sector: (code) => (ref.sectors.has(code) ? localized(ref.sectors.get(code)!, 'name', lng) : code),
    language: (code) => fmt.language(code),
    mode: (mode) => t(`modes.${mode}`),
    cefr: (level) => t(`cefr.${level}`),
    date: (iso) => fmt.date(new Date(`${iso}T00:00:00Z`)),
    number: (n) => fmt.number(n),
  };
}

/** Each explanation line as text, with its points: what the page shows under a score. */
export function reasonsOf(match: Match, labels: Labels, t: TFunction) {
  return explainMatch(match, labels).map((e) => ({ text: t(e.key, e.params), points: e.points ?? 0 }));
}

export function exclusionReasonsOf(exclusion: Exclusion, labels: Labels, t: TFunction) {
  return explainExclusionReasons(exclusion, labels).map((e) => t(e.key, e.params));
}
