/** How the worker treats a message that could not be sent. */

/**
 * A message is given up (`failed`) once it has waited this long: an SMTP outage over a weekend must not lose mail,
 * so retries go on at the capped interval (hourly) for days. `npm run mail:retry` or /admin/mail re-queue failed ones.
 */
export const GIVE_UP_AFTER_MS = 3 * 24 * 3_600_000;
/** a message left in `sending` this long belongs to a worker that died: it is taken over */
export const RECLAIM_AFTER_MS = 10 * 60_000;

/** Delay before the next try after `attempts` failed ones: 1 min, 2, 4, … capped at 1 h. */
export function backoffMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/** An error as a short line for the database and the log, with the credentials of any URL removed. */
export function describeError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/]*@/gi, '$1[redacted]@').slice(0, 500);
}

export const DEFAULT_BATCH = 20;
export const DEFAULT_FROM = 'Jisr <no-reply@jisr.local>';
