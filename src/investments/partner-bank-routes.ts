import { Router, type Response } from 'express';
import { z } from 'zod';
import { Prisma, type PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import { AppError } from '../http/app-error.js';
import { parseForm, type FieldErrors } from '../http/forms.js';
import { authorize, requireUser } from '../http/guards.js';
import { setFlash } from '../http/session.js';
import { UUID } from './db.js';
import { investmentPolicy } from './policy.js';

const bankSchema = z.object({ name: z.string().trim().min(2, 'validation.required').max(120, 'validation.tooLong') });
const toggleSchema = z.object({ active: z.enum(['true', 'false']) });

/** Partner banks are reference data that admins edit: add one, or retire it (never deleted: projects point at it). */
export function partnerBankRoutes({ prisma }: { prisma: PrismaClient }): Router {
  const router = Router();
  router.use('/admin/partner-banks', requireUser, (req, _res, next) => {
    authorize(investmentPolicy.managePartnerBanks(req.user));
    next();
  });
  const render = async (res: Response, status: number, values: Record<string, string>, errors: FieldErrors) => {
    const banks = await prisma.partnerBank.findMany({ orderBy: { name: 'asc' }, include: { _count: { select: { projects: true } } } });
    res.status(status).render('admin/partner-banks', { banks, values, errors });
  };
  router.get('/admin/partner-banks', (_req, res) => render(res, 200, {}, {}));
  router.post('/admin/partner-banks', async (req, res) => {
    const form = parseForm(bankSchema, req.body);
    if (!form.ok) return render(res, 400, form.values, form.errors);
    try {
      await prisma.$transaction(async (tx) => {
        const bank = await tx.partnerBank.create({ data: { name: form.data.name } });
        await recordAudit(tx, { actorId: req.user!.id, action: 'partner_bank.create', entity: 'PartnerBank', entityId: bank.id, ip: req.ip });
      });
    } catch (err) {
      // The unique name: a bank already in the list is a message next to the field, not a 500.
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') return render(res, 400, { name: form.data.name }, { name: { key: 'invest.banks.exists' } });
      throw err;
    }
    setFlash(req, 'success', 'invest.banks.saved');
    res.redirect(303, '/admin/partner-banks');
  });
  router.post('/admin/partner-banks/:id/active', async (req, res) => {
    const id = String(req.params.id);
    if (!UUID.test(id)) throw AppError.notFound();
    const form = parseForm(toggleSchema, req.body);
    if (!form.ok) throw AppError.badRequest();
    await prisma.$transaction(async (tx) => {
      const r = await tx.partnerBank.updateMany({ where: { id }, data: { active: form.data.active === 'true' } });
      if (r.count !== 1) throw AppError.notFound();
      await recordAudit(tx, { actorId: req.user!.id, action: 'partner_bank.active', entity: 'PartnerBank', entityId: id, ip: req.ip, details: { active: form.data.active === 'true' } });
    });
    setFlash(req, 'success', 'invest.banks.saved');
    res.redirect(303, '/admin/partner-banks');
  });
  return router;
}
