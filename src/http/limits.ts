/** Rate limits of the sensitive forms, per client address unless said; tests loosen them through createApp's deps. */
export interface RateLimits {
  login: { windowMs: number; limit: number };
  /** accounts created (a form sent back with a mistake does not count) */
  register: { windowMs: number; limit: number };
  /** registration forms refused (mistakes, taken addresses): higher, so a shared office network is not blocked by typos */
  registerFailed: { windowMs: number; limit: number };
  passwordReset: { windowMs: number; limit: number };
  /** invitations sent by the staff of one institution (per institution, not per address) */
  invitations: { windowMs: number; limit: number };
}

export const DEFAULT_LIMITS: RateLimits = {
  login: { windowMs: 60_000, limit: 10 },
  // A registration workshop (a consulate, an association) signs up a room of people behind one address.
  register: { windowMs: 60 * 60_000, limit: 30 },
  registerFailed: { windowMs: 60 * 60_000, limit: 100 },
  passwordReset: { windowMs: 60 * 60_000, limit: 5 },
  invitations: { windowMs: 24 * 60 * 60_000, limit: 50 },
};
