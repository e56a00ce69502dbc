import { readdirSync, readFileSync } from 'node:fs';
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

/**
 * Each language is a folder of JSON files, one per feature (common.json, auth.json, …), merged at start-up: a
 * feature's texts live beside each other and two features never edit the same file.
 */
function loadResources() {
  const root = path.join(import.meta.dirname, 'locales');
  return Object.fromEntries(
    LOCALES.map((lng) => {
      const dir = path.join(root, lng);
      const translation: Record<string, unknown> = {};
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
        deepMerge(translation, JSON.parse(readFileSync(path.join(dir, file), 'utf8')), `${lng}/${file}`);
      }
      return [lng, { translation }];
    }),
  );
}

function deepMerge(target: Record<string, unknown>, source: Record<string, unknown>, origin: string, prefix = ''): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      if (existing !== undefined && (typeof existing !== 'object' || existing === null)) throw new Error(`i18n: ${origin} redefines ${prefix}${key}`);
      target[key] ??= {};
      deepMerge(target[key] as Record<string, unknown>, value as Record<string, unknown>, origin, `${prefix}${key}.`);
    } else {
      if (existing !== undefined) throw new Error(`i18n: ${origin} redefines ${prefix}${key}`);
      target[key] = value;
    }
  }
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

const translators = new Map<Locale, TFunction>();

/**
 * One translator per language, shared by every request. Most calls in a page are a bare key (a label): their text
 * never changes while the process runs, so it is looked up once and remembered; calls with options (counts,
 * interpolation) go to i18next each time. Measured on the catalogue, i18next's own fixed translator spent a fifth of
 * the page copying and resolving its options for every label.
 */
export function translator(lng: Locale): TFunction {
  let t = translators.get(lng);
  if (!t) translators.set(lng, (t = memoizedTranslator(lng)));
  return t;
}

function memoizedTranslator(lng: Locale): TFunction {
  const fixed = instance.getFixedT(lng);
  const labels = new Map<string, string>();
  const t = (key: unknown, ...rest: unknown[]): unknown => {
    if (rest.length > 0 || typeof key !== 'string') return (fixed as unknown as (...args: unknown[]) => unknown)(key, ...rest);
    let text = labels.get(key);
    if (text === undefined) labels.set(key, (text = fixed(key)));
    return text;
  };
  return Object.assign(t, { lng }) as unknown as TFunction;
}

/** Picks the label of a reference record (…Fr / …Ar / …En fields) in the reader's language. */
export function localized<T extends Record<string, unknown>>(record: T, base: string, lng: Locale): string {
  const suffix = lng === 'ar' ? 'Ar' : lng === 'en' ? 'En' : 'Fr';
  const value = record[`${base}${suffix}`] ?? record[`${base}Fr`];
  return typeof value === 'string' ? value : '';
}
