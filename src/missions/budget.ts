/**
 * Mission budget arithmetic, in whole centimes (integers), so 0.1 + 0.2 never shows up in a signed mission order.
 * Dates are calendar days (UTC midnight); a mission from the 1st to the 1st lasts one day.
 */
const DAY_MS = 86_400_000;

export function missionDays(startsOn: Date, endsOn: Date): number {
  const start = Date.UTC(startsOn.getUTCFullYear(), startsOn.getUTCMonth(), startsOn.getUTCDate());
  const end = Date.UTC(endsOn.getUTCFullYear(), endsOn.getUTCMonth(), endsOn.getUTCDate());
  if (end < start) throw new RangeError('a mission cannot end before it starts');
  return Math.round((end - start) / DAY_MS) + 1;
}

/** "1234.5" or "1 234,50" → centimes; undefined when it is not an amount of money. */
export function toCentimes(amount: string | number): number | undefined {
  const text = String(amount).trim().replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^\d{1,10}(\.\d{1,2})?$/.test(text)) return undefined;
  const [units, cents = ''] = text.split('.');
  return Number(units) * 100 + Number(cents.padEnd(2, '0'));
}

export function fromCentimes(centimes: number): string {
  return `${Math.floor(centimes / 100)}.${String(centimes % 100).padStart(2, '0')}`;
}

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
