import type { TFunction } from 'i18next';
import { formatters } from '../../i18n/format.js';
import { translator, type Locale } from '../../i18n/i18n.js';
import { isolate } from './bidi-text.js';
import type { MissionDocumentData } from './types.js';

/** Exact decimal string ("1234.5", "-3") to integer hundredths, so that amounts are never rounded by floats. */
export function toCents(amount: string): bigint {
  const m = /^\s*(-?)(\d+)(?:[.,](\d{0,2}))?\s*$/.exec(amount);
  if (!m) throw new Error(`not a decimal amount: ${amount}`);
  const cents = BigInt(m[2]!) * 100n + BigInt((m[3] ?? '').padEnd(2, '0') || '0');
  return m[1] ? -cents : cents;
}

function centsToDecimal(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** A date or an amount stays on one line. */
const unbreakable = (s: string) => s.replace(/ /g, '\u00a0');

/**
 * Every value a document prints, formatted in its language. Values that come from users (names, titles, places)
 * are wrapped in bidi isolates, so that a French institution name in an Arabic sentence, or an Arabic name in a
 * French one, keeps its own direction without disturbing the punctuation around it.
 */
export function documentValues(data: MissionDocumentData, lng: Locale) {
  const t: TFunction = translator(lng);
  const f = formatters(lng);
  const currency = data.budget?.currency ?? 'MAD';
  // Sums are done in integer hundredths; a Number holds any realistic amount in hundredths exactly for printing.
  const money = (amount: string) => isolate(unbreakable(f.money(Number(centsToDecimal(toCents(amount))), currency)));
  const date = (d: Date) => isolate(unbreakable(f.date(d)));
  const country = data.expertCountry
    ? /^[A-Z]{2}$/.test(data.expertCountry) ? f.country(data.expertCountry) : data.expertCountry
    : undefined;
  const city = isolate(data.institutionCity);
  const region = isolate(data.regionName);
  const onSitePlace = t('missionDocuments.place', { city, region });
  const place =
    data.mode === 'remote' ? t('missionDocuments.remotePlace')
    : data.mode === 'hybrid' ? t('missionDocuments.hybridPlace', { place: onSitePlace })
    : onSitePlace;
  const budget = data.budget && {
    travel: money(data.budget.travelCost),
    perDiem: t('missionDocuments.perDiemLine', {
      rate: money(data.budget.perDiemDaily),
      days: t('missionDocuments.days', { count: data.budget.perDiemDays }),
      amount: money(centsToDecimal(toCents(data.budget.perDiemDaily) * BigInt(data.budget.perDiemDays))),
    }),
    total: money(data.budget.total),
    currency: data.budget.currency,
  };
  return {
    t,
    name: isolate(data.expertName),
    country: country && isolate(country),
    institution: isolate(data.institutionName),
    city,
    region,
    need: isolate(data.needTitle),
    ref: isolate(data.missionRef),
    place,
    period: t('missionDocuments.period', { start: date(data.startsOn), end: date(data.endsOn) }),
    duration: t('missionDocuments.days', { count: data.days }),
    heldPeriod: data.held && t('missionDocuments.period', { start: date(data.held.startedOn), end: date(data.held.completedOn) }),
    heldDuration: data.held && t('missionDocuments.days', { count: data.held.days }),
    mode: t(`missionDocuments.modes.${data.mode}`),
    modePhrase: t(`missionDocuments.modePhrases.${data.mode}`),
    budget,
    approvedOn: data.approvedOn && date(data.approvedOn),
    officer: data.officerName && isolate(data.officerName),
    evaluatedOn: data.evaluation && date(data.evaluation.evaluatedOn),
    issuedOn: date(data.issuedOn),
  };
}

export type DocumentValues = ReturnType<typeof documentValues>;
