import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../db/prisma.js';
import { AppError } from '../http/app-error.js';
import { parseForm, type FieldErrors } from '../http/forms.js';
import { authorize, requireUser } from '../http/guards.js';
import { setFlash } from '../http/session.js';
import type { Clock } from '../lib/clock.js';
import { ApiProblem, sendProblem } from './http.js';
import { createApiKey, revokeApiKey } from './keys.js';
import { openApiDocument } from './openapi.js';
import { API_SCOPES, apiPolicy } from './policy.js';
import { UUID_PATTERN as UUID } from '../lib/uuid.js';

const asList = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export const apiKeySchema = z.object({
  partner: z.string({ message: 'validation.required' }).trim().min(2, 'validation.required').max(200, 'validation.tooLong'),
  scopes: z.preprocess(asList, z.array(z.enum(API_SCOPES, { message: 'validation.choice' })).min(1, 'apiKeys.scopesRequired')),
  requestsPerMinute: z.preprocess((v) => (v === '' || v === undefined ? 120 : v), z.coerce.number({ message: 'apiKeys.rateInvalid' }).int('apiKeys.rateInvalid').min(1, 'apiKeys.rateInvalid').max(10_000, 'apiKeys.rateInvalid')),
});

/** Admin pages of partner keys (/admin/api-keys), and the human reference of the API (/api/v1/docs). */
export function apiAdminRoutes({ prisma, clock }: { prisma: PrismaClient; clock: Clock }): Router {
  const router = Router();

  // Rendered from the OpenAPI document itself, on the server: no script, no CDN, within the strict CSP.
  router.get('/api/v1/docs', (_req, res) => res.render('api/reference', { doc: openApiDocument(), scopes: API_SCOPES }));

  router.use('/admin/api-keys', requireUser, (req, _res, next) => {
    authorize(apiPolicy.manageApiKeys(req.user));
    next();
  });
  const render = async (res: Response, view: { status?: number; values?: Record<string, unknown>; errors?: FieldErrors; created?: { key: string; partner: string } }) => {
    const keys = await prisma.apiKey.findMany({ orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }] });
    res.status(view.status ?? 200).render('admin/api-keys', { keys, scopes: API_SCOPES, values: view.values ?? {}, errors: view.errors ?? {}, created: view.created });
  };
  router.get('/admin/api-keys', (_req, res) => render(res, {}));
  router.post('/admin/api-keys', async (req: Request, res: Response) => {
    const form = parseForm(apiKeySchema, req.body);
    if (!form.ok) return render(res, { status: 400, values: { partner: form.values.partner, requestsPerMinute: form.values.requestsPerMinute, scopes: asList((req.body as Record<string, unknown>).scopes) }, errors: form.errors });
    const { key } = await createApiKey(prisma, form.data, { actorId: req.user!.id, ip: req.ip });
    // The key is in this response only: it is not stored, so a reload cannot show it again.
    res.setHeader('Cache-Control', 'no-store');
    await render(res, { status: 201, created: { key, partner: form.data.partner } });
  });
  router.post('/admin/api-keys/:id/revoke', async (req, res) => {
    const id = String(req.params.id);
    parseForm(z.object({}), req.body);
    if (!UUID.test(id) || !(await revokeApiKey(prisma, id, { actorId: req.user!.id, ip: req.ip, now: clock() }))) throw AppError.notFound();
    setFlash(req, 'success', 'apiKeys.revoked');
    res.redirect(303, '/admin/api-keys');
  });
  // Any other path of the API is a problem-details 404, not the portal's HTML page (registered after the API).
  router.use('/api/v1', (_req, res) => sendProblem(res, new ApiProblem(404, 'not-found', 'Not found', 'See /api/v1/openapi.json for the paths.')));
  return router;
}
