import type { Actor } from '../auth/policy.js';

/** Who manages the programme's funding lines and who may spend beyond them: every rule of the feature, here. */
export const fundingPolicy = {
  /** create funding lines and change their envelopes */
  manage: (actor: Actor | undefined) => actor?.role === 'admin',
  /** approve a mission beyond what its funding line has left, with a reason (audited) */
  overrideEnvelope: (actor: Actor | undefined) => actor?.role === 'officer',
};
