import { z } from 'zod';
import { manyOf } from '../experts/form-fields.js';
import { LANGUAGE_CODES } from '../reference/codes.js';

export const EXCHANGE_THEMES = ['diaspora_engagement', 'skills_register', 'remittances', 'migration_governance', 'return_reintegration', 'local_development'] as const;
export const EXCHANGE_FORMATS = ['study_visit', 'workshop', 'remote_session'] as const;

const text = (min: number, max: number) => z.string().trim().min(min, min > 1 ? 'validation.tooShort' : 'validation.required').max(max, 'validation.tooLong');

/** An exchange offer or request, as its form posts it. */
export const listingSchema = z.object({
  kind: z.enum(['offer', 'request'], { message: 'validation.choice' }),
  institutionId: z.string().trim().uuid('validation.choice'),
  title: text(5, 200),
  description: text(20, 5000),
  theme: z.enum(EXCHANGE_THEMES, { message: 'validation.choice' }),
  sectorCode: text(1, 40),
  formats: manyOf(EXCHANGE_FORMATS, 3).refine((v) => v.length > 0, 'validation.required'),
  languages: manyOf(LANGUAGE_CODES, 6).refine((v) => v.length > 0, 'validation.required'),
});
export type ListingInput = z.infer<typeof listingSchema>;

export const proposeSchema = z.object({ offerId: z.string().trim().uuid('validation.choice') });

export const transitionSchema = z.object({
  action: z.enum(['agree', 'hold', 'report', 'cancel'], { message: 'validation.choice' }),
  version: z.coerce.number().int().min(0).max(2_147_483_647),
  /** the report of what was learnt (required to report), or a note */
  note: z.string().trim().max(5000, 'validation.tooLong').optional().transform((v) => v || undefined),
});
