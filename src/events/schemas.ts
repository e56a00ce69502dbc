import { z } from 'zod';
import { audiencesField, type ExpertKind } from '../amedip/audiences.js';
import type { FieldErrors } from '../http/forms.js';
import { manyOf } from '../experts/form-fields.js';
import { LANGUAGE_CODES } from '../reference/codes.js';
import { isLocalDateTime, isTimeZone, zonedToUtc } from './time-zone.js';

export const EVENT_THEMES = ['south_south', 'diaspora_engagement', 'local_development', 'climate', 'gender', 'investment', 'skills'] as const;

const blank = (v: unknown) => (v === '' ? undefined : v);
const text = (min: number, max: number) => z.string().trim().min(min, min > 1 ? 'validation.tooShort' : 'validation.required').max(max, 'validation.tooLong');
const local = z.string().trim().refine(isLocalDateTime, 'validation.date');

/**
 * An officer's new event. Times are wall-clock times in the event's time zone; the form is checked as a whole
 * (end after start, deadline before the end, a place or a link) and turned into instants.
 */
export const eventFormSchema = z
  .object({
    title: text(5, 200),
    description: text(20, 5000),
    theme: z.enum(EVENT_THEMES, { message: 'validation.choice' }),
    timeZone: z.string().trim().refine(isTimeZone, 'events.errors.timeZone'),
    startsAt: local,
    endsAt: local,
    registrationDeadline: z.preprocess(blank, local.optional()),
    place: z.preprocess(blank, text(2, 200).optional()),
    onlineUrl: z.preprocess(blank, z.string().trim().max(500).url('events.errors.url').refine((u) => /^https:\/\//.test(u), 'events.errors.url').optional()),
    languages: manyOf(LANGUAGE_CODES, 6),
    capacity: z.coerce.number({ message: 'validation.number' }).int('validation.number').min(1, 'validation.min').max(10_000, 'validation.max'),
    audiences: audiencesField,
  });

/** The instants and the checks across fields; field errors (keys) when the whole does not hold. */
export function resolveEventForm(v: z.infer<typeof eventFormSchema>): { ok: true; data: EventData } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const startsAt = zonedToUtc(v.startsAt, v.timeZone);
  const endsAt = zonedToUtc(v.endsAt, v.timeZone);
  const deadline = v.registrationDeadline ? zonedToUtc(v.registrationDeadline, v.timeZone) : startsAt;
  if (!startsAt) errors.startsAt = { key: 'validation.date' };
  if (!endsAt) errors.endsAt = { key: 'validation.date' };
  if (startsAt && endsAt && endsAt <= startsAt) errors.endsAt = { key: 'events.errors.endBeforeStart' };
  if (!deadline) errors.registrationDeadline = { key: 'validation.date' };
  else if (endsAt && deadline > endsAt) errors.registrationDeadline = { key: 'events.errors.deadlineAfterEnd' };
  if (!v.place && !v.onlineUrl) errors.place = { key: 'events.errors.placeOrOnline' };
  if (Object.keys(errors).length || !startsAt || !endsAt || !deadline) return { ok: false, errors };
  return {
    ok: true,
    data: {
      title: v.title, description: v.description, theme: v.theme, timeZone: v.timeZone, place: v.place ?? null, onlineUrl: v.onlineUrl ?? null,
      languages: v.languages, capacity: v.capacity, audiences: v.audiences.length ? v.audiences : ['diaspora'],
      startsAt, endsAt, registrationDeadline: deadline,
    },
  };
}

export interface EventData {
  title: string; description: string; theme: string; timeZone: string; place: string | null; onlineUrl: string | null;
  languages: string[]; capacity: number; audiences: ExpertKind[]; startsAt: Date; endsAt: Date; registrationDeadline: Date;
}


export const attendanceSchema = z.object({
  version: z.coerce.number().int().min(0),
  present: z.union([z.string(), z.array(z.string())]).optional().transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
});

export const outcomesSchema = z.object({ version: z.coerce.number().int().min(0), outcomes: text(10, 5000) });
