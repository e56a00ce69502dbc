import { INTL_LOCALE } from '../i18n/format.js';
import type { Locale } from '../i18n/i18n.js';

export type ValueKind = 'count' | 'money' | 'percent' | 'days' | 'rating';

/**
 * One figure of the report: the numbers of its table, its chart and its CSV, all three drawn from these rows so
 * they cannot disagree. Percentages are stored in percent units rounded to one decimal, days and ratings to one
 * decimal, money to the centime: what the table shows is what the CSV holds.
 */
export interface Figure {
  id: string;
  title: string;
  /** heading of the label column */
  labelHeading: string;
  columns: { label: string; kind: ValueKind }[];
  rows: { key: string; label: string; values: (number | null)[] }[];
  /** the column drawn as bars; absent: a table only */
  chart?: number;
  note?: string;
}

export interface Summary { label: string; value: number | null; kind: ValueKind; testid?: string }

export interface Section { id: SectionId; title: string; summary: Summary[]; figures: Figure[]; note?: string }

export const SECTION_IDS = ['experts', 'needs', 'candidacies', 'missions', 'themes', 'investments'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const round1 = (v: number | null | undefined) => (v === null || v === undefined || Number.isNaN(v) ? null : Math.round(v * 10) / 10);
export const round2 = (v: number) => Math.round(v * 100) / 100;
/** A share in percent, one decimal; null when there is nothing to divide by (shown as "—", never as 0 %). */
export const share = (part: number, whole: number) => (whole > 0 ? round1((100 * part) / whole) : null);

const cache = new Map<string, (v: number) => string>();

/** A value as the reader's locale writes it (Intl), with the same digits as the rest of the page. */
export function formatValue(lng: Locale, kind: ValueKind, value: number | null, currency = 'MAD'): string {
  if (value === null) return '—';
  const key = `${lng}:${kind}:${currency}`;
  let f = cache.get(key);
  if (!f) {
    const tag = INTL_LOCALE[lng];
    const base = { numberingSystem: 'latn' };
    const nf =
      kind === 'money' ? new Intl.NumberFormat(tag, { ...base, style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 2 })
      : kind === 'percent' ? new Intl.NumberFormat(tag, { ...base, style: 'percent', maximumFractionDigits: 1 })
      : kind === 'count' ? new Intl.NumberFormat(tag, { ...base, maximumFractionDigits: 0 })
      : new Intl.NumberFormat(tag, { ...base, maximumFractionDigits: 1 });
    f = kind === 'percent' ? (v) => nf.format(v / 100) : (v) => nf.format(v);
    cache.set(key, f);
  }
  return f(value);
}
