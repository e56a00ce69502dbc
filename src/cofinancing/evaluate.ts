import { centsToDecimal, FULL_SHARE, hundredthsToPercent, maxBig, minBig, parseCents, parseHundredths, shareOf } from './money.js';
import type { ProjectKind, PromoterStatus, Rule, RuleSet } from './rules.js';

/** What the evaluator reads about a project (from the simulator's query string or a stored project). */
export interface ProjectFacts {
  /** centimes */
  totalCost: bigint;
  /** the diaspora promoters' share of the capital, hundredths of a percent (10000 = 100 %) */
  diasporaShare: bigint;
  /** own funds of the diaspora promoters in foreign currency, centimes */
  ownFunds: bigint;
  /** other cash contributions, centimes */
  otherFunds: bigint;
  sector: string;
  kind: ProjectKind;
  promoter: PromoterStatus;
  returnedMonthsAgo?: number;
}

/** One rule's outcome: the i18n key of its reason and the values it names (amounts as exact decimals). */
export interface RuleOutcome {
  ruleId: string;
  kind: Rule['kind'];
  passed: boolean;
  /** key under invest.rules.<kind>. */
  reason: string;
  params: Record<string, string>;
}

export interface FinancingPlan {
  ownFunds: string;
  grant: string;
  bankCredit: string;
  otherFunds: string;
}

export interface Evaluation {
  ruleSetVersion: number;
  eligible: boolean;
  outcomes: RuleOutcome[];
  /** the diaspora promoters' share of the total cost */
  diasporaAmount: string;
  /** 0 when not eligible */
  grant: string;
  grantCapped: boolean;
  plan: FinancingPlan;
}

const pct = (s: string) => parseHundredths(s) ?? 0n;
const money = (s: string) => parseCents(s) ?? 0n;

function check(rule: Rule, p: ProjectFacts): RuleOutcome {
  const base = { ruleId: rule.id, kind: rule.kind };
  switch (rule.kind) {
    case 'min_total_cost': {
      const passed = p.totalCost >= money(rule.min);
      return { ...base, passed, reason: passed ? 'pass' : 'fail', params: { amount: centsToDecimal(p.totalCost), min: centsToDecimal(money(rule.min)) } };
    }
    case 'min_own_funds_share': {
      // own funds ≥ minPercent of the total cost, compared as integers: own × 10000 ≥ total × minPercent
      const passed = p.ownFunds * FULL_SHARE >= p.totalCost * pct(rule.minPercent);
      return {
        ...base, passed, reason: passed ? 'pass' : 'fail',
        params: { amount: centsToDecimal(p.ownFunds), percent: hundredthsToPercent(shareOf(p.ownFunds, p.totalCost)), minPercent: rule.minPercent },
      };
    }
    case 'min_diaspora_share': {
      const passed = p.diasporaShare >= pct(rule.minPercent);
      return { ...base, passed, reason: passed ? 'pass' : 'fail', params: { percent: hundredthsToPercent(p.diasporaShare), minPercent: rule.minPercent } };
    }
    case 'project_kind': {
      const passed = rule.allowed.includes(p.kind);
      return { ...base, passed, reason: passed ? 'pass' : 'fail', params: { kind: p.kind } };
    }
    case 'promoter_status': {
      if (!rule.allowed.includes(p.promoter)) return { ...base, passed: false, reason: 'notAllowed', params: { status: p.promoter } };
      if (p.promoter === 'abroad') return { ...base, passed: true, reason: 'abroad', params: {} };
      const months = p.returnedMonthsAgo ?? Number.POSITIVE_INFINITY;
      const passed = months <= rule.maxReturnedMonths;
      return {
        ...base, passed, reason: passed ? 'returned' : 'returnedTooLong',
        params: { months: Number.isFinite(months) ? String(months) : '?', max: String(rule.maxReturnedMonths) },
      };
    }
    case 'sector_in': {
      const passed = rule.sectors.includes(p.sector);
      return { ...base, passed, reason: passed ? 'pass' : 'fail', params: { sector: p.sector, sectors: rule.sectors.join(',') } };
    }
  }
}

/**
 * Applies a rule set to a project: pure, exact, no I/O. Every rule is checked (the user sees all the reasons at
 * once, not the first failure). The grant is a percentage of the diaspora share of the total cost, rounded down
 * to the centime and capped; the bank (or other contributions) finances what own funds and grant leave.
 */
export function evaluate(ruleSet: Pick<RuleSet, 'version' | 'document'>, p: ProjectFacts): Evaluation {
  const doc = ruleSet.document;
  const outcomes = doc.rules.map((r) => check(r, p));
  const eligible = outcomes.every((o) => o.passed);
  const diasporaAmount = (p.totalCost * p.diasporaShare) / FULL_SHARE;
  const uncapped = (diasporaAmount * pct(doc.grant.percentOfDiasporaShare)) / FULL_SHARE;
  const cap = money(doc.grant.cap);
  const grant = eligible ? minBig(uncapped, cap) : 0n;
  const bankCredit = maxBig(0n, p.totalCost - p.ownFunds - p.otherFunds - grant);
  return {
    ruleSetVersion: ruleSet.version,
    eligible,
    outcomes,
    diasporaAmount: centsToDecimal(diasporaAmount),
    grant: centsToDecimal(grant),
    grantCapped: eligible && uncapped > cap,
    plan: { ownFunds: centsToDecimal(p.ownFunds), grant: centsToDecimal(grant), bankCredit: centsToDecimal(bankCredit), otherFunds: centsToDecimal(p.otherFunds) },
  };
}
