import type { TFunction } from 'i18next';
import type { QueueRow } from './queries.js';
import { effectiveOutcomes, evaluationOf } from './precheck.js';

/** RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs a cell as a formula. */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The officers' export: one line per project with the figures the programme reports on (amounts as exact
 * decimals, jobs by gender and age, climate tags) and the pre-check: automatic and effective outcome per rule.
 */
export function projectsCsv(rows: readonly QueueRow[], t: TFunction): string {
  const header = ['id', 'title', 'status', 'sector', 'region', 'city', 'bank', 'totalCost', 'ownFunds', 'diasporaSharePercent',
    'ruleSetVersion', 'precheckEligible', 'effectiveEligible', 'rules', 'grantEstimated', 'grantAwarded', 'fundedOn',
    'jobsWomen', 'jobsMen', 'jobsUnder30', 'climateTags', 'submittedAt', 'decisionReason'];
  const lines = [header.join(',')];
  for (const r of rows) {
    const evaluation = evaluationOf(r.eligibility);
    const checked = evaluation ? effectiveOutcomes(evaluation, r.overrides) : undefined;
    const rules = checked?.rules.map((c) => `${c.auto.ruleId}:${c.auto.passed ? 'pass' : 'fail'}${c.override ? `>${c.override.passed ? 'pass' : 'fail'}` : ''}`).join(' ');
    lines.push([
      r.id, r.title, t(`investStatus.${r.status}`), r.sectorCode, r.regionCode, r.city, r.bank?.name, r.totalCost.toFixed(2), r.ownFunds.toFixed(2),
      r.diasporaSharePercent.toFixed(2), evaluation?.ruleSetVersion, evaluation?.eligible, checked?.eligible, rules, evaluation?.grant,
      r.grantAwarded?.toFixed(2), r.fundedOn?.toISOString().slice(0, 10), r.jobsWomen, r.jobsMen, r.jobsUnder30, r.climateTags.join(' '),
      r.submittedAt?.toISOString(), r.decisionReason,
    ].map(csvCell).join(','));
  }
  // A byte-order mark, so spreadsheet software reads the Arabic and accented text as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
