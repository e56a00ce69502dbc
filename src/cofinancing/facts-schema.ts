import { z } from 'zod';
import type { FieldErrors } from '../http/forms.js';
import type { ProjectFacts } from './evaluate.js';
import { FULL_SHARE, MAX_CENTS, parseCents, parseHundredths } from './money.js';
import { PROJECT_KINDS, PROMOTER_STATUSES } from './rules.js';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** An amount typed by a person: positive (or ≥ 0 when `zero` is allowed), at most 10^12, two decimals at most. */
export function amount(options: { zero?: boolean } = {}) {
  return z.string({ message: 'validation.required' }).trim().min(1, 'validation.required').transform((v, ctx) => {
    const cents = parseCents(v);
    if (cents === undefined) {
      ctx.addIssue({ code: 'custom', message: /^-/.test(v) ? 'invest.errors.negative' : 'invest.errors.amount' });
      return z.NEVER;
    }
    if (cents === 0n && !options.zero) ctx.addIssue({ code: 'custom', message: 'invest.errors.positive' });
    else if (cents > MAX_CENTS) ctx.addIssue({ code: 'custom', message: 'invest.errors.tooLarge' });
    return cents;
  });
}

/** A share of the capital in percent: more than 0, at most 100. */
const share = z.string({ message: 'validation.required' }).trim().min(1, 'validation.required').transform((v, ctx) => {
  const h = parseHundredths(v);
  if (h === undefined) ctx.addIssue({ code: 'custom', message: /^-/.test(v) ? 'invest.errors.sharePositive' : 'invest.errors.percent' });
  else if (h === 0n) ctx.addIssue({ code: 'custom', message: 'invest.errors.sharePositive' });
  else if (h > FULL_SHARE) ctx.addIssue({ code: 'custom', message: 'invest.errors.shareOver100' });
  return h ?? 0n;
});

/**
 * The financial facts of a project, as the simulator's query string and the project form both send them. The
 * sector is checked against the reference list by the caller (it lives in the database).
 */
export const factsShape = {
  totalCost: amount(),
  diasporaShare: share,
  ownFunds: amount(),
  otherFunds: z.preprocess(blankToUndefined, amount({ zero: true }).optional()),
  sector: z.string({ message: 'validation.required' }).trim().regex(/^[a-z][a-z0-9_]{0,39}$/, 'invest.errors.sector'),
  kind: z.enum(PROJECT_KINDS, { message: 'validation.choice' }),
  promoter: z.enum(PROMOTER_STATUSES, { message: 'validation.choice' }),
  returnedMonthsAgo: z.preprocess(
    blankToUndefined,
    z.coerce.number({ message: 'invest.errors.months' }).int('invest.errors.months').min(0, 'invest.errors.months').max(600, 'invest.errors.months').optional(),
  ),
};

export const factsSchema = z.object(factsShape);
export type FactsInput = z.infer<typeof factsSchema>;

/** Checks that need several fields at once; each error sits next to the field the user should change. */
export function crossCheckFacts(f: FactsInput, sectorCodes: readonly string[]): FieldErrors {
  const errors: FieldErrors = {};
  if (f.ownFunds > f.totalCost) errors.ownFunds = { key: 'invest.errors.ownFundsAboveTotal' };
  else if (f.ownFunds + (f.otherFunds ?? 0n) > f.totalCost) errors.otherFunds = { key: 'invest.errors.fundsAboveTotal' };
  if (!sectorCodes.includes(f.sector)) errors.sector = { key: 'invest.errors.sector' };
  if (f.promoter === 'returned' && f.returnedMonthsAgo === undefined) errors.returnedMonthsAgo = { key: 'invest.errors.monthsRequired' };
  return errors;
}

export function toFacts(f: FactsInput): ProjectFacts {
  return {
    totalCost: f.totalCost, diasporaShare: f.diasporaShare, ownFunds: f.ownFunds, otherFunds: f.otherFunds ?? 0n,
    sector: f.sector, kind: f.kind, promoter: f.promoter,
    returnedMonthsAgo: f.promoter === 'returned' ? f.returnedMonthsAgo : undefined,
  };
}
