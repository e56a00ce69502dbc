/** Rate limits of the sensitive forms, per client address; tests loosen them through createApp's deps. */
export interface RateLimits {
  login: { windowMs: number; limit: number };
  register: { windowMs: number; limit: number };
  passwordReset: { windowMs: number; limit: number };
}

export const DEFAULT_LIMITS: RateLimits = {
  login: { windowMs: 60_000, limit: 10 },
  register: { windowMs: 60 * 60_000, limit: 10 },
  passwordReset: { windowMs: 60 * 60_000, limit: 5 },
};
