import { z } from 'zod';
import { isRealDay, dayOfIso } from '../lib/iso-day.js';

/**
 * Building blocks of the editor's zod schemas. A form posts strings (and repeated names for check boxes);
 * these turn them into what the database holds, with message keys the views translate.
 */

/** Free text, trimmed; empty means "not given" (null). */
export const optionalText = (max: number) =>
  z.string().trim().max(max, 'validation.tooLong').transform((v) => (v === '' ? null : v));

export const requiredText = (max: number) => z.string().trim().min(1, 'validation.required').max(max, 'validation.tooLong');

/** A whole number within bounds, or empty (null). `key` names the message that states the bounds. */
export const optionalInt = (min: number, max: number, key: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === '' || (/^\d{1,4}$/.test(v) && Number(v) >= min && Number(v) <= max), key)
    .transform((v) => (v === '' ? null : Number(v)));

export const requiredInt = (min: number, max: number, key: string) =>
  z
    .string()
    .trim()
    .refine((v) => /^\d{1,4}$/.test(v) && Number(v) >= min && Number(v) <= max, key)
    .transform(Number);

/** One of the given codes, or empty (null). */
export const optionalChoice = <T extends string>(values: readonly T[]) =>
  z.union([z.literal(''), z.enum(values as [T, ...T[]])], { message: 'validation.choice' }).transform((v) => (v === '' ? null : v));

export const choice = <T extends string>(values: readonly T[]) => z.enum(values as [T, ...T[]], { message: 'validation.choice' });

/** Check boxes or repeated selects: absent, one value or several; blanks dropped, duplicates merged. */
export const manyOf = <T extends string>(values: readonly T[], max: number) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => [...new Set((v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((s) => s !== ''))])
    .pipe(z.array(z.enum(values as [T, ...T[]], { message: 'validation.choice' })).max(max, 'validation.expert.tooMany'));

/** A calendar date as <input type="date"> sends it (YYYY-MM-DD), as a UTC midnight Date; checked by src/lib. */
export const isoDate = z.string().trim().min(1, 'validation.required').refine(isRealDay, 'validation.date').transform(dayOfIso);

/** A phone number as people write it: digits, spaces, a leading +, dots, dashes and brackets. */
export const optionalPhone = z
  .string()
  .trim()
  .max(30, 'validation.tooLong')
  .refine((v) => v === '' || /^\+?[0-9][0-9 ().-]{5,28}$/.test(v), 'validation.expert.phone')
  .transform((v) => (v === '' ? null : v));

/** Forms that carry nothing but their CSRF token: anything else in them is refused. */
export const emptySchema = z.object({});
