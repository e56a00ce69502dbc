import type { TFunction } from 'i18next';
import type { Locale } from '../i18n/i18n.js';
import type { RuleOutcome } from './evaluate.js';
import type { Rule } from './rules.js';

const TAGS: Record<Locale, string> = { fr: 'fr-MA', ar: 'ar-MA', en: 'en-GB' };
const money = new Map<string, Intl.NumberFormat>();
const lists = new Map<Locale, Intl.ListFormat>();

type DecimalText = `${number}` | string;

/**
 * Money in the page's language through Intl.NumberFormat. The amount goes in as a decimal string, which
 * Intl formats exactly (a Number would round amounts beyond 2^53 centimes and print binary noise).
 */
export function formatMoney(lng: Locale, value: { toString(): string } | null | undefined, currency = 'MAD'): string {
  if (value === null || value === undefined) return '';
  const key = `${lng}:${currency}`;
  let f = money.get(key);
  if (!f) money.set(key, (f = new Intl.NumberFormat(TAGS[lng], { style: 'currency', currency, numberingSystem: 'latn' })));
  return f.format(value.toString() as DecimalText as unknown as number);
}

export function formatPercent(lng: Locale, value: string): string {
  return `${new Intl.NumberFormat(TAGS[lng], { maximumFractionDigits: 2, numberingSystem: 'latn' }).format(value as unknown as number)} %`;
}

function list(lng: Locale, items: string[]): string {
  let f = lists.get(lng);
  if (!f) lists.set(lng, (f = new Intl.ListFormat(TAGS[lng], { type: 'conjunction' })));
  return f.format(items);
}

/** Names of investment sectors by code, in the page's language. */
export type SectorNames = (code: string) => string;

/** The reason of one rule's outcome, in the reader's language, with its amounts formatted. */
export function outcomeText(t: TFunction, lng: Locale, o: RuleOutcome, sectorName: SectorNames): string {
  const p = o.params;
  const params: Record<string, string> = { ...p };
  if (p.amount) params.amount = formatMoney(lng, p.amount);
  if (p.min) params.min = formatMoney(lng, p.min);
  if (p.percent) params.percent = formatPercent(lng, p.percent);
  if (p.minPercent) params.minPercent = formatPercent(lng, p.minPercent);
  if (p.sector) params.sector = sectorName(p.sector);
  if (p.sectors) params.sectors = list(lng, p.sectors.split(',').map(sectorName));
  if (p.kind) params.kind = t(`invest.kinds.${p.kind}`);
  if (p.status) params.status = t(`invest.promoters.${p.status}`);
  return t(`invest.rules.${o.kind}.${o.reason}`, params);
}

/** What a rule asks for, as the /invest page and the admin page show it (rendered from the stored document). */
export function ruleText(t: TFunction, lng: Locale, r: Rule, sectorName: SectorNames): string {
  switch (r.kind) {
    case 'min_total_cost': return t('invest.ruleText.min_total_cost', { min: formatMoney(lng, r.min) });
    case 'min_own_funds_share': return t('invest.ruleText.min_own_funds_share', { minPercent: formatPercent(lng, r.minPercent) });
    case 'min_diaspora_share': return t('invest.ruleText.min_diaspora_share', { minPercent: formatPercent(lng, r.minPercent) });
    case 'project_kind': return t('invest.ruleText.project_kind', { kinds: list(lng, r.allowed.map((k) => t(`invest.kinds.${k}`))) });
    case 'promoter_status': return t('invest.ruleText.promoter_status', { max: r.maxReturnedMonths, statuses: list(lng, r.allowed.map((k) => t(`invest.promoters.${k}`))) });
    case 'sector_in': return t('invest.ruleText.sector_in', { sectors: list(lng, r.sectors.map(sectorName)) });
  }
}
