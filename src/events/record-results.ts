import type { PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import { notify } from '../notifications/notify.js';

export type ResultOutcome = { ok: true } | { ok: false; reason: 'notFound' | 'tooEarly' | 'conflict' };
interface Ctx { actorId: string; ip?: string; now: Date }

/**
 * The officer records who came (confirmed participants only), once the event has started. The form carries the
 * version it was read at: two officers saving at once cannot overwrite each other silently.
 */
export async function recordAttendance(prisma: PrismaClient, eventId: string, input: { version: number; present: string[] }, ctx: Ctx): Promise<ResultOutcome> {
  return prisma.$transaction(async (tx) => {
    const event = await tx.event.findUnique({ where: { id: eventId }, select: { startsAt: true } });
    if (!event) return { ok: false as const, reason: 'notFound' as const };
    if (ctx.now < event.startsAt) return { ok: false as const, reason: 'tooEarly' as const };
    const bumped = await tx.event.updateMany({ where: { id: eventId, version: input.version }, data: { version: { increment: 1 } } });
    if (bumped.count !== 1) return { ok: false as const, reason: 'conflict' as const };
    const confirmed = { eventId, status: 'confirmed' as const };
    await tx.eventRegistration.updateMany({ where: { ...confirmed, id: { in: input.present } }, data: { attended: true } });
    await tx.eventRegistration.updateMany({ where: { ...confirmed, id: { notIn: input.present } }, data: { attended: false } });
    await recordAudit(tx, { actorId: ctx.actorId, action: 'event.attendance_recorded', entity: 'Event', entityId: eventId, ip: ctx.ip, details: { present: input.present.length } });
    return { ok: true as const };
  });
}

/** Outcomes written after the event ends; the event becomes `held` (an open event only, at the version read). */
export async function writeOutcomes(prisma: PrismaClient, eventId: string, input: { version: number; outcomes: string }, ctx: Ctx): Promise<ResultOutcome> {
  return prisma.$transaction(async (tx) => {
    const event = await tx.event.findUnique({ where: { id: eventId }, select: { endsAt: true } });
    if (!event) return { ok: false as const, reason: 'notFound' as const };
    if (ctx.now < event.endsAt) return { ok: false as const, reason: 'tooEarly' as const };
    const done = await tx.event.updateMany({
      where: { id: eventId, version: input.version, status: { in: ['open', 'held'] } },
      data: { outcomes: input.outcomes, status: 'held', version: { increment: 1 } },
    });
    if (done.count !== 1) return { ok: false as const, reason: 'conflict' as const };
    await recordAudit(tx, { actorId: ctx.actorId, action: 'event.outcomes_written', entity: 'Event', entityId: eventId, ip: ctx.ip });
    return { ok: true as const };
  });
}

/**
 * The officer cancels an open event (at the version read): registrations stay as they were, for the record, and
 * every registered or waiting person is told in their language.
 */
export async function cancelEvent(prisma: PrismaClient, eventId: string, input: { version: number }, ctx: Ctx & { publicUrl: string }): Promise<ResultOutcome> {
  return prisma.$transaction(async (tx) => {
    const done = await tx.event.updateMany({ where: { id: eventId, version: input.version, status: 'open' }, data: { status: 'cancelled', version: { increment: 1 } } });
    if (done.count !== 1) return { ok: false as const, reason: (await tx.event.count({ where: { id: eventId } })) ? ('conflict' as const) : ('notFound' as const) };
    const event = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { title: true } });
    const people = await tx.eventRegistration.findMany({ where: { eventId, status: { in: ['confirmed', 'waitlisted'] } }, select: { userId: true } });
    await recordAudit(tx, { actorId: ctx.actorId, action: 'event.cancelled', entity: 'Event', entityId: eventId, ip: ctx.ip, details: { told: people.length } });
    await notify(tx, ctx.publicUrl, people.map((p) => p.userId), { kind: 'event_cancelled', params: { title: event.title }, link: `/events/${eventId}` });
    return { ok: true as const };
  });
}
