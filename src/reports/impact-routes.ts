import { Router } from 'express';
import type { PrismaClient } from '../db/prisma.js';
import { translator } from '../i18n/i18n.js';
import { barChart } from './bar-chart.js';
import { formatValue, type ValueKind } from './figures.js';
import { impactFigures } from './impact.js';

/** The public impact page: no sign-in, aggregates only, small cells hidden (src/reports/impact.ts). */
export function impactRoutes({ prisma }: { prisma: PrismaClient }): Router {
  const router = Router();
  router.get('/impact', async (req, res) => {
    const t = translator(req.lng);
    const [regions, sectors] = await Promise.all([prisma.region.findMany({ orderBy: { sortOrder: 'asc' } }), prisma.sector.findMany({ orderBy: { code: 'asc' } })]);
    const { summary, figures } = await impactFigures({ prisma, t, lng: req.lng, regions, sectors, today: new Date() });
    const dir = req.lng === 'ar' ? 'rtl' : 'ltr';
    const charts = Object.fromEntries(figures.map((f) => [f.id, barChart(f, req.lng, dir)]));
    const suppressed = t('impact.suppressed');
    res.render('reports/impact', { summary, figures, charts, fmtValue: (kind: ValueKind, v: number | null) => (v === null ? suppressed : formatValue(req.lng, kind, v)) });
  });
  return router;
}
