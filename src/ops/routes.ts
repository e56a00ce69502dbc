import { Router } from 'express';
import type { Database } from '../db/database.js';
import type { Health } from './health.js';

/**
 * Liveness says the process serves requests; readiness says it can also reach its database, its writes are not
 * failing (disk full, read-only server) and it is not stopping.
 */
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
    if (!ok) {
      res.status(503).json({ status: 'unavailable', database: 'down' });
      return;
    }
    // Sources only: the errors themselves (file paths, SQL) are in the log, not on a public URL.
    const failing = (health?.failingWrites() ?? []).map((f) => f.source);
    if (failing.length > 0) {
      res.status(503).json({ status: 'unavailable', database: 'up', writes: 'failing', failing });
      return;
    }
    res.json({ status: 'ok', database: 'up' });
  });
  return router;
}
