import { Router } from 'express';
import type { PrismaClient } from '../db/prisma.js';
import { readRetention } from './retention.js';

/** The privacy policy: public, and it states the retention periods in force (the setting, or the defaults). */
export function privacyRoutes({ prisma }: { prisma: PrismaClient }): Router {
  const router = Router();
  router.get('/privacy', async (_req, res) => {
    res.render('pages/privacy', { retention: await readRetention(prisma) });
  });
  return router;
}
