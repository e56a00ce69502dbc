import { Router } from 'express';
import { z } from 'zod';
import { isoDay, dayOfIso } from '../lib/iso-day.js';
import { amountField, fromCentimes, toCentimes } from '../lib/money.js';
import type { PrismaClient } from '../db/prisma.js';
import { Prisma } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import { echoValues, parseForm } from '../http/forms.js';
import { requireRole } from '../http/guards.js';
import { setFlash } from '../http/session.js';
import { MAX_DAILY_RATE } from '../missions/budget.js';

const rateSchema = z.object({
  city: z.string().trim().min(1, 'validation.required').max(100),
  regionCode: z.string().trim().max(10).optional().transform((v) => v || undefined),
  dailyRate: amountField(MAX_DAILY_RATE),
  validFrom: isoDay,
});

/** The per-diem table missions are budgeted from: admins add rates (a new rate from a date; history kept). */
export function perDiemRoutes({ prisma }: { prisma: PrismaClient }): Router {
  const router = Router();
  router.use('/admin/per-diem', requireRole('admin'));

  const page = async () => ({
    rates: await prisma.perDiemRate.findMany({ orderBy: [{ city: 'asc' }, { validFrom: 'desc' }], include: { region: true } }),
    regions: await prisma.region.findMany({ orderBy: { sortOrder: 'asc' } }),
  });

  router.get('/admin/per-diem', async (_req, res) => {
    res.render('admin/per-diem', { ...(await page()), values: {}, errors: {} });
  });

  router.post('/admin/per-diem', async (req, res) => {
    const form = parseForm(rateSchema, req.body);
    if (!form.ok) return res.status(400).render('admin/per-diem', { ...(await page()), values: form.values, errors: form.errors });
    const { city, regionCode, dailyRate, validFrom } = form.data;
    if (regionCode && !(await prisma.region.findUnique({ where: { code: regionCode } }))) {
      return res.status(400).render('admin/per-diem', { ...(await page()), values: echoValues(req.body as Record<string, unknown>), errors: { regionCode: { key: 'validation.choice' } } });
    }
    try {
      await prisma.$transaction(async (tx) => {
        const rate = await tx.perDiemRate.create({
          data: { city, regionCode, dailyRate: fromCentimes(toCentimes(dailyRate)!), validFrom: dayOfIso(validFrom), isDemo: false },
        });
        await recordAudit(tx, { actorId: req.user!.id, action: 'per_diem.rate_added', entity: 'PerDiemRate', entityId: rate.id, ip: req.ip, details: { city, dailyRate: rate.dailyRate.toString(), validFrom } });
      });
    } catch (err) {
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
        return res.status(409).render('admin/per-diem', { ...(await page()), values: echoValues(req.body as Record<string, unknown>), errors: { validFrom: { key: 'admin.perDiem.duplicate' } } });
      }
      throw err;
    }
    setFlash(req, 'success', 'admin.perDiem.added');
    res.redirect(303, '/admin/per-diem');
  });

  return router;
}
