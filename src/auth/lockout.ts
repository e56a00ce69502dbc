/**
 * Progressive, temporary lock-out after repeated failed sign-ins (NIST SP 800-63B §5.2.2 throttling). Locks are
 * temporary on purpose: a permanent lock would let anyone who knows an e-mail address shut its owner out.
 * Pure functions: the caller keeps the failure count and `lockedUntil` on the account.
 */

const MINUTE = 60_000;

/** The first failure count that locks; after it, every `LOCKOUT_STEP` more failures lock again. */
export const LOCKOUT_THRESHOLD = 10;
export const LOCKOUT_STEP = 5;

/**
 * How long each lock lasts, by failure count. The last step applies to every later multiple of `LOCKOUT_STEP`,
 * so a patient guesser gets about five tries a day — too few to matter — while the owner is never locked for good.
 */
export const LOCKOUT_SCHEDULE: readonly { readonly failures: number; readonly lockMs: number }[] = Object.freeze([
  { failures: 10, lockMs: 5 * MINUTE },
  { failures: 15, lockMs: 15 * MINUTE },
  { failures: 20, lockMs: 60 * MINUTE },
  { failures: 25, lockMs: 24 * 60 * MINUTE },
]);

/**
 * When the account unlocks after this failure (`failuresSoFar` counts it), or null when this failure does not lock.
 * In between the steps the account stays usable, so the owner can still get in between two locks.
 */
export function lockUntilAfterFailure(failuresSoFar: number, now: Date): Date | null {
  if (!Number.isInteger(failuresSoFar) || failuresSoFar < LOCKOUT_THRESHOLD) return null;
  if ((failuresSoFar - LOCKOUT_THRESHOLD) % LOCKOUT_STEP !== 0) return null;
  // The last step whose threshold is reached: 10 → 5 min, 15 → 15 min, 20 → 1 h, 25, 30, … → 24 h.
  let lockMs = 0;
  for (const step of LOCKOUT_SCHEDULE) if (failuresSoFar >= step.failures) lockMs = step.lockMs;
  return new Date(now.getTime() + lockMs);
}

/** A lock holds until its instant has passed; at the exact instant the account is free again. */
export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}
