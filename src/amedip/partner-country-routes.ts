import { Router, type NextFunction, type Request, type Response } from 'express';
import type { PrismaClient } from '../db/prisma.js';
import { AppError } from '../http/app-error.js';
import { authorize, requireUser } from '../http/guards.js';
import { echoValues, parseForm, type FieldErrors } from '../http/forms.js';
import { setFlash } from '../http/session.js';
import { amedipPolicy } from './policy.js';
import { addPartnerCountry, addPartnerCountrySchema, updatePartnerCountry, updatePartnerCountrySchema } from './save-partner-country.js';

/** Admins keep the list of South–South partner countries: add one, rename it, deactivate it. */
export function partnerCountryRoutes({ prisma }: { prisma: PrismaClient }): Router {
  const router = Router();
  const allowed = (req: Request, res: Response, next: NextFunction) => {
    if (!req.user) return requireUser(req, res, next);
    authorize(amedipPolicy.editPartnerCountries(req.user));
    next();
  };
  router.use('/admin/partner-countries', allowed);

  const render = async (res: Response, status: number, values: Record<string, string>, errors: FieldErrors) =>
    res.status(status).render('amedip/partner-countries', {
      countries: await prisma.partnerCountry.findMany({ orderBy: { code: 'asc' } }), values, errors,
    });

  router.get('/admin/partner-countries', (_req, res) => render(res, 200, {}, {}));

  router.post('/admin/partner-countries', async (req, res) => {
    const form = parseForm(addPartnerCountrySchema, req.body);
    if (!form.ok) return render(res, 400, form.values, form.errors);
    const result = await addPartnerCountry(prisma, form.data, { actorId: req.user!.id, ip: req.ip });
    if (!result.ok) return render(res, 'errors' in result ? 409 : 404, echoValues(req.body as Record<string, unknown>), 'errors' in result ? result.errors : {});
    setFlash(req, 'success', 'amedip.partners.added');
    res.redirect(303, '/admin/partner-countries');
  });

  router.post('/admin/partner-countries/:code', async (req, res) => {
    const code = String(req.params.code);
    if (!/^[A-Z]{2}$/.test(code)) throw AppError.notFound();
    const form = parseForm(updatePartnerCountrySchema, req.body);
    if (!form.ok) return render(res, 400, {}, Object.fromEntries(Object.entries(form.errors).map(([k, v]) => [`${code}-${k}`, v])));
    const result = await updatePartnerCountry(prisma, code, form.data, { actorId: req.user!.id, ip: req.ip });
    if (!result.ok) throw AppError.notFound();
    setFlash(req, 'success', 'amedip.partners.saved');
    res.redirect(303, '/admin/partner-countries');
  });

  return router;
}
