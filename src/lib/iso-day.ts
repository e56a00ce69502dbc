import { z } from 'zod';

/**
 * A calendar day typed as YYYY-MM-DD that really exists (no 2027-02-30, which Date would roll into March) and that
 * PostgreSQL stores (no year 0): anything else is refused with a message, never a database error.
 */
export function isRealDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  if (year < 1900 || year > 2200) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const isoDay = z.string().trim().refine(isRealDay, 'validation.date');

/** The calendar day (00:00 UTC) of an instant: mission and availability days are stored as UTC dates. */
export function utcDay(instant: Date): Date {
  return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
}

/** YYYY-MM-DD of a stored day. */
export const isoDayOf = (day: Date): string => day.toISOString().slice(0, 10);

/** A day that passed isoDay, as the UTC midnight Date that Prisma stores in a date column. */
export const dayOfIso = (day: string): Date => new Date(`${day}T00:00:00Z`);
