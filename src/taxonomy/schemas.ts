import { z } from 'zod';

const skillCode = z.string({ message: 'validation.required' }).trim().min(1, 'validation.required').regex(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/, 'refAdmin.errors.code').max(80, 'validation.tooLong');
const label = z.string({ message: 'validation.required' }).trim().min(1, 'refAdmin.errors.labelEmpty').max(200, 'validation.tooLong');
const optionalCode = z.preprocess((v) => (v === '' ? undefined : v), skillCode.optional());

/** A label in each of the three languages: one left empty refuses the whole form (pickers show all three). */
const labels = { labelFr: label, labelAr: label, labelEn: label };

export const addSkillSchema = z.object({ code: skillCode, sector: z.string().trim().regex(/^[a-z_]{1,40}$/, 'validation.choice'), broader: optionalCode, ...labels });
export const renameSkillSchema = z.object({ code: skillCode, ...labels });
export const moveSkillSchema = z.object({ code: skillCode, broader: optionalCode });
export const mergeSkillsSchema = z.object({ from: skillCode, into: skillCode });
export const activeSkillSchema = z.object({ code: skillCode, active: z.enum(['true', 'false']) });
