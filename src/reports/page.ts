import type { Request } from 'express';
import type { PrismaClient } from '../db/prisma.js';
import { formatters } from '../i18n/format.js';
import { translator } from '../i18n/i18n.js';
import { barChart } from './bar-chart.js';
import type { Figure, Section, ValueKind } from './figures.js';
import type { ReportFilter } from './filters.js';
import { regionMap } from './region-map.js';
import { buildSections, type ReportContext } from './sections.js';

export const MAP_INDICATORS = {
  experts: { figure: 'experts-region', column: 0 },
  needs: { figure: 'needs-region', column: 0 },
  missions: { figure: 'missions-budget-region', column: 0 },
  budget: { figure: 'missions-budget-region', column: 3 },
} as const;
export type MapIndicator = keyof typeof MAP_INDICATORS;
export const isMapIndicator = (v: unknown): v is MapIndicator => typeof v === 'string' && Object.hasOwn(MAP_INDICATORS, v);

/** The reference lists every build needs (a few dozen rows) and the reader's language. */
export async function reportContext(prisma: PrismaClient, req: Request, today = new Date()): Promise<ReportContext> {
  const [regions, sectors, funding] = await Promise.all([
    prisma.region.findMany({ orderBy: { sortOrder: 'asc' } }),
    prisma.sector.findMany({ orderBy: { code: 'asc' } }),
    prisma.fundingSource.findMany({ orderBy: [{ year: 'desc' }, { projectCode: 'asc' }], select: { id: true, projectCode: true, name: true, year: true } }),
  ]);
  return { prisma, t: translator(req.lng), lng: req.lng, fmt: formatters(req.lng), today, regions, sectors, funding };
}

/** Everything the page draws: sections with each figure's chart geometry, and the map of the chosen indicator. */
export async function reportPage(ctx: ReportContext, filter: ReportFilter, indicator: MapIndicator) {
  const sections = await buildSections(ctx, filter);
  const dir = ctx.lng === 'ar' ? 'rtl' : 'ltr';
  const charts = new Map(sections.flatMap((s) => s.figures).map((f) => [f.id, barChart(f, ctx.lng, dir)]));
  return { sections, charts: Object.fromEntries(charts), map: mapOf(sections, ctx, indicator) };
}

export function mapOf(sections: Section[], ctx: ReportContext, indicator: MapIndicator) {
  const { figure, column } = MAP_INDICATORS[indicator];
  const fig = sections.flatMap((s) => s.figures).find((f) => f.id === figure) as Figure;
  const kind: ValueKind = fig.columns[column]!.kind;
  const values = fig.rows.filter((r) => r.key !== 'unknown').map((r) => ({ code: r.key, label: r.label, value: r.values[column] ?? 0 }));
  return { indicator, title: ctx.t(`reports.map.${indicator}`), ...regionMap(values, kind, ctx.lng), rows: values, kind };
}
