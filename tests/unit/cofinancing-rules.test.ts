import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, type ProjectFacts } from '../../src/cofinancing/evaluate.js';
import { centsToDecimal, parseCents, parseHundredths } from '../../src/cofinancing/money.js';
import { RuleSetDocumentSchema, type RuleSetDocument } from '../../src/cofinancing/rules.js';
import { MDM_INVEST_V1 } from '../helpers/invest.js';

const V1 = { version: 1, document: MDM_INVEST_V1 };
const mad = (text: string) => parseCents(text)!;

function facts(over: Partial<ProjectFacts> = {}): ProjectFacts {
  return { totalCost: mad('2000000'), diasporaShare: 10_000n, ownFunds: mad('600000'), otherFunds: 0n, sector: 'industry', kind: 'creation', promoter: 'abroad', ...over };
}
const outcome = (p: ProjectFacts, ruleId: string) => evaluate(V1, p).outcomes.find((o) => o.ruleId === ruleId)!;

describe('MDM Invest v1 at its boundaries', () => {
  it('the issue\'s example: 2 000 000 MAD, 100 % diaspora, 600 000 own funds, industry → eligible, grant 200 000', () => {
    const r = evaluate(V1, facts());
    expect(r.eligible).toBe(true);
    expect(r.grant).toBe('200000.00');
    expect(r.plan).toEqual({ ownFunds: '600000.00', grant: '200000.00', bankCredit: '1200000.00', otherFunds: '0.00' });
    expect(r.outcomes.map((o) => o.passed)).toEqual([true, true, true, true, true]);
  });

  it('999 999.99 MAD is below the minimum, 1 000 000 MAD exactly is enough', () => {
    const below = facts({ totalCost: mad('999999.99'), ownFunds: mad('250000') });
    expect(outcome(below, 'min_total_cost')).toMatchObject({ passed: false, reason: 'fail', params: { amount: '999999.99', min: '1000000.00' } });
    expect(evaluate(V1, below)).toMatchObject({ eligible: false, grant: '0.00' });
    const exact = facts({ totalCost: mad('1000000'), ownFunds: mad('250000') });
    expect(outcome(exact, 'min_total_cost').passed).toBe(true);
    expect(evaluate(V1, exact)).toMatchObject({ eligible: true, grant: '100000.00' });
  });

  it('own funds of 25 % exactly pass; one centime less fails', () => {
    expect(outcome(facts({ totalCost: mad('1000000'), ownFunds: mad('250000') }), 'own_funds')).toMatchObject({ passed: true, params: { percent: '25' } });
    expect(outcome(facts({ totalCost: mad('1000000'), ownFunds: mad('249999.99') }), 'own_funds').passed).toBe(false);
    // 25 % of an odd number of centimes: the comparison is exact, no rounding in favour of the project
    expect(outcome(facts({ totalCost: mad('1000000.01'), ownFunds: mad('250000') }), 'own_funds').passed).toBe(false);
  });

  it('a grant that reaches the cap: 10 % of 50 000 000 is exactly the cap, of 60 000 000 it is capped', () => {
    const atCap = evaluate(V1, facts({ totalCost: mad('50000000'), ownFunds: mad('12500000') }));
    expect(atCap).toMatchObject({ grant: '5000000.00', grantCapped: false });
    const over = evaluate(V1, facts({ totalCost: mad('60000000'), ownFunds: mad('15000000') }));
    expect(over).toMatchObject({ grant: '5000000.00', grantCapped: true, diasporaAmount: '60000000.00' });
  });

  it('a 40 % diaspora share with partners: the grant follows the diaspora share of the project', () => {
    const r = evaluate(V1, facts({ totalCost: mad('3000000'), diasporaShare: parseHundredths('40')!, ownFunds: mad('750000'), otherFunds: mad('1000000') }));
    expect(r).toMatchObject({ eligible: true, diasporaAmount: '1200000.00', grant: '120000.00' });
    expect(r.plan).toEqual({ ownFunds: '750000.00', grant: '120000.00', otherFunds: '1000000.00', bankCredit: '1130000.00' });
  });

  it('a promoter back for good 12 months ago passes, 13 months fails; a sector outside the list fails with the list named', () => {
    expect(outcome(facts({ promoter: 'returned', returnedMonthsAgo: 12 }), 'promoter')).toMatchObject({ passed: true, reason: 'returned' });
    expect(outcome(facts({ promoter: 'returned', returnedMonthsAgo: 13 }), 'promoter')).toMatchObject({ passed: false, reason: 'returnedTooLong', params: { months: '13', max: '12' } });
    expect(outcome(facts({ sector: 'tourism' }), 'sector')).toMatchObject({ passed: false, params: { sector: 'tourism', sectors: 'industry,education,hotels,health' } });
  });

  it('rejects a malformed rule document: unknown kind, duplicate ids, percent over 100, float amounts', () => {
    expect(RuleSetDocumentSchema.safeParse(MDM_INVEST_V1).success).toBe(true);
    const bad = (change: (d: RuleSetDocument) => unknown) => RuleSetDocumentSchema.safeParse(change(structuredClone(MDM_INVEST_V1))).success;
    expect(bad((d) => ({ ...d, rules: [{ id: 'x', kind: 'max_age', max: 3 }] }))).toBe(false);
    expect(bad((d) => ({ ...d, rules: [...d.rules, d.rules[0]] }))).toBe(false);
    expect(bad((d) => ({ ...d, grant: { ...d.grant, percentOfDiasporaShare: '100.01' } }))).toBe(false);
    expect(bad((d) => ({ ...d, grant: { ...d.grant, cap: 5000000 } }))).toBe(false);
  });
});

const centimes = (max: bigint) => fc.bigInt({ min: 1n, max });
const project = fc
  .record({
    totalCost: centimes(10n ** 14n),
    share: fc.bigInt({ min: 1n, max: 10_000n }),
    ownPart: fc.double({ min: 0, max: 1, noNaN: true }),
    sector: fc.constantFrom('industry', 'education', 'hotels', 'health', 'tourism', 'other'),
    kind: fc.constantFrom('creation' as const, 'extension' as const),
    promoter: fc.constantFrom('abroad' as const, 'returned' as const),
    months: fc.integer({ min: 0, max: 40 }),
  })
  .map((r): ProjectFacts => ({
    totalCost: r.totalCost, diasporaShare: r.share, ownFunds: (r.totalCost * BigInt(Math.floor(r.ownPart * 1e6))) / 1_000_000n,
    otherFunds: 0n, sector: r.sector, kind: r.kind, promoter: r.promoter, returnedMonthsAgo: r.months,
  }));

describe('properties of the evaluation', () => {
  it('the grant never exceeds the cap nor 10 % of the diaspora share of the project', () => {
    fc.assert(fc.property(project, (p) => {
      const grant = mad(evaluate(V1, p).grant);
      const diaspora = (p.totalCost * p.diasporaShare) / 10_000n;
      expect(grant <= mad('5000000')).toBe(true);
      expect(grant * 10n <= diaspora).toBe(true);
      expect(grant >= 0n).toBe(true);
    }), { numRuns: 2000 });
  });

  it('raising own funds never turns an eligible project ineligible', () => {
    fc.assert(fc.property(project, fc.bigInt({ min: 0n, max: 10n ** 14n }), (p, more) => {
      const raised = { ...p, ownFunds: p.ownFunds + more > p.totalCost ? p.totalCost : p.ownFunds + more };
      if (evaluate(V1, p).eligible) expect(evaluate(V1, raised).eligible).toBe(true);
    }), { numRuns: 2000 });
  });

  it('the financing plan never exceeds the total cost and amounts round-trip exactly', () => {
    fc.assert(fc.property(project, (p) => {
      const plan = evaluate(V1, p).plan;
      const sum = mad(plan.ownFunds) + mad(plan.grant) + mad(plan.bankCredit) + mad(plan.otherFunds);
      expect(sum >= p.totalCost).toBe(true);
      expect(mad(centsToDecimal(p.totalCost))).toBe(p.totalCost);
    }), { numRuns: 500 });
  });
});
