import { fromCentimes, toCentimes } from '../lib/money.js';

/**
 * Mission budget arithmetic, in whole centimes (src/lib/money.ts). Dates are calendar days (UTC midnight); a mission
 * from the 1st to the 1st lasts one day.
 */

const DAY_MS = 86_400_000;

export function missionDays(startsOn: Date, endsOn: Date): number {
  const start = Date.UTC(startsOn.getUTCFullYear(), startsOn.getUTCMonth(), startsOn.getUTCDate());
  const end = Date.UTC(endsOn.getUTCFullYear(), endsOn.getUTCMonth(), endsOn.getUTCDate());
  if (end < start) throw new RangeError('a mission cannot end before it starts');
  return Math.round((end - start) / DAY_MS) + 1;
}

export { fromCentimes, toCentimes };

/**
 * Bounds of what an officer or an admin types. A mission's total is travel + daily rate × days: with these bounds
 * it fits its DECIMAL(12, 2) column for any mission shorter than 270 years; setMissionBudget still checks.
 */
export const MAX_TRAVEL_COST = 1_000_000;
export const MAX_DAILY_RATE = 100_000;

export interface Budget {
  travelCost: string;
  perDiemDaily: string;
  perDiemDays: number;
  total: string;
}

/** travel + per diem × days, every amount a decimal string with two decimals */
export function computeBudget(travelCost: string | number, perDiemDaily: string | number, startsOn: Date, endsOn: Date): Budget {
  const travel = toCentimes(travelCost);
  const daily = toCentimes(perDiemDaily);
  if (travel === undefined || daily === undefined) throw new RangeError('amounts must be positive numbers with at most two decimals');
  const days = missionDays(startsOn, endsOn);
  return { travelCost: fromCentimes(travel), perDiemDaily: fromCentimes(daily), perDiemDays: days, total: fromCentimes(travel + daily * days) };
}
