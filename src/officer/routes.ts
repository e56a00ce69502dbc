import { Router, type Response } from 'express';
import type { PrismaClient } from '../db/prisma.js';
import { AppError } from '../http/app-error.js';
import { parseForm, type FieldErrors } from '../http/forms.js';
import { authorize, requireRole } from '../http/guards.js';
import { setFlash } from '../http/session.js';
import { decideInstitution } from '../institutions/decide-institution.js';
import { institutionPolicy } from '../institutions/policy.js';
import { emptySchema, rejectSchema } from '../institutions/schemas.js';
import { officerQueue } from './queries.js';
import { UUID_PATTERN as UUID } from '../lib/uuid.js';

interface Deps {
  prisma: PrismaClient;
  publicUrl: string;
}


/** The IOM officer's queue and the verification of institutions. */
export function officerRoutes(deps: Deps): Router {
  const router = Router();
  router.use('/officer', requireRole('officer'));

  /** The queue; after a refused rejection, with the message next to that institution's reason field. */
  const renderQueue = async (res: Response, status = 200, rejection?: { institutionId: string; errors: FieldErrors; values: Record<string, string> }) => {
    res.status(status).render('officer/index', { queue: await officerQueue(deps.prisma), now: new Date(), rejection });
  };

  router.get('/officer', (_req, res) => renderQueue(res));

  router.post('/officer/institutions/:id/:decision', async (req, res) => {
    const { id, decision } = req.params;
    if ((decision !== 'verify' && decision !== 'reject') || !UUID.test(id)) throw AppError.notFound();
    authorize(institutionPolicy.decide(req.user));
    let reason: string | undefined;
    if (decision === 'reject') {
      const form = parseForm(rejectSchema, req.body);
      if (!form.ok) return renderQueue(res, 400, { institutionId: id, errors: form.errors, values: form.values });
      reason = form.data.reason;
    } else if (!parseForm(emptySchema, req.body).ok) throw AppError.badRequest();
    const result = await decideInstitution(deps, { institutionId: id, decision, reason }, { actorId: req.user!.id, ip: req.ip });
    if (!result.ok && result.reason === 'notFound') throw AppError.notFound();
    if (result.ok) setFlash(req, 'success', `officer.institutions.${decision === 'verify' ? 'verified' : 'rejected'}`);
    else setFlash(req, 'error', `officer.institutions.${result.reason}`);
    res.redirect(303, '/officer');
  });

  return router;
}
