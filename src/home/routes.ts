import { Router } from 'express';
import type { PrismaClient } from '../db/prisma.js';
import { cachedFor } from '../lib/cached.js';
import type { Clock } from '../lib/clock.js';
import { homeFigures, latestNeeds } from './queries.js';

/** The home page's counts scan whole tables; anonymous visitors can read them up to this old. */
const FIGURES_MAX_AGE_MS = 30_000;

export function homeRoutes({ prisma, clock }: { prisma: PrismaClient; clock: Clock }): Router {
  const router = Router();
  const figures = cachedFor(FIGURES_MAX_AGE_MS, () => homeFigures(prisma), () => clock().getTime());
  router.get('/', async (_req, res) => {
    const [current, needs] = await Promise.all([figures(), latestNeeds(prisma)]);
    res.render('home/index', { figures: current, needs });
  });
  router.get('/about', (_req, res) => {
    res.render('pages/about');
  });
  return router;
}
