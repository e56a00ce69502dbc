import type { Evaluation, ProjectFacts, RuleOutcome } from '../cofinancing/evaluate.js';
import { parseHundredths, toCents } from '../cofinancing/money.js';
import type { InvestmentProject } from '../generated/prisma/client.js';

/** The evaluator's view of a stored project. */
export function factsOf(p: Pick<InvestmentProject, 'totalCost' | 'diasporaSharePercent' | 'ownFunds' | 'otherFunds' | 'sectorCode' | 'kind' | 'promoterStatus' | 'returnedMonthsAgo'>): ProjectFacts {
  return {
    totalCost: toCents(p.totalCost), diasporaShare: parseHundredths(p.diasporaSharePercent.toString()) ?? 0n,
    ownFunds: toCents(p.ownFunds), otherFunds: toCents(p.otherFunds), sector: p.sectorCode, kind: p.kind,
    promoter: p.promoterStatus, returnedMonthsAgo: p.returnedMonthsAgo ?? undefined,
  };
}

export interface OverrideView {
  ruleId: string;
  passed: boolean;
  reason: string;
  createdAt: Date;
  officer?: { displayName: string | null } | null;
}

export interface CheckedRule {
  auto: RuleOutcome;
  /** the latest officer's decision on this rule, kept beside the automatic outcome */
  override?: OverrideView;
  passed: boolean;
}

/** Each rule's automatic outcome with the officer's latest override beside it; the override decides. */
export function effectiveOutcomes(evaluation: Pick<Evaluation, 'outcomes'>, overrides: readonly OverrideView[]): { rules: CheckedRule[]; eligible: boolean } {
  const latest = new Map<string, OverrideView>();
  for (const o of [...overrides].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) latest.set(o.ruleId, o);
  const rules = evaluation.outcomes.map((auto) => {
    const override = latest.get(auto.ruleId);
    return { auto, override, passed: override ? override.passed : auto.passed };
  });
  return { rules, eligible: rules.every((r) => r.passed) };
}

/** The stored JSON of an evaluation, read back (written by our own code only). */
export function evaluationOf(json: unknown): Evaluation | undefined {
  const e = json as Partial<Evaluation> | null;
  return e && Array.isArray(e.outcomes) && typeof e.eligible === 'boolean' ? (e as Evaluation) : undefined;
}
