import { Router } from 'express';
import { parseForm } from '../http/forms.js';
import { rateLimit } from '../http/rate-limit.js';
import { changeConsent, consentSchema } from './change-consent.js';
import { deleteAccountSchema, deleteExpertAccount } from './delete-expert-account.js';
import type { ExpertDeps } from './deps.js';
import { ctxOf, echoForm, flashAndRedirect, renderStep } from './editor-support.js';
import { stepPath } from './editor-steps.js';
import { exportExpertData } from './export-expert-data.js';

/** The expert's rights over their data: export, consent, erasure (behind requireRole('expert')). Each is audited. */
export function dataRightsRoutes(deps: ExpertDeps): Router {
  const router = Router();
  // The erasure asks for the password: a stolen session must not become a way to guess it.
  const deleteLimiter = rateLimit(deps.pool, { name: 'expert-delete', windowMs: 60 * 60_000, limit: 10, key: (req) => `user:${req.user?.id ?? 'none'}` });

  router.get(stepPath('data'), (req, res) => renderStep(deps.prisma, req, res, 'data'));

  router.get('/experts/me/export', async (req, res) => {
    const ctx = ctxOf(req);
    const json = await exportExpertData(deps, ctx);
    res.set({
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="jisr-data-${ctx.now.toISOString().slice(0, 10)}.json"`,
      'Cache-Control': 'no-store',
    });
    res.send(json);
  });

  router.post('/experts/me/consent', async (req, res) => {
    const form = parseForm(consentSchema, req.body);
    if (!form.ok) return renderStep(deps.prisma, req, res, 'privacy', { status: 400, errors: form.errors });
    await changeConsent(deps.prisma, form.data.action, ctxOf(req));
    await flashAndRedirect(req, res, 'success', form.data.action === 'withdraw' ? 'profile.consent.withdrawn' : 'profile.consent.given', stepPath('privacy'));
  });

  router.get('/experts/me/delete', (req, res) => renderStep(deps.prisma, req, res, 'delete'));

  router.post('/experts/me/delete', deleteLimiter, async (req, res, next) => {
    const form = parseForm(deleteAccountSchema, req.body);
    if (!form.ok) return renderStep(deps.prisma, req, res, 'delete', { status: 400, values: echoForm(req.body), errors: form.errors });
    const result = await deleteExpertAccount(deps, form.data.password, ctxOf(req));
    if (!result.ok) return renderStep(deps.prisma, req, res, 'delete', { status: 400, values: echoForm(req.body), errors: result.errors });
    // The sessions are gone from the store; a fresh, anonymous one carries the goodbye message.
    req.logout({ keepSessionInfo: false }, (err) => {
      if (err) return next(err);
      flashAndRedirect(req, res, 'success', 'profile.delete.done', '/').catch(next);
    });
  });

  return router;
}
