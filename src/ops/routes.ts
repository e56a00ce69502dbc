import { Router } from 'express';
import type { Database } from '../db/database.js';
import type { Health } from './health.js';

/** Liveness says the process serves requests; readiness says it can also reach its database and is not stopping. */
export function opsRoutes(db: Database, health?: Health): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    if (health?.draining) {
      res.status(503).json({ status: 'draining' });
      return;
    }
    const ok = await db.ping();
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', database: ok ? 'up' : 'down' });
  });
  return router;
}
