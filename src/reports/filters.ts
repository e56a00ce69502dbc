import { z } from 'zod';
import { isRealDay } from '../lib/iso-day.js';

export const PERIOD_KINDS = ['quarter', 'year', 'custom', 'all'] as const;
export const THEMES = ['climate', 'gender'] as const;
const EXPERT_KINDS = ['diaspora', 'south_south', 'immigrant_resident'] as const;
const INSTITUTION_KINDS = ['ministry', 'university', 'hospital', 'regional_agency', 'commune', 'cooperative', 'public_agency', 'ngo'] as const;

const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const code = z.string().trim().regex(/^[A-Za-z0-9_]{1,40}$/, 'errors.filterInvalid');
const day = z.string().trim().refine(isRealDay, 'validation.date');

/**
 * The report's query string. Anything malformed is refused with a message next to its field (never a database
 * error); an unknown region or sector code simply matches nothing.
 */
export const reportQuerySchema = z
  .object({
    period: optional(z.enum(PERIOD_KINDS, { message: 'errors.filterInvalid' })),
    year: optional(z.coerce.number().int().min(2000, 'errors.filterInvalid').max(2100, 'errors.filterInvalid')),
    quarter: optional(z.coerce.number().int().min(1, 'errors.filterInvalid').max(4, 'errors.filterInvalid')),
    from: optional(day),
    to: optional(day),
    region: optional(code),
    sector: optional(code),
    institutionKind: optional(z.enum(INSTITUTION_KINDS, { message: 'errors.filterInvalid' })),
    expertKind: optional(z.enum(EXPERT_KINDS, { message: 'errors.filterInvalid' })),
    theme: optional(z.enum(THEMES, { message: 'errors.filterInvalid' })),
  })
  .refine((q) => q.period !== 'custom' || (q.from && q.to && q.from <= q.to), { path: ['to'], message: 'reports.errors.range' });

export type ReportQuery = z.infer<typeof reportQuerySchema>;

/** What every report query filters on: a half-open period [from, to) and the optional filters. */
export interface ReportFilter {
  from: Date;
  to: Date;
  region?: string;
  sector?: string;
  institutionKind?: (typeof INSTITUTION_KINDS)[number];
  expertKind?: (typeof EXPERT_KINDS)[number];
  theme?: (typeof THEMES)[number];
}

const utc = (y: number, m: number, d = 1) => new Date(Date.UTC(y, m, d));

/**
 * Turns the query into dates. Default: the quarter that contains today, the officer's Monday question. "all" runs
 * from 2000 (before any programme data) to the end of next year (missions are planned ahead).
 */
export function resolveFilter(q: ReportQuery, today = new Date()): ReportFilter {
  const period = q.period ?? 'quarter';
  const year = q.year ?? today.getUTCFullYear();
  let from: Date;
  let to: Date;
  if (period === 'year') [from, to] = [utc(year, 0), utc(year + 1, 0)];
  else if (period === 'custom') [from, to] = [new Date(`${q.from!}T00:00:00Z`), new Date(new Date(`${q.to!}T00:00:00Z`).getTime() + 86_400_000)];
  else if (period === 'all') [from, to] = [utc(2000, 0), utc(today.getUTCFullYear() + 2, 0)];
  else {
    const quarter = q.quarter ?? Math.floor(today.getUTCMonth() / 3) + 1;
    [from, to] = [utc(year, (quarter - 1) * 3), utc(year, quarter * 3)];
  }
  const { region, sector, institutionKind, expertKind, theme } = q;
  return { from, to, region, sector, institutionKind, expertKind, theme };
}

/** The query string of a filter, for the CSV links and the map's indicator switch (same figures, same filter). */
export function queryString(q: ReportQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...q, ...extra })) if (v !== undefined && v !== '') params.set(k, String(v));
  return params.toString();
}

/** Only the known parameters, as strings (req.query may hold arrays or objects). */
export function pickQuery(query: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ['period', 'year', 'quarter', 'from', 'to', 'region', 'sector', 'institutionKind', 'expertKind', 'theme']) {
    if (typeof query[k] === 'string') out[k] = query[k];
  }
  return out;
}
