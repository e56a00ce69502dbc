/** Small pure helpers shared by the demo generators: dates counted from `today`, French text, money. */

export const DAY_MS = 86_400_000;

/** The same instant moved by a number of days (negative = earlier). */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** A day (UTC midnight) plus some hours and minutes: an event time during that day. */
export function at(day: Date, hour: number, minute = 0): Date {
  return new Date(day.getTime() + hour * 3_600_000 + minute * 60_000);
}

/** Whole days from a to b (b - a), for UTC-midnight dates. */
export function daysBetween(a: Date, b: Date): number {
  return Math.round((b.getTime() - a.getTime()) / DAY_MS);
}

/** Number of days of a date range, both ends included. */
export function inclusiveDays(start: Date, end: Date): number {
  return daysBetween(start, end) + 1;
}

/** UTC midnight of the day of an instant. */
export function dayOf(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** 'Aït M'Hand' -> 'ait-mhand': e-mail-safe ASCII. */
export function asciiFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** 'Gestion hospitalière' -> 'gestion hospitalière'; keeps acronyms and brands such as 'SIG', 'BIM', 'DevOps'. */
export function lowerFirst(label: string): string {
  const firstWord = label.split(/[\s-]/)[0] ?? '';
  if (/[A-ZÀ-Ý]/.test(firstWord.slice(1))) return label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}

const VOWEL_START = /^[aeiouyhâàéèêëîïôöûüœAEIOUYHÂÀÉÈÊËÎÏÔÖÛÜŒ]/;

/** French elision: de('irrigation') = "d'irrigation", de('gestion') = 'de gestion'. */
export function de(word: string): string {
  return VOWEL_START.test(word) ? `d'${word}` : `de ${word}`;
}

/** French list: 'a', 'a et b', 'a, b et c'. */
export function frList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

/** Arabic list joined with و. */
export function arList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('، ')} و${items[items.length - 1]}`;
}

/** An amount in whole units as a decimal string Prisma accepts for Decimal(12, 2) columns. */
export function money(amount: number): string {
  return `${Math.round(amount)}.00`;
}

const FEMININE = new Set(['Agence', 'Université', 'Commune', 'Coopérative', 'Direction', 'Association', 'Fondation', 'Clinique', 'Banque']);

/** An institution name with its French article: "l'Agence …", "le Centre …", "la Commune …". */
export function frThe(name: string): string {
  const first = name.split(/[\s']/)[0] ?? '';
  if (VOWEL_START.test(name)) return `l'${name}`;
  return FEMININE.has(first) ? `la ${name}` : `le ${name}`;
}

/** "de l'Agence …", "du Centre …", "de la Commune …". */
export function frOf(name: string): string {
  const the = frThe(name);
  return the.startsWith('le ') ? `du ${the.slice(3)}` : `de ${the}`;
}

/** First letter upper-cased (sentence start). */
export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
