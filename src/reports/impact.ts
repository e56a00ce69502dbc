import type { TFunction } from 'i18next';
import type { PrismaClient } from '../db/prisma.js';
import { localized, type Locale } from '../i18n/i18n.js';
import type { Figure, Summary } from './figures.js';
import type { ReportFilter } from './filters.js';
import { missionFigures } from './mission-queries.js';
import { needFigures } from './need-queries.js';
import { expertFigures } from './people-queries.js';

/** Counts of people below this are never published: with so few, a reader could tell who they are. */
export const SMALL_CELL = 5;

/**
 * Hides the small cells of a column of people counts (1 to 4: zero identifies nobody). When only one cell is
 * hidden, the next smallest is hidden too, or the published total would give the hidden one away by subtraction.
 */
export function suppress(values: number[]): (number | null)[] {
  const out: (number | null)[] = values.map((v) => (v > 0 && v < SMALL_CELL ? null : v));
  if (out.filter((v) => v === null).length === 1) {
    const candidates = out.map((v, i) => [v, i] as const).filter(([v]) => v !== null && v > 0).sort((a, b) => a[0]! - b[0]!);
    if (candidates[0]) out[candidates[0][1]] = null;
  }
  return out;
}
const total = (v: number) => (v > 0 && v < SMALL_CELL ? null : v);

export interface ImpactContext { prisma: PrismaClient; t: TFunction; lng: Locale; regions: Record<string, unknown>[]; sectors: Record<string, unknown>[]; today: Date }

/** The public figures since the programme began: aggregates only, no name, no budget, small cells hidden. */
export async function impactFigures(c: ImpactContext): Promise<{ summary: Summary[]; figures: Figure[] }> {
  const f: ReportFilter = { from: new Date(Date.UTC(2000, 0)), to: new Date(Date.UTC(c.today.getUTCFullYear() + 2, 0)) };
  const [experts, missions, needs] = await Promise.all([expertFigures(c.prisma, f, c.today), missionFigures(c.prisma, f, c.today), needFigures(c.prisma, f)]);
  const { t } = c;
  const people = (id: string, title: string, heading: string, column: string, keys: [string, string][], counts: Map<string, number>): Figure => {
    const values = suppress(keys.map(([k]) => counts.get(k) ?? 0));
    return { id, title, labelHeading: heading, columns: [{ label: column, kind: 'count' }], rows: keys.map(([key, label], i) => ({ key, label, values: [values[i]!] })), chart: 0 };
  };
  const regions = c.regions.map((r): [string, string] => [String(r.code), localized(r, 'name', c.lng)]);
  const delivered = new Map([...missions.byRegion].map(([k, v]) => [k, v.delivered]));
  return {
    summary: [
      { label: t('impact.experts'), value: total(experts.total), kind: 'count', testid: 'impact-figure' },
      { label: t('impact.missions'), value: total(missions.all.delivered), kind: 'count', testid: 'impact-figure' },
      { label: t('impact.personDays'), value: total(missions.all.delivered) === null ? null : missions.all.personDays, kind: 'count', testid: 'impact-figure' },
      { label: t('impact.needs'), value: needs.published, kind: 'count', testid: 'impact-figure' },
    ],
    figures: [
      people('impact-experts-kind', t('reports.fig.expertsKind'), t('reports.col.kind'), t('reports.col.experts'),
        ['diaspora', 'south_south', 'immigrant_resident'].map((k) => [k, t(`expertKinds.${k}`)]), experts.byKind),
      people('impact-experts-gender', t('reports.fig.expertsGender'), t('reports.col.gender'), t('reports.col.experts'),
        ['female', 'male', 'other', 'undisclosed'].map((k) => [k, t(`reports.genders.${k}`)]), experts.byGender),
      people('impact-experts-region', t('reports.fig.expertsRegion'), t('reports.col.region'), t('reports.col.experts'), regions, experts.byRegion),
      people('impact-missions-region', t('impact.missionsRegion'), t('reports.col.region'), t('reports.col.missions'), regions, delivered),
      {
        id: 'impact-needs-sector', title: t('reports.fig.needsSector'), labelHeading: t('reports.col.sector'), columns: [{ label: t('reports.col.needs'), kind: 'count' }], chart: 0,
        rows: c.sectors.map((s) => ({ key: String(s.code), label: localized(s, 'name', c.lng), values: [needs.bySector.get(String(s.code)) ?? 0] })),
      },
    ],
  };
}
