import type { Prisma, PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import { notify } from '../notifications/notify.js';

export type RegisterOutcome = 'confirmed' | 'waitlisted' | 'already' | 'closed' | 'deadline' | 'notFound';
export type CancelOutcome = { ok: true; promotedUserId?: string } | { ok: false; reason: 'notRegistered' | 'started' };

interface Ctx { actorId: string; ip?: string; now: Date; publicUrl: string }
type Tx = Prisma.TransactionClient;

/**
 * Locks the event row for the rest of the transaction: registrations and cancellations of one event run one after
 * the other, so two people taking the last place at once cannot both get it (the second finds it taken and waits
 * in the list). Returns undefined when the event does not exist.
 */
async function lockEvent(tx: Tx, eventId: string) {
  const rows = await tx.$queryRaw<{ id: string; capacity: number; status: string; registrationDeadline: Date; startsAt: Date; title: string }[]>`
    SELECT "id", "capacity", "status"::text AS "status", "registrationDeadline", "startsAt", "title" FROM "Event" WHERE "id" = ${eventId}::uuid FOR UPDATE`;
  return rows[0];
}

const confirmedCount = (tx: Tx, eventId: string) => tx.eventRegistration.count({ where: { eventId, status: 'confirmed' } });

/**
 * Registers the actor: a place while there is one, else the waiting list (in order of registration). A person
 * who cancelled may register again, at the end of the list. Nothing is stored after the deadline.
 */
export async function registerForEvent(prisma: PrismaClient, eventId: string, ctx: Ctx): Promise<RegisterOutcome> {
  return prisma.$transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    if (!event) return 'notFound';
    if (event.status !== 'open') return 'closed';
    if (ctx.now > event.registrationDeadline) return 'deadline';
    const existing = await tx.eventRegistration.findUnique({ where: { eventId_userId: { eventId, userId: ctx.actorId } } });
    if (existing && existing.status !== 'cancelled') return 'already';
    const status = (await confirmedCount(tx, eventId)) < event.capacity ? 'confirmed' : 'waitlisted';
    const data = { status, registeredAt: ctx.now, cancelledAt: null, promotedAt: null, attended: null } as const;
    if (existing) await tx.eventRegistration.update({ where: { id: existing.id }, data });
    else await tx.eventRegistration.create({ data: { eventId, userId: ctx.actorId, ...data } });
    await recordAudit(tx, { actorId: ctx.actorId, action: `event.registration_${status}`, entity: 'Event', entityId: eventId, ip: ctx.ip });
    await notify(tx, ctx.publicUrl, [ctx.actorId], { kind: `event_${status}`, params: { title: event.title }, link: `/events/${eventId}` });
    return status;
  });
}

/**
 * Cancels the actor's registration before the event starts. A place that frees up goes to the first of the waiting
 * list, who is told in their language.
 */
export async function cancelRegistration(prisma: PrismaClient, eventId: string, ctx: Ctx): Promise<CancelOutcome> {
  return prisma.$transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    if (!event) return { ok: false as const, reason: 'notRegistered' as const };
    if (ctx.now >= event.startsAt) return { ok: false as const, reason: 'started' as const };
    const mine = await tx.eventRegistration.findUnique({ where: { eventId_userId: { eventId, userId: ctx.actorId } } });
    if (!mine || mine.status === 'cancelled') return { ok: false as const, reason: 'notRegistered' as const };
    await tx.eventRegistration.update({ where: { id: mine.id }, data: { status: 'cancelled', cancelledAt: ctx.now } });
    await recordAudit(tx, { actorId: ctx.actorId, action: 'event.registration_cancelled', entity: 'Event', entityId: eventId, ip: ctx.ip });
    const promotedUserId = await promoteWaiting(tx, event, ctx);
    return { ok: true as const, promotedUserId };
  });
}

/** Fills free places from the waiting list, first registered first; returns the last person promoted. */
async function promoteWaiting(tx: Tx, event: { id: string; capacity: number; title: string }, ctx: Ctx): Promise<string | undefined> {
  let free = event.capacity - (await confirmedCount(tx, event.id));
  let promoted: string | undefined;
  while (free-- > 0) {
    const next = await tx.eventRegistration.findFirst({ where: { eventId: event.id, status: 'waitlisted' }, orderBy: [{ registeredAt: 'asc' }, { id: 'asc' }] });
    if (!next) break;
    await tx.eventRegistration.update({ where: { id: next.id }, data: { status: 'confirmed', promotedAt: ctx.now } });
    await recordAudit(tx, { actorId: ctx.actorId, action: 'event.registration_promoted', entity: 'Event', entityId: event.id, ip: ctx.ip, details: { userId: next.userId } });
    await notify(tx, ctx.publicUrl, [next.userId], { kind: 'event_promoted', params: { title: event.title }, link: `/events/${event.id}` });
    promoted = next.userId;
  }
  return promoted;
}
