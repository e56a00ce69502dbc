import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../db/prisma.js';
import { AppError } from '../http/app-error.js';
import { echoValues, parseForm } from '../http/forms.js';
import { authorize, requireRole, requireUser } from '../http/guards.js';
import { setFlash } from '../http/session.js';
import { LANGUAGE_CODES } from '../reference/codes.js';
import { loadNeedFor, type NeedPage } from './need-loader.js';
import { needFormSchema, type NeedForm, SKILL_ROWS, LANGUAGE_ROWS } from './need-form.js';
import { needPageData } from './page-data.js';
import { isNeedAction, needPolicy } from './policy.js';
import { windowMessage } from './need-window.js';
import { createNeed, updateNeed } from './save-need.js';
import { redirectReplay, submissionOf } from '../http/submission-key.js';
import { transitionNeed } from './transition-need.js';
import { formValuesOf } from './form-values.js';

interface Deps {
  prisma: PrismaClient;
  publicUrl: string;
}

const transitionSchema = z.object({ version: z.coerce.number().int().min(0).max(2_147_483_647), note: z.string().trim().max(2000).optional() });

export function needManageRoutes(deps: Deps): Router {
  const router = Router();
  const { prisma } = deps;

  const formChoices = async (req: Request) => {
    const [sectors, regions, skills, communes] = await Promise.all([
      prisma.sector.findMany({ orderBy: { code: 'asc' } }),
      prisma.region.findMany({ orderBy: { sortOrder: 'asc' } }),
      prisma.skill.findMany({ where: { active: true }, orderBy: { code: 'asc' }, select: { code: true, labelFr: true, labelAr: true, labelEn: true } }),
      prisma.commune.findMany({ orderBy: [{ regionCode: 'asc' }, { nameFr: 'asc' }] }),
    ]);
    const institutions = await prisma.institution.findMany({
      where: { members: { some: { userId: req.user!.id, status: 'active' } } },
      select: { id: true, name: true, status: true },
    });
    return { sectors, regions, skills, communes, institutions, languageCodes: LANGUAGE_CODES, skillRows: SKILL_ROWS, languageRows: LANGUAGE_ROWS };
  };
  const renderForm = async (req: Request, res: Response, status: number, locals: Record<string, unknown>) =>
    res.status(status).render('needs/form', { ...(await formChoices(req)), errors: {}, ...locals });

  router.get('/needs/new', requireRole('staff'), async (req, res) => {
    const choices = await formChoices(req);
    if (!choices.institutions.length) throw new AppError(403, 'errors.forbidden');
    res.render('needs/form', { ...choices, errors: {}, values: { mode: 'on_site', expertsWanted: '1' }, needId: null });
  });

  router.post('/needs/new', requireRole('staff'), async (req, res) => {
    const form = parseForm(needFormSchema, req.body);
    if (!form.ok) return renderForm(req, res, 400, { values: form.values, errors: form.errors, needId: null });
    const data = form.data as NeedForm;
    const institutionId = data.institutionId ?? req.user!.memberships.find((m) => m.status === 'active')?.institutionId ?? '';
    authorize(needPolicy.create(req.user, institutionId));
    let result;
    try {
      result = await createNeed(prisma, institutionId, data, { actorId: req.user!.id, ip: req.ip }, submissionOf(req, 'need.create'));
    } catch (err) {
      return redirectReplay(err, res); // a double submit leads to the need the first one created
    }
    if (!result.ok) return renderForm(req, res, 400, { values: echoValues(req.body as Record<string, unknown>), errors: 'errors' in result ? result.errors : {}, needId: null });
    setFlash(req, 'success', 'needs.flash.created');
    res.redirect(303, `/needs/${result.id}`);
  });

  const load = async (req: Request): Promise<NeedPage> => {
    const need = await loadNeedFor(prisma, String(req.params.id), req.user);
    if (!need) throw AppError.notFound();
    return need;
  };

  router.get('/needs/:id', async (req, res) => {
    res.render('needs/show', await needPageData(prisma, req, await load(req)));
  });

  router.get('/needs/:id/edit', requireUser, async (req, res) => {
    const need = await load(req);
    authorize(needPolicy.edit(req.user, need));
    await renderForm(req, res, 200, { values: formValuesOf(need, req.lng), needId: need.id });
  });

  router.post('/needs/:id/edit', requireUser, async (req, res) => {
    const need = await load(req);
    authorize(needPolicy.edit(req.user, need));
    const form = parseForm(needFormSchema, req.body);
    if (!form.ok) return renderForm(req, res, 400, { values: form.values, errors: form.errors, needId: need.id });
    const result = await updateNeed(prisma, need.id, form.data as NeedForm, { actorId: req.user!.id, ip: req.ip });
    if (result.ok) {
      setFlash(req, 'success', 'needs.flash.saved');
      return res.redirect(303, `/needs/${need.id}`);
    }
    const errors = 'errors' in result ? result.errors : { _form: { key: 'needs.errors.conflict' } };
    await renderForm(req, res, 'conflict' in result ? 409 : 400, { values: { ...formValuesOf(need, req.lng), ...echoValues(req.body as Record<string, unknown>), version: String(need.version) }, errors, needId: need.id });
  });

  router.post('/needs/:id/transitions/:action', requireUser, async (req, res) => {
    const need = await load(req);
    const action = req.params.action;
    if (!isNeedAction(action)) throw AppError.notFound();
    authorize(needPolicy.transition(req.user, need, action));
    const form = parseForm(transitionSchema, req.body);
    if (!form.ok) throw AppError.badRequest();
    const result = await transitionNeed(deps, { needId: need.id, action, version: form.data.version, note: form.data.note }, { actorId: req.user!.id, ip: req.ip });
    if (result.ok) setFlash(req, 'success', `needs.flash.${action}`);
    else {
      const message = result.reason === 'windowPast' || result.reason === 'windowTooFar' ? windowMessage(result.reason) : { key: `needs.errors.${result.reason}` };
      setFlash(req, 'error', message.key, message.params);
    }
    res.redirect(303, `/needs/${need.id}`);
  });

  return router;
}
