import { Router } from 'express';
import type { PrismaClient } from '../db/prisma.js';
import { homeFigures, latestNeeds } from './queries.js';

export function homeRoutes({ prisma }: { prisma: PrismaClient }): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const [figures, needs] = await Promise.all([homeFigures(prisma), latestNeeds(prisma)]);
    res.render('home/index', { figures, needs });
  });
  router.get('/about', (_req, res) => {
    res.render('pages/about');
  });
  return router;
}
