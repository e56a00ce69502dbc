import type { PrismaClient } from '../db/prisma.js';
import type { Locale } from '../i18n/i18n.js';

const TAG: Record<Locale, string> = { fr: 'fr-MA', ar: 'ar-MA', en: 'en-GB' };

/** An event's dates in its own time zone and the reader's language ("12–13 mars 2027, 09:00–17:00 UTC+1"). */
export function eventWhen(e: { startsAt: Date; endsAt: Date; timeZone: string }, lng: Locale): string {
  const f = new Intl.DateTimeFormat(TAG[lng], { dateStyle: 'medium', timeStyle: 'short', timeZone: e.timeZone, numberingSystem: 'latn' });
  const zone = new Intl.DateTimeFormat('en', { timeZone: e.timeZone, timeZoneName: 'shortOffset' }).formatToParts(e.startsAt).find((p) => p.type === 'timeZoneName')?.value ?? '';
  return `${f.formatRange(e.startsAt, e.endsAt)} (${e.timeZone}, ${zone})`;
}

/** Upcoming events first (then the past ones), with the places taken: two queries whatever the number of events. */
export async function listEvents(prisma: PrismaClient, now: Date) {
  const events = await prisma.event.findMany({
    where: { status: { not: 'cancelled' }, endsAt: { gte: new Date(now.getTime() - 365 * 86_400_000) } },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    take: 100,
  });
  const counts = await prisma.eventRegistration.groupBy({
    by: ['eventId'], where: { eventId: { in: events.map((e) => e.id) }, status: 'confirmed' }, _count: { _all: true },
  });
  const taken = new Map(counts.map((c) => [c.eventId, c._count._all]));
  const withSeats = events.map((e) => ({ ...e, seatsLeft: Math.max(0, e.capacity - (taken.get(e.id) ?? 0)) }));
  return { upcoming: withSeats.filter((e) => e.endsAt >= now), past: withSeats.filter((e) => e.endsAt < now).reverse() };
}

/** One event, its places taken, the reader's registration and (for its organisers) everyone's. */
export async function loadEvent(prisma: PrismaClient, id: string, userId: string | undefined, withRegistrations: boolean) {
  const event = await prisma.event.findUnique({ where: { id } });
  if (!event) return undefined;
  const [confirmed, mine, registrations] = await Promise.all([
    prisma.eventRegistration.count({ where: { eventId: id, status: 'confirmed' } }),
    userId ? prisma.eventRegistration.findUnique({ where: { eventId_userId: { eventId: id, userId } } }) : null,
    withRegistrations
      ? prisma.eventRegistration.findMany({
          where: { eventId: id, status: { not: 'cancelled' } },
          orderBy: [{ status: 'asc' }, { registeredAt: 'asc' }, { id: 'asc' }],
          include: { user: { select: { displayName: true, role: true } } },
        })
      : [],
  ]);
  const waitingBefore = mine?.status === 'waitlisted'
    ? await prisma.eventRegistration.count({ where: { eventId: id, status: 'waitlisted', OR: [{ registeredAt: { lt: mine.registeredAt } }, { registeredAt: mine.registeredAt, id: { lt: mine.id } }] } })
    : 0;
  return { event, seatsLeft: Math.max(0, event.capacity - confirmed), mine: mine ?? undefined, waitingPosition: waitingBefore + 1, registrations };
}

/** The name a certificate prints: an expert's names as typed (any script), else the account's display name. */
export async function participantName(prisma: PrismaClient, userId: string): Promise<string> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { displayName: true, expertProfile: { select: { firstName: true, lastName: true } } } });
  return user.expertProfile ? `${user.expertProfile.firstName} ${user.expertProfile.lastName}` : (user.displayName ?? '');
}
