import { Router, type NextFunction, type Request, type Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import type { PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import { amount } from '../cofinancing/facts-schema.js';
import { investLocals } from '../cofinancing/view-locals.js';
import type { CvStore } from '../experts/cv-store.js';
import { AppError } from '../http/app-error.js';
import { echoValues, parseForm, type FieldErrors } from '../http/forms.js';
import { authorize, requireUser } from '../http/guards.js';
import { setFlash } from '../http/session.js';
import { isRealDay } from '../lib/iso-day.js';
import { MAX_PLAN_BYTES, uploadBusinessPlan } from './business-plan.js';
import { allowedProjectActions, investmentPolicy, isProjectAction } from './policy.js';
import { effectiveOutcomes, evaluationOf } from './precheck.js';
import { listOwnProjects, loadProject, type ProjectPage } from './queries.js';
import { createProject, updateProject } from './save-project.js';
import { CLIMATE_TAGS, projectSchema } from './schemas.js';
import { overrideRule, transitionProject } from './transition-project.js';

const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_PLAN_BYTES, files: 1, fields: 2, parts: 3 } }).single('businessPlan');
const transitionSchema = z.object({
  version: z.coerce.number().int().min(0).max(2_147_483_647),
  reason: z.string().trim().max(1000).optional(),
  grantAwarded: z.preprocess((v) => (v === '' ? undefined : v), amount({ zero: true }).optional()),
  fundedOn: z.preprocess((v) => (v === '' ? undefined : v), z.string().refine(isRealDay, 'validation.date').optional()),
});
const overrideSchema = z.object({ ruleId: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/), outcome: z.enum(['pass', 'fail']), reason: z.string().trim().max(1000) });

/** A stored project as the form shows it (the same names as the simulator's parameters). */
function formValues(p: ProjectPage): Record<string, string> {
  return {
    title: p.title, description: p.description, sector: p.sectorCode, region: p.regionCode, city: p.city ?? '', kind: p.kind, promoter: p.promoterStatus,
    returnedMonthsAgo: p.returnedMonthsAgo?.toString() ?? '', totalCost: p.totalCost.toString(), diasporaShare: p.diasporaSharePercent.toString(),
    ownFunds: p.ownFunds.toString(), otherFunds: p.otherFunds.toString(), bankId: p.bankId ?? '', jobsWomen: String(p.jobsWomen ?? 0),
    jobsMen: String(p.jobsMen ?? 0), jobsUnder30: String(p.jobsUnder30 ?? 0), version: String(p.version),
  };
}

/** An investor's projects: filing, editing a draft, the business plan, the lifecycle and the page with its timeline. */
export function investmentRoutes(deps: { prisma: PrismaClient; publicUrl: string; store: CvStore }): Router {
  const { prisma } = deps;
  const router = Router();
  router.use(['/me/investments', '/investments'], requireUser, investLocals(prisma));

  router.get('/me/investments', async (req, res) => {
    res.render('investments/mine', { projects: await listOwnProjects(prisma, req.user!.id) });
  });

  const renderForm = async (res: Response, status: number, locals: { project?: ProjectPage; values: Record<string, string>; tags?: string[]; errors: FieldErrors }) => {
    const [regions, banks] = await Promise.all([
      prisma.region.findMany({ orderBy: { sortOrder: 'asc' } }),
      prisma.partnerBank.findMany({ where: { active: true }, orderBy: { name: 'asc' } }),
    ]);
    res.status(status).render('investments/form', { project: undefined, tags: [], ...locals, regions, banks, climateTags: CLIMATE_TAGS });
  };
  const tagsOf = (body: unknown) => { const v = (body as Record<string, unknown>)?.climateTags; return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string'); };

  router.get('/investments/new', (req, res) => renderForm(res, 200, { values: { sector: String(req.query.sector ?? '').slice(0, 40) }, errors: {} }));
  router.post('/investments', async (req, res) => {
    authorize(investmentPolicy.fileProject(req.user));
    const form = parseForm(projectSchema, req.body);
    const result = form.ok ? await createProject(prisma, form.data, { actorId: req.user!.id, ip: req.ip }) : form;
    if (!result.ok) return renderForm(res, 400, { values: echoValues(req.body as Record<string, unknown>), tags: tagsOf(req.body), errors: 'errors' in result ? result.errors : {} });
    setFlash(req, 'success', 'invest.flash.created');
    res.redirect(303, `/investments/${result.id}`);
  });

  const load = async (req: Request) => {
    const p = await loadProject(prisma, String(req.params.id));
    if (!p || !investmentPolicy.seeProject(req.user, p)) throw AppError.notFound();
    return p;
  };

  router.get('/investments/:id', async (req, res) => {
    const p = await load(req);
    const evaluation = evaluationOf(p.eligibility);
    res.render('investments/show', {
      project: p, evaluation, checked: evaluation ? effectiveOutcomes(evaluation, p.overrides) : undefined,
      actions: allowedProjectActions(req.user, p), canEdit: investmentPolicy.editProject(req.user, p),
      canUpload: investmentPolicy.uploadBusinessPlan(req.user, p), canOverride: investmentPolicy.overrideRule(req.user, p),
      canDownload: !!p.businessPlanKey && investmentPolicy.downloadBusinessPlan(req.user, p), errors: {},
    });
  });

  router.get('/investments/:id/edit', async (req, res) => {
    const p = await load(req);
    authorize(investmentPolicy.editProject(req.user, p));
    await renderForm(res, 200, { project: p, values: formValues(p), tags: p.climateTags, errors: {} });
  });
  router.post('/investments/:id', async (req, res) => {
    const p = await load(req);
    authorize(investmentPolicy.editProject(req.user, p));
    const form = parseForm(projectSchema, req.body);
    const result = form.ok ? await updateProject(prisma, p.id, form.data, { actorId: req.user!.id, ip: req.ip }) : form;
    if (!result.ok && 'conflict' in result) {
      setFlash(req, 'error', 'invest.errors.conflict');
      return res.redirect(303, `/investments/${p.id}`);
    }
    if (!result.ok) return renderForm(res, 400, { project: p, values: echoValues(req.body as Record<string, unknown>), tags: tagsOf(req.body), errors: result.errors });
    setFlash(req, 'success', 'invest.flash.saved');
    res.redirect(303, `/investments/${p.id}`);
  });

  router.post('/investments/:id/transitions/:action', async (req, res) => {
    const p = await load(req);
    const action = req.params.action;
    if (!isProjectAction(action)) throw AppError.notFound();
    authorize(investmentPolicy.transition(req.user, p, action));
    const form = parseForm(transitionSchema, req.body);
    if (!form.ok) {
      setFlash(req, 'error', 'invest.errors.detailsRequired');
      return res.redirect(303, `/investments/${p.id}`);
    }
    const f = form.data;
    const result = await transitionProject({ db: prisma, publicUrl: deps.publicUrl }, {
      projectId: p.id, action, version: f.version, reason: f.reason, grantAwarded: f.grantAwarded,
      fundedOn: f.fundedOn ? new Date(`${f.fundedOn}T00:00:00Z`) : undefined,
    }, { actorId: req.user!.id, ip: req.ip });
    setFlash(req, result.ok ? 'success' : 'error', result.ok ? `invest.flash.${action}` : `invest.errors.${result.reason}`);
    res.redirect(303, `/investments/${p.id}`);
  });

  router.post('/investments/:id/overrides', async (req, res) => {
    const p = await load(req);
    authorize(investmentPolicy.overrideRule(req.user, p));
    const form = parseForm(overrideSchema, req.body);
    const result = form.ok
      ? await overrideRule(prisma, { projectId: p.id, ruleId: form.data.ruleId, passed: form.data.outcome === 'pass', reason: form.data.reason }, { actorId: req.user!.id, ip: req.ip })
      : { ok: false as const, reason: 'reasonRequired' as const };
    setFlash(req, result.ok ? 'success' : 'error', result.ok ? 'invest.flash.overridden' : `invest.errors.${result.reason}`);
    res.redirect(303, `/investments/${p.id}`);
  });

  router.post('/investments/:id/business-plan', async (req, res, next: NextFunction) => {
    const p = await load(req);
    authorize(investmentPolicy.uploadBusinessPlan(req.user, p));
    const fail = (errors: FieldErrors, status = 400) => {
      const evaluation = evaluationOf(p.eligibility);
      res.status(status).render('investments/show', {
        project: p, evaluation, checked: evaluation ? effectiveOutcomes(evaluation, p.overrides) : undefined, actions: allowedProjectActions(req.user, p),
        canEdit: investmentPolicy.editProject(req.user, p), canUpload: true, canOverride: false, canDownload: !!p.businessPlanKey, errors,
      });
    };
    upload(req, res, (err: unknown) => {
      if (err) {
        const tooLarge = err instanceof multer.MulterError && err.code === 'LIMIT_FILE_SIZE';
        return fail({ businessPlan: { key: tooLarge ? 'invest.errors.plan_tooLarge' : 'invest.errors.plan_missing', params: { max: 10 } } }, tooLarge ? 413 : 400);
      }
      uploadBusinessPlan({ db: prisma, store: deps.store }, { projectId: p.id, file: req.file }, { actorId: req.user!.id, ip: req.ip })
        .then((result) => {
          if (!result.ok) return fail(result.errors);
          setFlash(req, 'success', 'invest.flash.planUploaded');
          res.redirect(303, `/investments/${p.id}`);
        })
        .catch(next);
    });
  });

  /** Same rule as CVs: the owner and officers; anyone else gets the 404 of a missing file. Downloads by others are audited. */
  router.get('/investments/:id/business-plan', async (req, res) => {
    const p = await load(req);
    if (!investmentPolicy.downloadBusinessPlan(req.user, p) || !p.businessPlanKey) throw AppError.notFound();
    const bytes = await deps.store.get(p.businessPlanKey);
    if (!bytes) throw AppError.notFound();
    if (req.user!.id !== p.ownerId) {
      await recordAudit(prisma, { actorId: req.user!.id, action: 'investment.business_plan_downloaded', entity: 'InvestmentProject', entityId: p.id, ip: req.ip });
    }
    res.set({ 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="business-plan-${p.id}.pdf"`, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    res.send(bytes);
  });

  return router;
}

