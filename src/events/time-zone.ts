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

/** 'YYYY-MM-DDTHH:mm' read in `zone` → the instant; undefined when malformed. */
export function zonedToUtc(local: string, zone: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return undefined;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  if (new Date(wall).getUTCMonth() !== mo - 1 || h > 23 || mi > 59) return undefined;
  // Twice: the offset at the first guess may differ from the offset at the answer around a DST change.
  let instant = wall - offsetMinutes(wall, zone) * 60_000;
  instant = wall - offsetMinutes(instant, zone) * 60_000;
  return new Date(instant);
}

/** The instant as the 'YYYY-MM-DDTHH:mm' an <input type="datetime-local"> shows, in `zone`. */
export function utcToZoned(instant: Date, zone: string): string {
  return new Date(instant.getTime() + offsetMinutes(instant.getTime(), zone) * 60_000).toISOString().slice(0, 16);
}
