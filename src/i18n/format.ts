import type { Locale } from './i18n.js';

export const INTL_LOCALE: Record<Locale, string> = { fr: 'fr-MA', ar: 'ar-MA', en: 'en-GB' };

const cache = new Map<Locale, ReturnType<typeof build>>();

/** Dates and numbers go through Intl, in the reader's language (Arabic with Western digits, as used in Morocco). */
export function formatters(lng: Locale) {
  let f = cache.get(lng);
  if (!f) cache.set(lng, (f = build(lng)));
  return f;
}

// Intl objects are costly to build and immutable: one set per language, shared by every request.
function build(lng: Locale) {
  const tag = INTL_LOCALE[lng];
  const number = new Intl.NumberFormat(tag, lng === 'ar' ? { numberingSystem: 'latn' } : {});
  const date = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC', numberingSystem: 'latn' });
  const regions = new Intl.DisplayNames([tag], { type: 'region' });
  const languages = new Intl.DisplayNames([tag], { type: 'language' });
  return {
    number: (n: number | bigint) => number.format(n),
    date: (d: Date) => date.format(d),
    dateRange: memoized((a: Date, b: Date) => date.formatRange(a, b)),
    country: (code: string) => regions.of(code) ?? code,
    language: (code: string) => languages.of(code) ?? code,
    money: (amount: number, currency = 'MAD') => moneyFormat(tag, currency).format(amount),
  };
}

export type Formatters = ReturnType<typeof formatters>;

/**
 * formatRange costs ten times two format() calls, and a page shows the same few windows again and again: ranges are
 * remembered per language, with a bound so that memory stays small whatever the dates asked for.
 */
function memoized(format: (a: Date, b: Date) => string, limit = 5000): (a: Date, b: Date) => string {
  const seen = new Map<string, string>();
  return (a, b) => {
    const key = `${a.getTime()}:${b.getTime()}`;
    let text = seen.get(key);
    if (text === undefined) {
      if (seen.size >= limit) seen.clear();
      seen.set(key, (text = format(a, b)));
    }
    return text;
  };
}

const moneyFormats = new Map<string, Intl.NumberFormat>();
function moneyFormat(tag: string, currency: string): Intl.NumberFormat {
  const key = `${tag}:${currency}`;
  let f = moneyFormats.get(key);
  if (!f) moneyFormats.set(key, (f = new Intl.NumberFormat(tag, { style: 'currency', currency, numberingSystem: 'latn' })));
  return f;
}
