/** Demo per-diem rates (MAD per day): the 12 region capitals and a few other large cities. */
import { REGIONS } from '../reference/data/regions.js';
import type { Ctx } from './context.js';
import type { PerDiemRateRow } from './types.js';
import { money } from './util.js';

const OTHER_CITIES: readonly { city: string; region: string }[] = [
  { city: 'Tétouan', region: 'TTA' }, { city: 'Meknès', region: 'FM' }, { city: 'Kénitra', region: 'RSK' },
  { city: 'Ouarzazate', region: 'DT' }, { city: 'Essaouira', region: 'MS' }, { city: 'Nador', region: 'ORI' },
];

/** Larger, dearer cities get a higher rate. */
const BASE_RATE: Readonly<Record<string, number>> = {
  Casablanca: 1200, Rabat: 1100, Tanger: 1050, Marrakech: 1050, Agadir: 950, 'Fès': 950, Dakhla: 900, 'Laâyoune': 900,
};

export function generatePerDiemRates(ctx: Ctx): PerDiemRateRow[] {
  const validFrom = new Date(Date.UTC(ctx.today.getUTCFullYear(), 0, 1));
  const cities = [...REGIONS.map((r) => ({ city: r.capital.fr, region: r.code })), ...OTHER_CITIES];
  return cities.map(({ city, region }) => ({
    id: ctx.rng.uuid(), city, regionCode: region,
    dailyRate: money(BASE_RATE[city] ?? ctx.rng.int(12, 17) * 50), currency: 'MAD', validFrom, isDemo: true,
  }));
}

/** The rate of the need's city, or else of its region's capital. */
export function rateFor(rates: readonly PerDiemRateRow[], city: string, region: string): PerDiemRateRow {
  const capital = REGIONS.find((r) => r.code === region)?.capital.fr;
  const rate = rates.find((r) => r.city === city) ?? rates.find((r) => r.city === capital);
  if (!rate) throw new Error(`demo: no per-diem rate for ${city} (${region})`);
  return rate;
}
