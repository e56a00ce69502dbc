import { Router } from 'express';
import type { Database } from '../db/database.js';

/** Liveness says the process serves requests; readiness says it can also reach its database. */
export function opsRoutes(db: Database): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const ok = await db.ping();
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', database: ok ? 'up' : 'down' });
  });
  return router;
}
