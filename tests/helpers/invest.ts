import type { RuleSetDocument } from '../../src/cofinancing/rules.js';

/** MDM Invest's published rules, as migration 20261202100000_investment_track seeds them (version 1). */
export const MDM_INVEST_V1: RuleSetDocument = {
  currency: 'MAD',
  rules: [
    { id: 'min_total_cost', kind: 'min_total_cost', min: '1000000' },
    { id: 'project_kind', kind: 'project_kind', allowed: ['creation', 'extension'] },
    { id: 'promoter', kind: 'promoter_status', allowed: ['abroad', 'returned'], maxReturnedMonths: 12 },
    { id: 'own_funds', kind: 'min_own_funds_share', minPercent: '25' },
    { id: 'sector', kind: 'sector_in', sectors: ['industry', 'education', 'hotels', 'health'] },
  ],
  grant: { percentOfDiasporaShare: '10', cap: '5000000' },
};
