import { z } from 'zod';
import { FULL_SHARE, parseCents, parseHundredths } from './money.js';

/**
 * The document of a co-financing rule set, as an admin saves it and as the evaluator reads it. A small schema of
 * our own rather than json-logic: each rule kind has a reason the user reads in their language, amounts are exact
 * decimals (json-logic computes in floats), and a wrong document is refused field by field on save.
 */
const money = z.string().regex(/^\d{1,12}(\.\d{1,2})?$/, 'invest.admin.errors.money').refine((v) => parseCents(v) !== undefined);
const percent = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,2})?$/, 'invest.admin.errors.percent')
  .refine((v) => (parseHundredths(v) ?? FULL_SHARE + 1n) <= FULL_SHARE, 'invest.admin.errors.percent');
const ruleId = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'invest.admin.errors.ruleId');
const sectorCode = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);

export const PROJECT_KINDS = ['creation', 'extension'] as const;
export const PROMOTER_STATUSES = ['abroad', 'returned'] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];
export type PromoterStatus = (typeof PROMOTER_STATUSES)[number];

export const RuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ id: ruleId, kind: z.literal('min_total_cost'), min: money }),
  z.strictObject({ id: ruleId, kind: z.literal('min_own_funds_share'), minPercent: percent }),
  z.strictObject({ id: ruleId, kind: z.literal('min_diaspora_share'), minPercent: percent }),
  z.strictObject({ id: ruleId, kind: z.literal('project_kind'), allowed: z.array(z.enum(PROJECT_KINDS)).min(1) }),
  z.strictObject({
    id: ruleId, kind: z.literal('promoter_status'), allowed: z.array(z.enum(PROMOTER_STATUSES)).min(1),
    maxReturnedMonths: z.number().int().min(0).max(600),
  }),
  z.strictObject({ id: ruleId, kind: z.literal('sector_in'), sectors: z.array(sectorCode).min(1).max(50) }),
]);
export type Rule = z.infer<typeof RuleSchema>;
export type RuleKind = Rule['kind'];

export const RuleSetDocumentSchema = z.strictObject({
  currency: z.string().regex(/^[A-Z]{3}$/),
  rules: z
    .array(RuleSchema)
    .min(1)
    .max(30)
    .refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, 'invest.admin.errors.duplicateRule'),
  /** the grant: a percentage of the diaspora promoters' share of the project, capped */
  grant: z.strictObject({ percentOfDiasporaShare: percent, cap: money }),
});
export type RuleSetDocument = z.infer<typeof RuleSetDocumentSchema>;

/** A rule set as stored: its version, name and effective date with the validated document. */
export interface RuleSet {
  version: number;
  name: string;
  effectiveFrom: Date;
  document: RuleSetDocument;
}
