import { Router } from 'express';
import type { PrismaClient } from '../db/prisma.js';
import type { Clock } from '../lib/clock.js';
import { requireRole } from '../http/guards.js';
import { catalogueCards } from '../needs/queries.js';
import { eventWhen } from '../events/queries.js';

const MAX_NEEDS = 24;

/**
 * "My region of origin": what an expert of the diaspora can do for the place they come from — the open needs of
 * their region (those of their very commune first) and the upcoming local-development events. Investment
 * opportunities join this page once the investment track exists.
 */
export function originRoutes({ prisma, clock }: { prisma: PrismaClient; clock: Clock }): Router {
  const router = Router();

  router.get('/experts/me/origin', requireRole('expert'), async (req, res) => {
    const profile = await prisma.expertProfile.findUnique({
      where: { userId: req.user!.id },
      select: { originRegionCode: true, originCommuneCode: true, originRegion: true, originCommuneRef: true },
    });
    const region = profile?.originRegionCode ?? null;
    const commune = profile?.originCommuneCode ?? null;
    const now = clock();
    const open = (where: object) =>
      prisma.need.findMany({ where: { status: 'published', ...where }, orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }], select: { id: true }, take: MAX_NEEDS });
    // two indexed queries: the expert's own commune first, then the rest of the region
    const [communeNeeds, regionNeeds, events] = await Promise.all([
      commune ? open({ communeCode: commune }) : Promise.resolve([]),
      region ? open({ regionCode: region, ...(commune ? { OR: [{ communeCode: null }, { communeCode: { not: commune } }] } : {}) }) : Promise.resolve([]),
      prisma.event.findMany({ where: { theme: 'local_development', status: 'open', endsAt: { gte: now } }, orderBy: { startsAt: 'asc' }, take: 12 }),
    ]);
    const ordered = [...communeNeeds, ...regionNeeds].slice(0, MAX_NEEDS);
    const inCommune = new Set(communeNeeds.map((n) => n.id));
    const needs = ordered.length ? await catalogueCards(prisma, ordered.map((n) => n.id)) : [];
    const counts = await prisma.eventRegistration.groupBy({ by: ['eventId'], where: { eventId: { in: events.map((e) => e.id) }, status: 'confirmed' }, _count: { _all: true } });
    const taken = new Map(counts.map((c) => [c.eventId, c._count._all]));
    res.render('amedip/origin', {
      region: profile?.originRegion ?? null, commune: profile?.originCommuneRef ?? null, needs, inCommune,
      events: events.map((e) => ({ ...e, seatsLeft: Math.max(0, e.capacity - (taken.get(e.id) ?? 0)) })),
      when: (e: Parameters<typeof eventWhen>[0]) => eventWhen(e, req.lng),
    });
  });

  return router;
}
