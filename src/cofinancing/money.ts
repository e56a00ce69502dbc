/**
 * Exact money and percentages for the co-financing rules. Amounts are whole centimes in a bigint and percentages
 * whole hundredths of a percent, so every comparison and product is exact: a float would put 999 999.99 and
 * 1 000 000 on the wrong side of a threshold now and then, and "25 % exactly" would depend on rounding.
 */

/** Centimes of the largest amount anyone may type: 10^12 MAD. */
export const MAX_CENTS = 10n ** 14n;
/** 100 % in hundredths of a percent. */
export const FULL_SHARE = 10_000n;

const SPACES = /[\s\u00a0\u202f_']/g;

/** "1 000 000", "1000000.5", "999999,99" → centimes; anything else (signs, letters, 3 decimals) → undefined. */
export function parseCents(text: string): bigint | undefined {
  const v = text.replace(SPACES, '');
  const m = /^(\d{1,16})(?:[.,](\d{1,2}))?$/.exec(v);
  if (!m) return undefined;
  return BigInt(m[1]!) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
}

/** "40", "40.5", "33,33" → hundredths of a percent; anything else → undefined (the range is the caller's). */
export function parseHundredths(text: string): bigint | undefined {
  const v = text.replace(SPACES, '');
  const m = /^(\d{1,4})(?:[.,](\d{1,2}))?$/.exec(v);
  if (!m) return undefined;
  return BigInt(m[1]!) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
}

/** Centimes → "1234567.89", the form Prisma's Decimal columns and Intl.NumberFormat read exactly. */
export function centsToDecimal(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return `${negative ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** Hundredths of a percent → "25" or "33.33". */
export function hundredthsToPercent(h: bigint): string {
  const whole = h / 100n;
  const rest = h % 100n;
  return rest === 0n ? whole.toString() : `${whole}.${rest.toString().padStart(2, '0').replace(/0$/, '')}`;
}

/** A Prisma Decimal, a number or a string of a decimal → centimes (never through a float for strings). */
export function toCents(value: { toString(): string } | null | undefined): bigint {
  if (value === null || value === undefined) return 0n;
  return parseCents(value.toString()) ?? 0n;
}

/** Percent of a whole, in hundredths, rounded down: 250 000 of 1 000 000 → 2500 (25 %). */
export function shareOf(part: bigint, whole: bigint): bigint {
  return whole > 0n ? (part * FULL_SHARE) / whole : 0n;
}

export const minBig = (a: bigint, b: bigint) => (a < b ? a : b);
export const maxBig = (a: bigint, b: bigint) => (a > b ? a : b);
