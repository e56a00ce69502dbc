import { Router } from 'express';
import type { PrismaClient } from '../db/prisma.js';
import { requireUser } from '../http/guards.js';
import { dashboardFor } from './queries.js';

export function meRoutes({ prisma }: { prisma: PrismaClient }): Router {
  const router = Router();
  router.get('/me', requireUser, async (req, res) => {
    const dashboard = await dashboardFor(prisma, req.user!);
    res.render(`me/${dashboard.kind}`, { dashboard });
  });
  return router;
}
