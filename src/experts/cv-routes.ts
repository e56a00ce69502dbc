import { Router, type NextFunction, type Request, type Response } from 'express';
import multer from 'multer';
import { recordAudit } from '../audit/record-audit.js';
import { AppError } from '../http/app-error.js';
import { parseForm } from '../http/forms.js';
import { viewerInstitutionIds } from './profile-viewers.js';
import { policy } from '../auth/policy.js';
import type { ExpertDeps } from './deps.js';
import { ctxOf, flashAndRedirect, renderStep } from './editor-support.js';
import { stepPath } from './editor-steps.js';
import { emptySchema } from './form-fields.js';
import { findExpertFacts } from './queries.js';
import { deleteCv, MAX_CV_BYTES, uploadCv } from './upload-cv.js';

/**
 * The CV file is read into memory (5 MB at most: multer stops reading beyond, so a bigger file never fills the
 * memory) and handed to the CvStore; it never touches public/.
 */
const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_CV_BYTES, files: 1, fields: 2, parts: 3 } }).single('cv');

/** Routes of the expert's own CV (behind requireRole('expert')). */
export function ownCvRoutes(deps: ExpertDeps): Router {
  const router = Router();
  router.get(stepPath('cv'), (req, res) => renderStep(deps.prisma, req, res, 'cv'));

  router.post(stepPath('cv'), (req: Request, res: Response, next: NextFunction) => {
    upload(req, res, (err: unknown) => {
      if (!err) return next();
      const tooLarge = err instanceof multer.MulterError && err.code === 'LIMIT_FILE_SIZE';
      const key = tooLarge ? 'validation.expert.cvTooLarge' : 'validation.expert.cvMissing';
      renderStep(deps.prisma, req, res, 'cv', { status: tooLarge ? 413 : 400, errors: { cv: { key, params: { max: 5 } } } }).catch(next);
    });
  }, async (req, res) => {
    const result = await uploadCv(deps, req.file, ctxOf(req));
    if (!result.ok) return renderStep(deps.prisma, req, res, 'cv', { status: 400, errors: result.errors });
    await flashAndRedirect(req, res, 'success', 'profile.cv.uploaded', stepPath('cv'));
  });

  router.post(`${stepPath('cv')}/delete`, async (req, res) => {
    parseForm(emptySchema, req.body);
    await deleteCv(deps, ctxOf(req));
    await flashAndRedirect(req, res, 'success', 'profile.cv.deleted', stepPath('cv'));
  });
  return router;
}

/**
 * Downloads an expert's CV: the owner, officers, and staff of an institution the expert is a candidate with.
 * Anyone else gets the same 404 as for a missing file, so the route tells nobody who has a CV. Every download
 * by someone else than the owner goes to the audit log.
 */
export function cvDownloadRoute(deps: ExpertDeps): Router {
  const router = Router();
  router.get('/experts/:id/cv', async (req, res) => {
    const expert = await findExpertFacts(deps.prisma, String(req.params.id));
    if (!expert || !req.user) throw AppError.notFound();
    if (!policy.downloadExpertCv(req.user, expert)) throw AppError.notFound();
    const bytes = expert.cvFileKey ? await deps.cvStore.get(expert.cvFileKey) : undefined;
    if (!bytes) throw AppError.notFound();
    await recordAudit(deps.prisma, {
      actorId: req.user.id, action: 'expert.cv_downloaded', entity: 'ExpertProfile', entityId: expert.id, ip: req.ip,
      details: { own: req.user.id === expert.userId, institutionIds: viewerInstitutionIds(req.user, expert) },
    });
    res.set({
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="cv-${expert.id}.pdf"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.send(bytes);
  });
  return router;
}
