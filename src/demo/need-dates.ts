/**
 * Dates of a demo need and of the mission it carries, all counted from `today` and consistent with the statuses:
 * published needs open in 2–16 weeks, filled/closed ones lie in the past, in-progress missions cover today, and
 * every recorded event happens before today.
 */
import type { MissionStatus, NeedStatus } from '../generated/prisma/client.js';
import type { Ctx } from './context.js';
import type { NeedSpec } from './need-plan.js';
import { addDays, at, dayOf } from './util.js';

export interface MissionTiming {
  startsOn: Date;
  endsOn: Date;
  /** when the institution proposed the mission (the candidacy was selected just before) */
  proposedAt: Date;
}

export interface NeedDates {
  createdAt: Date;
  submittedAt: Date | null;
  publishedAt: Date | null;
  closedAt: Date | null;
  windowStart: Date;
  windowEnd: Date;
  /** for cancelled needs: the status it was cancelled from */
  cancelledFrom: NeedStatus | null;
  mission: MissionTiming | null;
}

/** Transitions a mission in a future status went through after its proposal. */
export const STEPS_AFTER_PROPOSAL: Readonly<Partial<Record<MissionStatus, number>>> = {
  proposed: 0, accepted: 1, declined: 1, approved: 2, rejected: 2, briefed: 3, cancelled: 3,
};

/** A time of day on the given day (office hours). */
function during(ctx: Ctx, day: Date): Date {
  return at(dayOf(day), ctx.rng.int(8, 17), ctx.rng.int(0, 59));
}

/** created -> submitted -> published, each a few days before the next. */
function history(ctx: Ctx, publishedDay: Date) {
  const { rng } = ctx;
  const publishedAt = during(ctx, publishedDay);
  const submittedAt = during(ctx, addDays(publishedDay, -rng.int(1, 7)));
  const createdAt = during(ctx, addDays(submittedAt, -rng.int(1, 10)));
  return { createdAt: new Date(Math.min(createdAt.getTime(), submittedAt.getTime() - 3_600_000)), submittedAt, publishedAt };
}

function futureWindow(ctx: Ctx, duration: number, startIn: [number, number], length: [number, number]) {
  const windowStart = addDays(ctx.today, ctx.rng.int(...startIn));
  const windowEnd = addDays(windowStart, ctx.rng.int(Math.max(duration, length[0]), Math.max(duration, length[1])) - 1);
  return { windowStart, windowEnd };
}

/** End day of a past mission, by status. */
function pastMissionEnd(ctx: Ctx, status: MissionStatus, duration: number): { startsOn: Date; endsOn: Date } {
  const { rng, today } = ctx;
  if (status === 'in_progress') {
    const startsOn = addDays(today, -rng.int(1, duration - 2));
    return { startsOn, endsOn: addDays(startsOn, duration - 1) };
  }
  const back: Partial<Record<MissionStatus, [number, number]>> = {
    completed: [2, 10], reported: [21, 56], evaluated: [60, 200], followed_up: [380, 480], cancelled: [60, 120],
  };
  const [lo, hi] = back[status] ?? [30, 90];
  const endsOn = addDays(today, -rng.int(lo, hi));
  return { startsOn: addDays(endsOn, -(duration - 1)), endsOn };
}

export function needDates(ctx: Ctx, spec: NeedSpec, duration: number): NeedDates {
  const { rng, today } = ctx;
  const none = { submittedAt: null, publishedAt: null, closedAt: null, cancelledFrom: null, mission: null };
  switch (spec.status) {
    case 'draft':
      return { ...none, createdAt: during(ctx, addDays(today, -rng.int(1, 30))), ...futureWindow(ctx, duration, [30, 150], [30, 120]) };
    case 'submitted': {
      const submittedAt = during(ctx, addDays(today, -rng.int(1, 12)));
      return { ...none, submittedAt, createdAt: during(ctx, addDays(submittedAt, -rng.int(1, 10))), ...futureWindow(ctx, duration, [30, 150], [30, 120]) };
    }
    case 'cancelled': {
      const cancelledFrom = rng.pick<NeedStatus>(['draft', 'submitted', 'published']);
      const closedAt = during(ctx, addDays(today, -rng.int(2, 90)));
      const h = history(ctx, addDays(closedAt, -rng.int(3, 30)));
      const windowStart = dayOf(addDays(closedAt, rng.int(20, 120)));
      return {
        ...none, cancelledFrom, closedAt, createdAt: h.createdAt,
        submittedAt: cancelledFrom === 'draft' ? null : h.submittedAt,
        publishedAt: cancelledFrom === 'published' ? h.publishedAt : null,
        windowStart, windowEnd: addDays(windowStart, rng.int(Math.max(duration, 30), 120) - 1),
      };
    }
    case 'published':
      return publishedDates(ctx, spec, duration);
    default:
      return pastDates(ctx, spec, duration);
  }
}

function publishedDates(ctx: Ctx, spec: NeedSpec, duration: number): NeedDates {
  const { rng, today } = ctx;
  let win: { windowStart: Date; windowEnd: Date };
  if (spec.demoExpertMission) win = futureWindow(ctx, duration, [86, 92], [55, 65]);
  else if (spec.fitsDemoExpert) win = futureWindow(ctx, duration, [21, 35], [60, 90]);
  else if (spec.mission === 'briefed') win = futureWindow(ctx, duration, [14, 18], [40, 90]);
  else win = futureWindow(ctx, duration, [14, 112], [30, 120]);
  if (!spec.mission) {
    return { ...history(ctx, addDays(today, -rng.int(1, 60))), closedAt: null, cancelledFrom: null, mission: null, ...win };
  }
  const steps = STEPS_AFTER_PROPOSAL[spec.mission] ?? 0;
  const proposedAt = during(ctx, addDays(today, -(3 * steps + rng.int(2, 8))));
  const room = Math.floor((win.windowEnd.getTime() - win.windowStart.getTime()) / 86_400_000) + 1 - duration;
  const startsOn = addDays(win.windowStart, spec.mission === 'briefed' ? Math.min(room, rng.int(0, 4)) : rng.int(0, room));
  return {
    ...history(ctx, addDays(proposedAt, -rng.int(20, 40))), closedAt: null, cancelledFrom: null, ...win,
    mission: { startsOn, endsOn: addDays(startsOn, duration - 1), proposedAt },
  };
}

function pastDates(ctx: Ctx, spec: NeedSpec, duration: number): NeedDates {
  const { rng, today } = ctx;
  if (!spec.mission) {
    const windowEnd = addDays(today, -rng.int(10, 150));
    const windowStart = addDays(windowEnd, -(rng.int(Math.max(duration, 30), 120) - 1));
    const closedAt = during(ctx, addDays(windowEnd, rng.int(1, 9)));
    return { ...history(ctx, addDays(windowStart, -rng.int(20, 60))), closedAt, cancelledFrom: null, mission: null, windowStart, windowEnd };
  }
  const { startsOn, endsOn } = pastMissionEnd(ctx, spec.mission, duration);
  const windowStart = addDays(startsOn, -rng.int(0, 14));
  const windowEnd = addDays(endsOn, rng.int(0, 30));
  const proposedAt = during(ctx, addDays(startsOn, -rng.int(20, 35)));
  const closedAt = spec.status === 'filled'
    ? during(ctx, addDays(proposedAt, 4))
    : during(ctx, addDays(windowEnd, rng.int(1, 10)));
  return {
    ...history(ctx, addDays(startsOn, -rng.int(45, 80))), closedAt, cancelledFrom: null, windowStart, windowEnd,
    mission: { startsOn, endsOn, proposedAt },
  };
}
