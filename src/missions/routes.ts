import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../db/prisma.js';
import type { Clock } from '../lib/clock.js';
import { AppError } from '../http/app-error.js';
import { echoValues, parseForm, type FieldErrors } from '../http/forms.js';
import { authorize, requireUser } from '../http/guards.js';
import { setFlash } from '../http/session.js';
import { allowedMissionActions, BRIEFING_ITEMS, isMissionAction, MISSION_TRANSITIONS, missionPolicy, type MissionAction, type MissionParties } from './policy.js';
import { listMissions, loadMission, missionFilterSchema, type MissionPage } from './queries.js';
import { budgetSchema, ratesFor, setMissionBudget } from './set-budget.js';
import { briefingSchema, tickBriefing } from './tick-briefing.js';
import { transitionMission } from './transition-mission.js';
import { rescheduleMission, rescheduleSchema } from './reschedule-mission.js';
import { missionDocumentRoutes } from './document-routes.js';
import { offeredActions, startsLater } from './mission-dates.js';
import { fundingLines } from '../funding/queries.js';

const text = (max: number) => z.string().trim().min(1, 'validation.required').max(max, 'validation.tooLong');
const transitionSchema = z.object({
  version: z.coerce.number().int().min(0).max(2_147_483_647),
  reason: z.string().trim().max(1000, 'validation.tooLong').optional(),
  activities: text(5000).optional(), results: text(5000).optional(), recommendations: text(5000).optional(),
  rating: z.coerce.number({ message: 'validation.choice' }).int('validation.choice').min(1, 'validation.choice').max(5, 'validation.choice').optional(),
  outcomes: text(5000).optional(),
  notes: text(5000).optional(),
  overrideReason: z.string().trim().max(1000, 'validation.tooLong').optional(),
});
type TransitionForm = z.infer<typeof transitionSchema>;

/** What each step asks for: a field left out comes back marked next to itself, with everything typed kept. */
function missingDetails(action: MissionAction, f: TransitionForm): FieldErrors {
  const wanted: (keyof TransitionForm)[] =
    action === 'report' ? ['activities', 'results', 'recommendations']
    : action === 'evaluate' ? ['rating', 'outcomes']
    : action === 'follow_up' ? ['notes']
    : MISSION_TRANSITIONS[action].reason ? ['reason'] : [];
  return Object.fromEntries(wanted.filter((k) => !f[k]).map((k) => [k, { key: k === 'reason' ? 'missions.errors.reasonRequired' : 'validation.required' }]));
}

const parties = (m: MissionPage): MissionParties => ({ status: m.status, expertUserId: m.expert.userId, institutionId: m.need.institutionId });

export function missionRoutes(deps: { prisma: PrismaClient; publicUrl: string; clock: Clock }): Router {
  const router = Router();
  const { prisma } = deps;
  // What the page offers today, and whether to say why "start" is not offered yet.
  const dated = (req: Request, m: MissionPage) => {
    const now = deps.clock();
    return { actions: offeredActions(allowedMissionActions(req.user, parties(m)), m, now), startsLater: m.status === 'briefed' && startsLater(m, now) };
  };

  router.get('/missions', requireUser, async (req, res) => {
    const filter = missionFilterSchema.parse(pick(req.query));
    const [result, regions, institutions] = await Promise.all([
      listMissions(prisma, req.user!, filter),
      prisma.region.findMany({ orderBy: { sortOrder: 'asc' } }),
      req.user!.role === 'officer' || req.user!.role === 'admin'
        ? prisma.institution.findMany({ where: { status: 'verified' }, orderBy: { name: 'asc' }, select: { id: true, name: true } })
        : Promise.resolve([]),
    ]);
    res.render('missions/index', { ...result, filter, regions, institutions, page: filter.page });
  });

  const load = async (req: Request) => {
    const m = await loadMission(prisma, String(req.params.id));
    if (!m || !missionPolicy.see(req.user, parties(m))) throw AppError.notFound();
    return m;
  };

  /** The mission page; a form that came back (dates, budget, an action) shows its errors and what was typed. */
  const render = async (req: Request, res: Response, m: MissionPage, status = 200, form: { action?: string; errors?: FieldErrors; values?: Record<string, string> } = {}) => {
    const p = parties(m);
    const canBudget = missionPolicy.setBudget(req.user, p);
    res.status(status).render('missions/show', {
      mission: m, ...dated(req, m), canBudget, rates: canBudget ? await ratesFor(prisma, m.need, m.startsOn) : [], funding: canBudget ? await fundingLines(prisma) : [],
      canBrief: missionPolicy.tickBriefing(req.user, p), canReschedule: missionPolicy.reschedule(req.user, p), briefingItems: BRIEFING_ITEMS,
      errors: form.errors ?? {}, values: form.values ?? {}, formAction: form.action ?? null,
    });
  };

  router.get('/missions/:id', requireUser, async (req, res) => render(req, res, await load(req)));

  router.post('/missions/:id/dates', requireUser, async (req, res) => {
    const m = await load(req);
    authorize(missionPolicy.reschedule(req.user, parties(m)));
    const form = parseForm(rescheduleSchema, req.body);
    const result = form.ok ? await rescheduleMission(prisma, { missionId: m.id, ...form.data }, { actorId: req.user!.id, ip: req.ip }) : form;
    if (result.ok) {
      setFlash(req, 'success', 'missions.flash.rescheduled');
      return res.redirect(303, `/missions/${m.id}`);
    }
    if ('conflict' in result) {
      setFlash(req, 'error', 'missions.errors.conflict');
      return res.redirect(303, `/missions/${m.id}`);
    }
    await render(req, res, m, 400, { errors: result.errors, values: form.ok ? echoValues(req.body as Record<string, unknown>) : form.values });
  });

  router.post('/missions/:id/transitions/:action', requireUser, async (req, res) => {
    const m = await load(req);
    const action = req.params.action;
    if (!isMissionAction(action)) throw AppError.notFound();
    authorize(missionPolicy.transition(req.user, parties(m), action));
    const form = parseForm(transitionSchema, req.body);
    const missing = form.ok ? missingDetails(action, form.data) : {};
    if (!form.ok || Object.keys(missing).length) {
      const values = form.ok ? echoValues(req.body as Record<string, unknown>) : form.values;
      return render(req, res, m, 400, { action, errors: form.ok ? missing : { ...missing, ...form.errors }, values });
    }
    const f = form.data;
    const result = await transitionMission(deps, {
      missionId: m.id, action, version: f.version, reason: f.reason,
      report: f.activities && f.results && f.recommendations ? { activities: f.activities, results: f.results, recommendations: f.recommendations } : undefined,
      evaluation: f.rating && f.outcomes ? { rating: f.rating, outcomes: f.outcomes } : undefined,
      followUp: f.notes ? { notes: f.notes } : undefined,
      overrideReason: f.overrideReason,
    }, { actorId: req.user!.id, ip: req.ip, now: deps.clock() });
    if (result.ok) setFlash(req, 'success', `missions.flash.${action}`);
    else setFlash(req, 'error', `missions.errors.${result.reason}`);
    res.redirect(303, `/missions/${m.id}`);
  });

  router.post('/missions/:id/budget', requireUser, async (req, res) => {
    const m = await load(req);
    authorize(missionPolicy.setBudget(req.user, parties(m)));
    const form = parseForm(budgetSchema, req.body);
    if (!form.ok) return render(req, res, m, 400, { errors: form.errors, values: form.values });
    const result = await setMissionBudget(prisma, { missionId: m.id, ...form.data }, { actorId: req.user!.id, ip: req.ip });
    if (!result.ok && result.reason === 'tooLarge') {
      return render(req, res, m, 400, { errors: { travelCost: { key: 'missions.errors.budgetTooLarge' } }, values: echoValues(req.body as Record<string, unknown>) });
    }
    setFlash(req, result.ok ? 'success' : 'error', result.ok ? 'missions.flash.budget' : `missions.errors.${result.reason}`);
    res.redirect(303, `/missions/${m.id}`);
  });

  router.post('/missions/:id/briefing', requireUser, async (req, res) => {
    const m = await load(req);
    authorize(missionPolicy.tickBriefing(req.user, parties(m)));
    const form = parseForm(briefingSchema, req.body);
    if (!form.ok) throw AppError.badRequest();
    const items = Object.fromEntries(BRIEFING_ITEMS.map((i) => [i, (form.data as Record<string, unknown>)[i] === 'on']));
    const ok = await tickBriefing(prisma, { missionId: m.id, version: form.data.version, items }, { actorId: req.user!.id, ip: req.ip });
    setFlash(req, ok ? 'success' : 'error', ok ? 'missions.flash.briefing' : 'missions.errors.conflict');
    res.redirect(303, `/missions/${m.id}`);
  });

  router.use(missionDocumentRoutes(deps, load, parties));
  return router;
}

function pick(query: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const k of ['status', 'institution', 'expert', 'region', 'from', 'to', 'page']) if (typeof query[k] === 'string' && query[k]) out[k] = query[k];
  return out;
}
