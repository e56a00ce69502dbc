import { Router, type Request, type Response } from 'express';
import type { PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import { investLocals } from '../cofinancing/view-locals.js';
import { authorize, requireUser } from '../http/guards.js';
import { projectsCsv } from './csv.js';
import { investmentPolicy } from './policy.js';
import { effectiveOutcomes, evaluationOf } from './precheck.js';
import { exportRows, officerQueue, queueFilterSchema, type QueueFilter } from './queries.js';

const PARAMS = ['status', 'sector', 'region', 'bank', 'page'] as const;

function pick(query: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of PARAMS) if (typeof query[k] === 'string') out[k] = query[k];
  return out;
}

/** The officers' review queue with filters and the pre-check of each project, and its CSV export. */
export function officerInvestmentRoutes({ prisma }: { prisma: PrismaClient }): Router {
  const router = Router();
  router.use(['/officer/investments', '/officer/investments.csv'], requireUser, investLocals(prisma), (req, _res, next) => {
    authorize(investmentPolicy.reviewQueue(req.user));
    next();
  });

  const parse = (req: Request, res: Response): QueueFilter | undefined => {
    const parsed = queueFilterSchema.safeParse(pick(req.query));
    if (parsed.success) return parsed.data;
    res.locals.filterErrors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), 'errors.filterInvalid']));
    return undefined;
  };

  router.get('/officer/investments', async (req, res) => {
    const filter = parse(req, res);
    const [regions, banks] = await Promise.all([
      prisma.region.findMany({ orderBy: { sortOrder: 'asc' } }),
      prisma.partnerBank.findMany({ orderBy: { name: 'asc' } }),
    ]);
    const echo = Object.fromEntries(PARAMS.map((k) => [k, typeof req.query[k] === 'string' ? String(req.query[k]).slice(0, 60) : '']));
    if (!filter) {
      return res.status(400).render('investments/officer', { result: { rows: [], total: 0, page: 1, pages: 1 }, checks: [], regions, banks, query: echo, errors: res.locals.filterErrors });
    }
    const result = await officerQueue(prisma, filter);
    const checks = result.rows.map((r) => { const e = evaluationOf(r.eligibility); return e ? effectiveOutcomes(e, r.overrides) : undefined; });
    res.render('investments/officer', { result, checks, regions, banks, query: echo, errors: {} });
  });

  router.get('/officer/investments.csv', async (req, res) => {
    const filter = parse(req, res);
    if (!filter) return res.status(400).type('text/plain').send('bad filter');
    const rows = await exportRows(prisma, filter);
    await recordAudit(prisma, { actorId: req.user!.id, action: 'investment.exported', entity: 'InvestmentProject', ip: req.ip, details: { rows: rows.length, filter: { ...filter } } });
    res.set({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="jisr-investments-${new Date().toISOString().slice(0, 10)}.csv"`,
      'Cache-Control': 'no-store',
    });
    res.send(projectsCsv(rows, res.locals.t as Parameters<typeof projectsCsv>[1]));
  });
  return router;
}
