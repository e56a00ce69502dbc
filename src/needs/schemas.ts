import { z } from 'zod';
import { isRealDay } from '../lib/iso-day.js';
import { LANGUAGE_CODES } from '../reference/codes.js';
import { EXPERT_KINDS } from '../amedip/audiences.js';

export const PAGE_SIZE = 12;
export const MAX_QUERY_LENGTH = 200;
export const MAX_SKILL_LENGTH = 100;
export const MAX_PAGE = 10_000;
export const CATALOGUE_SORTS = ['relevance', 'newest', 'start', 'closing'] as const;
export type CatalogueSort = (typeof CATALOGUE_SORTS)[number];

const PARAMS = ['q', 'sector', 'region', 'mode', 'audience', 'climate', 'gender', 'skill', 'language', 'from', 'to', 'sort', 'page'] as const;

const code = z.string().trim().regex(/^[A-Za-z0-9_]{1,40}$/, 'errors.filterInvalid');
const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (v === '' || v === undefined ? undefined : v), schema.optional());
/** A calendar day that exists (2027-02-30 is refused, not rolled over to March), in the catalogue's own words. */
const day = z.string().trim().refine(isRealDay, 'catalogue.errors.date');

/**
 * Query string of the public catalogue. Page numbers are clamped rather than refused (a stale link still lands
 * somewhere useful); a search text that is too long, a malformed filter or an impossible date range is refused
 * with a message next to its field.
 */
export const catalogueQuerySchema = z
  .object({
    q: optional(z.string().trim().max(MAX_QUERY_LENGTH, 'errors.searchTooLong')),
    sector: optional(code),
    region: optional(code),
    mode: optional(z.enum(['on_site', 'remote', 'hybrid'], { message: 'errors.filterInvalid' })),
    /** needs open to this kind of expert (a need may be open to several) */
    audience: optional(z.enum(EXPERT_KINDS as [string, ...string[]], { message: 'errors.filterInvalid' })),
    /** transversal themes (check boxes): needs tagged climate, gender; both ticked means both tags */
    climate: optional(z.literal('on', { message: 'errors.filterInvalid' })),
    gender: optional(z.literal('on', { message: 'errors.filterInvalid' })),
    /** a skill code or label (any of the three languages); resolved against the taxonomy by the route */
    skill: optional(z.string().trim().min(2, 'catalogue.errors.unknownSkill').max(MAX_SKILL_LENGTH, 'catalogue.errors.unknownSkill')),
    language: optional(z.enum(LANGUAGE_CODES as [string, ...string[]], { message: 'errors.filterInvalid' })),
    from: optional(day),
    to: optional(day),
    sort: optional(z.enum(CATALOGUE_SORTS, { message: 'errors.filterInvalid' })),
    page: z.preprocess((v) => {
      const n = typeof v === 'string' ? Number.parseInt(v, 10) : NaN;
      return Number.isFinite(n) ? Math.min(Math.max(n, 1), MAX_PAGE) : 1;
    }, z.number().int()),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'catalogue.errors.dateOrder' });
  });

export type CatalogueQuery = z.infer<typeof catalogueQuerySchema>;

/** Relevance only means something with a search text; without one the newest needs come first. */
export function effectiveSort(query: Pick<CatalogueQuery, 'q' | 'sort'>, hasSearch: boolean): CatalogueSort {
  if (query.sort && (query.sort !== 'relevance' || hasSearch)) return query.sort;
  return hasSearch ? 'relevance' : 'newest';
}

/** Only the known keys are read; repeated parameters (?q=a&q=b) are refused as malformed, not crashed on. */
export function pickCatalogueParams(query: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of PARAMS) {
    const value = query[key];
    out[key] = Array.isArray(value) ? { repeated: true } : value;
  }
  return out;
}

/** What the filter form and the page links show back: strings only, never the request object itself. */
export function echoCatalogueParams(query: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of PARAMS) {
    if (key === 'page') continue;
    const v = query[key];
    out[key] = typeof v === 'string' ? v.slice(0, 300) : '';
  }
  return out;
}
