import type { Locale } from './i18n.js';

const INTL_LOCALE: Record<Locale, string> = { fr: 'fr-MA', ar: 'ar-MA', en: 'en-GB' };

/** Dates and numbers go through Intl, in the reader's language (Arabic with Western digits, as used in Morocco). */
export function formatters(lng: Locale) {
  const tag = INTL_LOCALE[lng];
  const number = new Intl.NumberFormat(tag, lng === 'ar' ? { numberingSystem: 'latn' } : {});
  const date = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC', numberingSystem: 'latn' });
  const regions = new Intl.DisplayNames([tag], { type: 'region' });
  const languages = new Intl.DisplayNames([tag], { type: 'language' });
  return {
    number: (n: number | bigint) => number.format(n),
    date: (d: Date) => date.format(d),
    dateRange: (a: Date, b: Date) => date.formatRange(a, b),
    country: (code: string) => regions.of(code) ?? code,
    language: (code: string) => languages.of(code) ?? code,
    money: (amount: number, currency = 'MAD') =>
      new Intl.NumberFormat(tag, { style: 'currency', currency, numberingSystem: 'latn' }).format(amount),
  };
}

export type Formatters = ReturnType<typeof formatters>;
