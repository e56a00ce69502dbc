import { dayOfIso, isRealDay } from '../lib/iso-day.js';

/**
 * Event times: the officer types a wall-clock time in the event's time zone (what participants read on their
 * invitation), the database keeps the instant (UTC). Intl knows the rules of every IANA zone, so no table here.
 */

/** Whether Intl knows this IANA time zone ("Africa/Casablanca"). */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+){0,2}$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Minutes the zone is ahead of UTC at that instant. */
function offsetMinutes(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(instant));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return (Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - instant) / 60_000;
}

/**
 * Whether a value is what <input type="datetime-local"> sends: a real day (checked by src/lib's one day
 * validator) and a time of day.
 */
export function isLocalDateTime(value: string): boolean {
  const [day, time, rest] = value.split('T');
  return rest === undefined && !!day && !!time && isRealDay(day) && /^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(time);
}

/** 'YYYY-MM-DDTHH:mm' read in `zone` → the instant; undefined when malformed. */
export function zonedToUtc(local: string, zone: string): Date | undefined {
  if (!isLocalDateTime(local)) return undefined;
  const [day, time] = local.split('T') as [string, string];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const wall = dayOfIso(day).getTime() + (h * 60 + mi) * 60_000;
  // Twice: the offset at the first guess may differ from the offset at the answer around a DST change.
  let instant = wall - offsetMinutes(wall, zone) * 60_000;
  instant = wall - offsetMinutes(instant, zone) * 60_000;
  return new Date(instant);
}

/** The instant as the 'YYYY-MM-DDTHH:mm' an <input type="datetime-local"> shows, in `zone`. */
export function utcToZoned(instant: Date, zone: string): string {
  return new Date(instant.getTime() + offsetMinutes(instant.getTime(), zone) * 60_000).toISOString().slice(0, 16);
}
