import { z } from 'zod';

export const PAGE_SIZE = 12;
export const MAX_QUERY_LENGTH = 200;
export const MAX_PAGE = 10_000;

const code = z.string().trim().regex(/^[A-Za-z0-9_]{1,40}$/, 'errors.filterInvalid');
const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (v === '' || v === undefined ? undefined : v), schema.optional());

/**
 * Query string of the public catalogue. Page numbers are clamped rather than refused (a stale link still lands
 * somewhere useful); a search text that is too long or a malformed filter is refused with a message.
 */
export const catalogueQuerySchema = z.object({
  q: optional(z.string().trim().max(MAX_QUERY_LENGTH, 'errors.searchTooLong')),
  sector: optional(code),
  region: optional(code),
  mode: optional(z.enum(['on_site', 'remote', 'hybrid'], { message: 'errors.filterInvalid' })),
  page: z.preprocess((v) => {
    const n = typeof v === 'string' ? Number.parseInt(v, 10) : NaN;
    return Number.isFinite(n) ? Math.min(Math.max(n, 1), MAX_PAGE) : 1;
  }, z.number().int()),
});

export type CatalogueQuery = z.infer<typeof catalogueQuerySchema>;

/** Only the known keys are read; repeated parameters (?q=a&q=b) are refused as malformed, not crashed on. */
export function pickCatalogueParams(query: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ['q', 'sector', 'region', 'mode', 'page']) {
    const value = query[key];
    out[key] = Array.isArray(value) ? { repeated: true } : value;
  }
  return out;
}
