import { z } from 'zod';

export const INSTITUTIONS_PAGE_SIZE = 20;
export const INSTITUTION_KINDS = ['ministry', 'university', 'hospital', 'regional_agency', 'commune', 'cooperative', 'public_agency', 'ngo'] as const;

const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (v === '' || v === undefined ? undefined : v), schema.optional());

/** The public list's query string: malformed filters are refused with a message, page numbers clamped. */
export const institutionListSchema = z.object({
  region: optional(z.string().regex(/^[A-Za-z0-9_]{1,10}$/, 'errors.filterInvalid')),
  kind: optional(z.enum(INSTITUTION_KINDS, { message: 'errors.filterInvalid' })),
  page: z.preprocess((v) => {
    const n = typeof v === 'string' ? Number.parseInt(v, 10) : NaN;
    return Number.isFinite(n) ? Math.min(Math.max(n, 1), 10_000) : 1;
  }, z.number().int()),
});
export type InstitutionListQuery = z.infer<typeof institutionListSchema>;

export function pickListParams(query: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ['region', 'kind', 'page']) out[key] = Array.isArray(query[key]) ? { repeated: true } : query[key];
  return out;
}

export const descriptionSchema = z.object({
  description: z.string().trim().max(3000, 'validation.tooLong'),
});

/** Rejecting an institution tells its members why: the reason is required. */
export const rejectSchema = z.object({
  reason: z.string({ message: 'validation.rejectionReason' }).trim().min(10, 'validation.rejectionReason').max(1000, 'validation.tooLong'),
});

export const emptySchema = z.object({});
