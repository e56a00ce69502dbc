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

/** One fixed translator per language, shared by every request (building one costs more than using it). */
export function translator(lng: Locale): TFunction {
  let t = translators.get(lng);
  if (!t) translators.set(lng, (t = instance.getFixedT(lng)));
  return t;
}

/** Picks the label of a reference record (…Fr / …Ar / …En fields) in the reader's language. */
export function localized<T extends Record<string, unknown>>(record: T, base: string, lng: Locale): string {
  const suffix = lng === 'ar' ? 'Ar' : lng === 'en' ? 'En' : 'Fr';
  const value = record[`${base}${suffix}`] ?? record[`${base}Fr`];
  return typeof value === 'string' ? value : '';
}
