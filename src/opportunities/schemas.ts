import { z } from 'zod';
import { amount } from '../cofinancing/facts-schema.js';

const text = (max: number) => z.string({ message: 'validation.required' }).trim().min(1, 'validation.required').max(max, 'validation.tooLong');
const code = z.string().trim().regex(/^[A-Za-z0-9_]{1,40}$/, 'validation.choice');

/** The opportunity form; `institutionId` is empty when an officer publishes for the programme. */
export const opportunitySchema = z.object({
  title: text(200),
  description: text(5000),
  kind: z.enum(['offer', 'seek'], { message: 'validation.choice' }),
  sector: code,
  region: code,
  city: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().max(120, 'validation.tooLong').optional()),
  ticketMin: amount(),
  ticketMax: amount(),
  institutionId: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^[0-9a-f-]{36}$/i, 'validation.choice').optional()),
});
export type OpportunityInput = z.infer<typeof opportunitySchema>;

export const interestSchema = z.object({ message: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().max(2000, 'validation.tooLong').optional()) });
export const answerSchema = z.object({ answer: text(2000) });

const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (v === '' || v === undefined ? undefined : v), schema.optional());

/** Query string of /invest/opportunities: a bad filter is refused with a message next to it. */
export const opportunityQuerySchema = z.object({
  q: optional(z.string().trim().max(200, 'errors.searchTooLong')),
  sector: optional(z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/, 'errors.filterInvalid')),
  region: optional(z.string().trim().regex(/^[A-Z]{1,8}$/, 'errors.filterInvalid')),
  kind: optional(z.enum(['offer', 'seek'], { message: 'errors.filterInvalid' })),
  page: z.preprocess((v) => {
    const n = typeof v === 'string' ? Number.parseInt(v, 10) : NaN;
    return Number.isFinite(n) ? Math.min(Math.max(n, 1), 10_000) : 1;
  }, z.number().int()),
});
export type OpportunityQuery = z.infer<typeof opportunityQuerySchema>;
