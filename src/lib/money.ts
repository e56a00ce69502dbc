import { z } from 'zod';

/**
 * Amounts of money in whole centimes (integers), so 0.1 + 0.2 never shows up in a signed mission order. Every money
 * column is DECIMAL(12, 2): a value above MAX_COLUMN_CENTIMES would be a database error (a 500), never a message.
 */
export const MAX_COLUMN_CENTIMES = 999_999_999_999;

/** "1234.5" or "1 234,50" → centimes; undefined when it is not an amount of money. */
export function toCentimes(amount: string | number): number | undefined {
  const text = String(amount).trim().replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^\d{1,10}(\.\d{1,2})?$/.test(text)) return undefined;
  const [units, cents = ''] = text.split('.');
  return Number(units) * 100 + Number(cents.padEnd(2, '0'));
}

export function fromCentimes(centimes: number): string {
  return `${Math.floor(centimes / 100)}.${String(centimes % 100).padStart(2, '0')}`;
}

/**
 * A typed amount (a form field) of at most `max` units. Each field has its own bound, chosen so that the totals
 * computed from it still fit their column; the message says how to write an amount, or what the bound is.
 */
export const amountField = (max: number) =>
  z.string().trim().superRefine((value, ctx) => {
    const centimes = toCentimes(value);
    if (centimes === undefined) ctx.addIssue({ code: 'custom', message: 'validation.amount' });
    else if (centimes > max * 100) ctx.addIssue({ code: 'custom', message: 'validation.amountTooLarge', params: { max } });
  });
