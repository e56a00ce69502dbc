import { isoDayOf, utcDay } from '../lib/iso-day.js';
import type { MissionAction } from './policy.js';

/**
 * A mission follows the calendar: it starts on or after its planned first day (earlier only when an officer records
 * it with a reason), and it completes on or after the day it really started. Days are UTC calendar days, like the
 * mission's stored dates; "today" always comes from the app's clock.
 */
interface Dated {
  startsOn: Date;
  startedOn: Date | null;
}

export type DateRefusal = 'tooEarly' | 'startDayCome' | 'completeBeforeStart';

export const startsLater = (m: Pick<Dated, 'startsOn'>, now: Date): boolean => utcDay(now) < m.startsOn;

/** What the mission page offers today: "start" from the first day, the officer's early start only before it. */
export function offeredActions(actions: readonly MissionAction[], m: Pick<Dated, 'startsOn'>, now: Date): MissionAction[] {
  const later = startsLater(m, now);
  return actions.filter((a) => (a === 'start' ? !later : a === 'start_early' ? later : true));
}

/** The same rule for a posted action (a stale page, a crafted request): why it cannot happen today, if it cannot. */
export function dateRefusal(action: MissionAction, m: Dated, now: Date): DateRefusal | undefined {
  if (action === 'start' && startsLater(m, now)) return 'tooEarly';
  if (action === 'start_early' && !startsLater(m, now)) return 'startDayCome';
  if (action === 'complete' && (!m.startedOn || utcDay(now) < m.startedOn)) return 'completeBeforeStart';
  return undefined;
}

/** The real days a transition records on the mission, and what the audit log keeps of them. */
export function recordedDays(action: MissionAction, m: Dated, now: Date, reason?: string) {
  const today = utcDay(now);
  if (action === 'start' || action === 'start_early') {
    const audit = action === 'start_early' ? { startsOn: isoDayOf(m.startsOn), reason } : {};
    return { data: { startedOn: today }, audit: { startedOn: isoDayOf(today), ...audit } };
  }
  if (action === 'complete') return { data: { completedOn: today }, audit: { completedOn: isoDayOf(today) } };
  return { data: {}, audit: {} };
}
