import { z } from 'zod';
import { factsShape } from '../cofinancing/facts-schema.js';
import type { FieldErrors } from '../http/forms.js';

export const CLIMATE_TAGS = ['renewable_energy', 'energy_efficiency', 'water_saving', 'waste_recycling', 'sustainable_agriculture'] as const;

const text = (max: number) => z.string({ message: 'validation.required' }).trim().min(1, 'validation.required').max(max, 'validation.tooLong');
const optionalText = (max: number) => z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().max(max, 'validation.tooLong').optional());
const jobs = z.preprocess(
  (v) => (v === '' || v === undefined ? 0 : v),
  z.coerce.number({ message: 'invest.errors.jobs' }).int('invest.errors.jobs').min(0, 'invest.errors.jobs').max(100_000, 'invest.errors.jobs'),
);
/** Checkboxes arrive as nothing, one string or several (repeated keys). */
const tags = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.enum(CLIMATE_TAGS, { message: 'validation.choice' })).max(CLIMATE_TAGS.length),
);

/** The project form: the simulator's facts plus what the officer and the bank need to know. */
export const projectSchema = z.object({
  ...factsShape,
  title: text(200),
  description: text(5000),
  region: z.string({ message: 'validation.required' }).trim().regex(/^[A-Z]{1,8}$/, 'validation.choice'),
  city: optionalText(120),
  bankId: z.string({ message: 'validation.required' }).trim().regex(/^[0-9a-f-]{36}$/i, 'validation.choice'),
  jobsWomen: jobs,
  jobsMen: jobs,
  jobsUnder30: jobs,
  climateTags: tags,
  /** the version the edit started from (absent when creating) */
  version: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(0).max(2_147_483_647).optional()),
});
export type ProjectInput = z.infer<typeof projectSchema>;

export function crossCheckProject(p: ProjectInput): FieldErrors {
  return p.jobsUnder30 > p.jobsWomen + p.jobsMen ? { jobsUnder30: { key: 'invest.errors.under30' } } : {};
}
