import type { Actor } from '../auth/policy.js';

/** Who reaches the programme reports, their exports and the funding lines: every rule of the feature, here. */
export const reportPolicy = {
  /** /officer/reports, each figure's CSV */
  see: (actor: Actor | undefined) => actor?.role === 'officer' || actor?.role === 'admin',
  /** the row-level exports (needs, candidacies, missions with budgets, experts without private contacts) */
  export: (actor: Actor | undefined) => actor?.role === 'officer' || actor?.role === 'admin',
};
