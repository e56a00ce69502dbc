import { z } from 'zod';
import { isoDay } from '../lib/iso-day.js';
import { EXPERT_KINDS, audiencesField, type ExpertKind } from '../amedip/audiences.js';

export { EXPERT_KINDS };
export const SKILL_ROWS = 8;
export const LANGUAGE_ROWS = 4;
const CEFR = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native'] as const;

const text = (min: number, max: number) => z.string().trim().min(min, min > 1 ? 'validation.tooShort' : 'validation.required').max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional().transform((v) => (v ? v : undefined));
const day = isoDay;
const checkbox = z.literal('on').optional();

const skillRows = Object.fromEntries(
  Array.from({ length: SKILL_ROWS }, (_, i) => [
    [`skill_${i}`, optionalText(200)],
    [`level_${i}`, z.enum(['1', '2', '3', '4']).optional()],
    [`requirement_${i}`, z.enum(['required', 'desirable']).optional()],
  ]).flat(),
);
const languageRows = Object.fromEntries(
  Array.from({ length: LANGUAGE_ROWS }, (_, i) => [
    [`lang_${i}`, optionalText(10)],
    [`langLevel_${i}`, z.enum(CEFR).optional()],
  ]).flat(),
);

/**
 * The need editor's form. Skills come as up to 8 rows (typed label or code, minimum level, required or desirable)
 * and languages as up to 4 rows; empty rows are ignored. Business rules that need the database (does the skill
 * exist, is the sector known) are checked by the command.
 */
export const needFormSchema = z
  .object({
    institutionId: optionalText(36),
    version: z.coerce.number().int().min(0).max(2_147_483_647).optional(),
    title: text(5, 200),
    description: text(20, 5000),
    baseline: optionalText(2000),
    sectorCode: text(1, 40),
    regionCode: text(1, 10),
    city: optionalText(100),
    communeCode: optionalText(70),
    mode: z.enum(['on_site', 'remote', 'hybrid'], { message: 'validation.choice' }),
    windowStart: day,
    windowEnd: day,
    durationDays: z.coerce.number({ message: 'validation.number' }).int('validation.number').min(1, 'validation.min').max(365, 'validation.max'),
    expertsWanted: z.coerce.number({ message: 'validation.number' }).int('validation.number').min(1, 'validation.min').max(50, 'validation.max'),
    climateTag: checkbox,
    genderTag: checkbox,
    audiences: audiencesField,
    ...skillRows,
    ...languageRows,
  })
  .superRefine((raw, ctx) => {
    // the row fields are built dynamically, which hides the other fields' types from the compiler here
    const v = raw as unknown as { windowStart: string; windowEnd: string; durationDays: number };
    if (v.windowEnd < v.windowStart) ctx.addIssue({ code: 'custom', path: ['windowEnd'], message: 'needs.errors.windowOrder' });
    const windowDays = (Date.parse(v.windowEnd) - Date.parse(v.windowStart)) / 86_400_000 + 1;
    if (v.windowEnd >= v.windowStart && v.durationDays > windowDays) {
      ctx.addIssue({ code: 'custom', path: ['durationDays'], message: 'needs.errors.durationBeyondWindow' });
    }
    const rows = skillRowsOf(raw as Record<string, unknown>);
    if (!rows.some((r) => r.requirement === 'required')) ctx.addIssue({ code: 'custom', path: ['skill_0'], message: 'needs.errors.requiredSkill' });
  });

export interface NeedForm {
  institutionId?: string;
  version?: number;
  title: string;
  description: string;
  baseline?: string;
  sectorCode: string;
  regionCode: string;
  city?: string;
  communeCode?: string;
  mode: 'on_site' | 'remote' | 'hybrid';
  windowStart: string;
  windowEnd: string;
  durationDays: number;
  expertsWanted: number;
  climateTag?: 'on';
  genderTag?: 'on';
  audiences?: ExpertKind[];
  [row: string]: unknown;
}

export interface SkillRow {
  index: number;
  skill: string;
  level: number;
  requirement: 'required' | 'desirable';
}

/** Filled skill rows; a row without a level counts as level 3, without a requirement as required. */
export function skillRowsOf(form: Record<string, unknown>): SkillRow[] {
  const rows: SkillRow[] = [];
  for (let i = 0; i < SKILL_ROWS; i++) {
    const skill = form[`skill_${i}`];
    if (typeof skill !== 'string' || !skill) continue;
    rows.push({
      index: i,
      skill,
      level: Number(form[`level_${i}`] ?? 3),
      requirement: form[`requirement_${i}`] === 'desirable' ? 'desirable' : 'required',
    });
  }
  return rows;
}

export function languageRowsOf(form: Record<string, unknown>): { index: number; language: string; level: (typeof CEFR)[number] }[] {
  const rows = [];
  for (let i = 0; i < LANGUAGE_ROWS; i++) {
    const language = form[`lang_${i}`];
    if (typeof language !== 'string' || !language) continue;
    const level = (form[`langLevel_${i}`] as (typeof CEFR)[number] | undefined) ?? 'B2';
    rows.push({ index: i, language, level });
  }
  return rows;
}
