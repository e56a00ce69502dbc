import type { Locale } from '../i18n/i18n.js';

/** CEFR levels in order; `native` ranks above C2. */
export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native'] as const;
export type Cefr = (typeof CEFR_LEVELS)[number];
export const cefrRank = (level: Cefr): number => CEFR_LEVELS.indexOf(level);

export const SKILL_LEVELS = [1, 2, 3, 4] as const;

/**
 * ISO 3166-1 alpha-2 codes offered for residence and nationality. Names are not stored: Intl.DisplayNames gives
 * them in the reader's language, so the list stays a list of facts (codes) and never goes out of date in one language.
 */
export const COUNTRY_CODES = (
  'AD AE AF AL AM AO AR AT AU AZ BA BD BE BF BG BH BI BJ BO BR BW BY CA CD CF CG CH CI CL CM CN CO CR CU CV CY CZ ' +
  'DE DJ DK DO DZ EC EE EG ER ES ET FI FR GA GB GE GH GM GN GQ GR GT GW HR HT HU ID IE IL IN IQ IR IS IT JO JP KE ' +
  'KG KM KR KW KZ LB LR LS LT LU LV LY MA MC MD ME MG MK ML MR MT MU MW MX MY MZ NA NE NG NL NO NZ OM PE PH PK PL PS ' +
  'PT QA RO RS RU RW SA SC SD SE SG SI SK SL SN SO SS ST SY SZ TD TG TH TN TR TZ UA UG US UY UZ VE VN YE ZA ZM ZW'
).split(' ');

/** ISO 639 codes of the languages an expert is most likely to offer; others may be added as data. */
export const LANGUAGE_CODES = (
  'ar ary zgh ber fr en es it de nl pt ca sv da no fi pl ro ru tr el he fa ur hi zh ja ko sw wo ff bm ha yo am ln'
).split(' ');

export function displayNames(lng: Locale, type: 'region' | 'language', codes: readonly string[]) {
  const names = new Intl.DisplayNames([lng], { type, fallback: 'code' });
  return codes
    .map((code) => ({ code, name: names.of(type === 'region' ? code.toUpperCase() : code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name, lng));
}
