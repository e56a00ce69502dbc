import { readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type TFunction } from 'i18next';

export const LOCALES = ['fr', 'ar', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function directionOf(lng: Locale): 'rtl' | 'ltr' {
  return lng === 'ar' ? 'rtl' : 'ltr';
}

function loadResources() {
  const dir = path.join(import.meta.dirname, 'locales');
  return Object.fromEntries(
    LOCALES.map((lng) => [lng, { translation: JSON.parse(readFileSync(path.join(dir, `${lng}.json`), 'utf8')) }]),
  );
}

const instance = i18next.createInstance();
void instance.init({
  resources: loadResources(),
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  // EJS escapes on output (<%= %>); escaping here too would double-escape.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export const i18n = instance;

export function translator(lng: Locale): TFunction {
  return instance.getFixedT(lng);
}

/** Picks the label of a reference record (…Fr / …Ar / …En fields) in the reader's language. */
export function localized<T extends Record<string, unknown>>(record: T, base: string, lng: Locale): string {
  const suffix = lng === 'ar' ? 'Ar' : lng === 'en' ? 'En' : 'Fr';
  const value = record[`${base}${suffix}`] ?? record[`${base}Fr`];
  return typeof value === 'string' ? value : '';
}
