import { Router, type Request, type Response } from 'express';
import type { PrismaClient } from '../db/prisma.js';
import { AppError } from '../http/app-error.js';
import { echoValues, parseForm, type FieldErrors } from '../http/forms.js';
import { authorize, requireUser } from '../http/guards.js';
import { setFlash } from '../http/session.js';
import { isUuid } from '../lib/uuid.js';
import { fundingPolicy } from './policy.js';
import { fundingLines } from './queries.js';
import { fundingSourceSchema, saveFundingSource } from './save-funding-source.js';

/** Admins manage the programme's funding lines; each shows its envelope, what is committed and what remains. */
export function fundingRoutes({ prisma }: { prisma: PrismaClient }): Router {
  const router = Router();
  router.use('/admin/funding', requireUser, (req, _res, next) => {
    authorize(fundingPolicy.manage(req.user));
    next();
  });

  const render = async (res: Response, status = 200, form: { id?: string; values: Record<string, string>; errors: FieldErrors } = { values: {}, errors: {} }) =>
    res.status(status).render('funding/index', { lines: await fundingLines(prisma), form, year: new Date().getUTCFullYear() });

  router.get('/admin/funding', (_req, res) => render(res));

  const save = async (req: Request, res: Response, id?: string) => {
    const parsed = parseForm(fundingSourceSchema, req.body);
    if (!parsed.ok) return render(res, 400, { id, values: parsed.values, errors: parsed.errors });
    const result = await saveFundingSource(prisma, parsed.data, id, { actorId: req.user!.id, ip: req.ip });
    if (!result.ok && result.reason === 'notFound') throw AppError.notFound();
    if (!result.ok) return render(res, 409, { id, values: echoValues(req.body as Record<string, unknown>), errors: { projectCode: { key: 'funding.duplicate' } } });
    setFlash(req, 'success', id ? 'funding.flash.updated' : 'funding.flash.created');
    res.redirect(303, '/admin/funding');
  };
  router.post('/admin/funding', (req, res) => save(req, res));
  router.post('/admin/funding/:id', (req, res) => {
    if (!isUuid(req.params.id)) throw AppError.notFound();
    return save(req, res, req.params.id);
  });
  return router;
}
