import type { Actor } from '../auth/policy.js';

/** Who reaches the programme reports, their exports and the funding lines: every rule of the feature, here. */
export const reportPolicy = {
  /** /officer/reports, each figure's CSV */
  see: (actor: Actor | undefined) => actor?.role === 'officer' || actor?.role === 'admin',
  /** the row-level exports (needs, candidacies, missions with budgets, experts without private contacts) */
  export: (actor: Actor | undefined) => actor?.role === 'officer' || actor?.role === 'admin',
  /** create and edit funding lines and their envelopes */
  manageFunding: (actor: Actor | undefined) => actor?.role === 'admin',
  /** approve a mission beyond what its funding line has left, with a reason (audited) */
  overrideEnvelope: (actor: Actor | undefined) => actor?.role === 'officer',
};
