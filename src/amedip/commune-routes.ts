import { Router, type NextFunction, type Request, type Response } from 'express';
import type { PrismaClient } from '../db/prisma.js';
import { echoValues, parseForm, type FieldErrors } from '../http/forms.js';
import { authorize, requireUser } from '../http/guards.js';
import { setFlash } from '../http/session.js';
import { addCommune, addCommuneSchema } from './add-commune.js';
import { amedipPolicy } from './policy.js';

/** Admins see the communes per region and add one (reference data of local development). */
export function communeRoutes({ prisma }: { prisma: PrismaClient }): Router {
  const router = Router();
  router.use('/admin/communes', (req: Request, res: Response, next: NextFunction) => {
    if (!req.user) return requireUser(req, res, next);
    authorize(amedipPolicy.editCommunes(req.user));
    next();
  });
  const render = async (res: Response, status: number, values: Record<string, string>, errors: FieldErrors) => {
    const [regions, communes] = await Promise.all([
      prisma.region.findMany({ orderBy: { sortOrder: 'asc' } }),
      prisma.commune.findMany({ orderBy: [{ regionCode: 'asc' }, { nameFr: 'asc' }] }),
    ]);
    res.status(status).render('amedip/communes', { regions, communes, values, errors });
  };
  router.get('/admin/communes', (_req, res) => render(res, 200, {}, {}));
  router.post('/admin/communes', async (req, res) => {
    const form = parseForm(addCommuneSchema, req.body);
    if (!form.ok) return render(res, 400, form.values, form.errors);
    const result = await addCommune(prisma, form.data, { actorId: req.user!.id, ip: req.ip });
    if (!result.ok) return render(res, 400, echoValues(req.body as Record<string, unknown>), result.errors);
    setFlash(req, 'success', 'amedip.commune.added');
    res.redirect(303, '/admin/communes');
  });
  return router;
}
