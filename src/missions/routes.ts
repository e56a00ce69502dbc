import { Router, type Request } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../db/prisma.js';
import { AppError } from '../http/app-error.js';
import { parseForm } from '../http/forms.js';
import { authorize, requireUser } from '../http/guards.js';
import { setFlash } from '../http/session.js';
import { allowedMissionActions, BRIEFING_ITEMS, isMissionAction, missionPolicy, type MissionParties } from './policy.js';
import { listMissions, loadMission, missionFilterSchema, type MissionPage } from './queries.js';
import { budgetSchema, ratesFor, setMissionBudget } from './set-budget.js';
import { briefingSchema, tickBriefing } from './tick-briefing.js';
import { transitionMission } from './transition-mission.js';
import { rescheduleMission, rescheduleSchema } from './reschedule-mission.js';
import { missionDocumentRoutes } from './document-routes.js';
import { fundingLines } from '../funding/queries.js';

const text = (max: number) => z.string().trim().min(1, 'validation.required').max(max);
const transitionSchema = z.object({
  version: z.coerce.number().int().min(0).max(2_147_483_647),
  reason: z.string().trim().max(1000).optional(),
  activities: text(5000).optional(), results: text(5000).optional(), recommendations: text(5000).optional(),
  rating: z.coerce.number().int().min(1).max(5).optional(), outcomes: text(5000).optional(),
  notes: text(5000).optional(),
  overrideReason: z.string().trim().max(1000).optional(),
});

const parties = (m: MissionPage): MissionParties => ({ status: m.status, expertUserId: m.expert.userId, institutionId: m.need.institutionId });

export function missionRoutes(deps: { prisma: PrismaClient; publicUrl: string }): Router {
  const router = Router();
  const { prisma } = deps;

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

  router.get('/missions/:id', requireUser, async (req, res) => {
    const m = await load(req);
    const canBudget = missionPolicy.setBudget(req.user, parties(m));
    res.render('missions/show', {
      mission: m,
      actions: allowedMissionActions(req.user, parties(m)),
      canBudget,
      rates: canBudget ? await ratesFor(prisma, m.need, m.startsOn) : [],
      funding: canBudget ? await fundingLines(prisma) : [],
      canBrief: missionPolicy.tickBriefing(req.user, parties(m)),
      canReschedule: missionPolicy.reschedule(req.user, parties(m)),
      briefingItems: BRIEFING_ITEMS,
      errors: {},
    });
  });

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
    res.status(400).render('missions/show', {
      mission: m, actions: allowedMissionActions(req.user, parties(m)), canBudget: false, rates: [], canBrief: false, canReschedule: true,
      briefingItems: BRIEFING_ITEMS, errors: result.errors, values: 'values' in result ? result.values : {},
    });
  });

  router.post('/missions/:id/transitions/:action', requireUser, async (req, res) => {
    const m = await load(req);
    const action = req.params.action;
    if (!isMissionAction(action)) throw AppError.notFound();
    authorize(missionPolicy.transition(req.user, parties(m), action));
    const form = parseForm(transitionSchema, req.body);
    if (!form.ok) {
      setFlash(req, 'error', 'missions.errors.detailsRequired');
      return res.redirect(303, `/missions/${m.id}`);
    }
    const f = form.data;
    const result = await transitionMission(deps, {
      missionId: m.id, action, version: f.version, reason: f.reason,
      report: f.activities && f.results && f.recommendations ? { activities: f.activities, results: f.results, recommendations: f.recommendations } : undefined,
      evaluation: f.rating && f.outcomes ? { rating: f.rating, outcomes: f.outcomes } : undefined,
      followUp: f.notes ? { notes: f.notes } : undefined,
      overrideReason: f.overrideReason,
    }, { actorId: req.user!.id, ip: req.ip });
    if (result.ok) setFlash(req, 'success', `missions.flash.${action}`);
    else setFlash(req, 'error', `missions.errors.${result.reason}`);
    res.redirect(303, `/missions/${m.id}`);
  });

  router.post('/missions/:id/budget', requireUser, async (req, res) => {
    const m = await load(req);
    authorize(missionPolicy.setBudget(req.user, parties(m)));
    const form = parseForm(budgetSchema, req.body);
    if (!form.ok) {
      return res.status(400).render('missions/show', {
        mission: m, actions: allowedMissionActions(req.user, parties(m)), canBudget: true, rates: await ratesFor(prisma, m.need, m.startsOn), funding: await fundingLines(prisma),
        canBrief: missionPolicy.tickBriefing(req.user, parties(m)), briefingItems: BRIEFING_ITEMS, errors: form.errors, values: form.values,
      });
    }
    const result = await setMissionBudget(prisma, { missionId: m.id, ...form.data }, { actorId: req.user!.id, ip: req.ip });
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
