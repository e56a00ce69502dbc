import { Router } from 'express';
import { stringify } from 'csv-stringify/sync';
import type pg from 'pg';
import type { PrismaClient } from '../db/prisma.js';
import { AppError } from '../http/app-error.js';
import { authorize, requireUser } from '../http/guards.js';
import { formatValue, SECTION_IDS, type SectionId, type ValueKind } from './figures.js';
import { pickQuery, queryString, reportQuerySchema, resolveFilter } from './filters.js';
import { isMapIndicator, reportContext, reportPage } from './page.js';
import { reportPolicy } from './policy.js';
import { buildSections } from './sections.js';
import { exportRoutes } from './export-routes.js';

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The programme reports of officers and admins: the page, each figure's CSV, and the row-level exports. */
export function reportRoutes(deps: { prisma: PrismaClient; pool: pg.Pool }): Router {
  const router = Router();
  router.use('/officer/reports', requireUser, (req, _res, next) => {
    authorize(reportPolicy.see(req.user));
    next();
  });

  router.get('/officer/reports', async (req, res) => {
    const raw = pickQuery(req.query);
    const parsed = reportQuerySchema.safeParse(raw);
    const query = parsed.success ? parsed.data : {};
    const errors = parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    const filter = resolveFilter(query);
    const indicator = isMapIndicator(req.query.map) ? req.query.map : 'experts';
    const ctx = await reportContext(deps.prisma, req);
    const page = await reportPage(ctx, filter, indicator);
    const qs = queryString(query);
    // The form shows what was asked, else the period in force (the current quarter by default).
    const values = { period: 'quarter', year: String(filter.from.getUTCFullYear()), quarter: String(Math.floor(filter.from.getUTCMonth() / 3) + 1), ...raw };
    res.status(parsed.success ? 200 : 400).render('reports/index', {
      ...page, values, errors, filter, qs, regions: ctx.regions, sectors: ctx.sectors,
      fmtValue: (kind: ValueKind, v: number | null) => formatValue(req.lng, kind, v),
      lastDay: new Date(filter.to.getTime() - 86_400_000), years: yearsAround(new Date().getUTCFullYear()),
    });
  });

  // One figure's numbers, exactly as its table shows them (same builder, same rounding), as CSV with a BOM.
  router.get('/officer/reports/figures/:file', async (req, res) => {
    const id = /^([a-z-]+)\.csv$/.exec(req.params.file)?.[1];
    const section = SECTION_IDS.find((s) => id === s || id?.startsWith(`${s}-`)) as SectionId | undefined;
    const parsed = reportQuerySchema.safeParse(pickQuery(req.query));
    if (!id || !section) throw AppError.notFound();
    if (!parsed.success) throw AppError.badRequest();
    const filter = resolveFilter(parsed.data);
    const [found] = (await buildSections(await reportContext(deps.prisma, req), filter, section)).flatMap((s) => s.figures).filter((f) => f.id === id);
    if (!found) throw AppError.notFound();
    const csv = stringify([[found.labelHeading, ...found.columns.map((c) => c.label)], ...found.rows.map((r) => [r.label, ...r.values.map((v) => (v === null ? '' : v))])], { bom: true });
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="jisr-${id}-${day(filter.from)}-${day(new Date(filter.to.getTime() - 86_400_000))}.csv"`);
    res.send(csv);
  });

  router.use(exportRoutes(deps));
  return router;
}

const yearsAround = (y: number) => Array.from({ length: 8 }, (_, i) => y + 1 - i);
