import { UUID_PATTERN } from '../lib/uuid.js';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../db/prisma.js';
import { candidacyPolicy } from '../candidacies/policy.js';
import { inviteExpert } from '../candidacies/invite-expert.js';
import { AppError } from '../http/app-error.js';
import { parseForm } from '../http/forms.js';
import { authorize, requireRole, requireUser } from '../http/guards.js';
import { setFlash } from '../http/session.js';
import { rankExpertsForNeed, rankNeedsForExpert, matchingRound } from '../matching/index.js';
import { loadNeedFor } from '../needs/need-loader.js';
import { exclusionReasonsOf, labelsFor, reasonsOf } from './labels.js';
import { candidatesFor, loadMatchExpert, loadMatchNeeds, needsForExpert, rankContext, visibleCandidates } from './matching-data.js';

const TOP = 25;
const UUID = UUID_PATTERN;
const today = () => new Date(new Date().toISOString().slice(0, 10));

export function matchRoutes(deps: { prisma: PrismaClient; publicUrl: string }): Router {
  const router = Router();
  const { prisma } = deps;
  const labels = (req: Request, res: Response) => labelsFor(prisma, req.lng, res.locals.t, res.locals.fmt);

  /** Ranked experts for a need, with every score explained; officers may also see who was left out and why. */
  router.get('/needs/:id/matches', requireUser, async (req, res) => {
    const need = await loadNeedFor(prisma, String(req.params.id), req.user);
    if (!need) throw AppError.notFound();
    authorize(candidacyPolicy.seeMatches(req.user, need));
    const ctx = await rankContext(prisma);
    const [matchNeed] = await loadMatchNeeds(prisma, { id: need.id });
    const candidates = await visibleCandidates(prisma, req.user!, await candidatesFor(prisma, [matchNeed!], ctx.graph, today()));
    const showExcluded = req.user!.role === 'officer' && req.query.excluded === '1';
    const ranking = rankExpertsForNeed(matchNeed!, candidates, ctx, { limit: TOP, exclusions: showExcluded });
    const ids = [...ranking.matches.map((m) => m.expertId), ...ranking.exclusions.map((e) => e.expertId)];
    const [experts, taken, l] = await Promise.all([
      prisma.expertProfile.findMany({ where: { id: { in: ids } }, select: { id: true, firstName: true, lastName: true, headline: true, cityOfResidence: true, countryOfResidence: true } }),
      prisma.candidacy.findMany({ where: { needId: need.id }, select: { expertId: true, status: true } }),
      labels(req, res),
    ]);
    const byId = new Map(experts.map((e) => [e.id, e]));
    const status = new Map(taken.map((c) => [c.expertId, c.status]));
    res.render('matches/need', {
      need, candidates: candidates.length, weightsVersion: ranking.weightsVersion, showExcluded, canSeeExcluded: req.user!.role === 'officer',
      rows: ranking.matches.map((m) => ({ expert: byId.get(m.expertId)!, score: m.score, reasons: reasonsOf(m, l, res.locals.t), candidacy: status.get(m.expertId) })),
      excluded: ranking.exclusions.map((e) => ({ expert: byId.get(e.expertId)!, reasons: exclusionReasonsOf(e, l, res.locals.t) })),
    });
  });

  /** Published needs ranked for the signed-in expert, with the reasons; apply from the row. */
  router.get('/opportunities', requireRole('expert'), async (req, res) => {
    const ctx = await rankContext(prisma);
    const loaded = await loadMatchExpert(prisma, { userId: req.user!.id }, today());
    if (!loaded) throw AppError.notFound();
    // Visibility hides a profile from institutions; the expert still sees which needs fit them.
    const expert = { ...loaded, visibility: 'institutions' as const };
    const needs = await needsForExpert(prisma, expert, ctx.graph);
    const ranking = rankNeedsForExpert(expert, needs, ctx, { limit: TOP, exclusions: false });
    const [rows, applied, l] = await Promise.all([
      prisma.need.findMany({ where: { id: { in: ranking.matches.map((m) => m.needId) } }, include: { institution: { select: { name: true, nameAr: true } }, region: true } }),
      prisma.candidacy.findMany({ where: { expertId: expert.id }, select: { needId: true, status: true } }),
      labels(req, res),
    ]);
    const byId = new Map(rows.map((n) => [n.id, n]));
    const status = new Map(applied.map((c) => [c.needId, c.status]));
    res.render('matches/opportunities', {
      weightsVersion: ranking.weightsVersion, considered: needs.length,
      rows: ranking.matches.map((m) => ({ need: byId.get(m.needId)!, score: m.score, reasons: reasonsOf(m, l, res.locals.t), candidacy: status.get(m.needId) })),
    });
  });

  /** All published needs at once, assigned optimally (Hungarian algorithm); the officer accepts line by line. */
  router.get('/officer/matching-round', requireRole('officer'), async (req, res) => {
    const ctx = await rankContext(prisma);
    const needs = await loadMatchNeeds(prisma, { status: 'published' });
    const candidates = await candidatesFor(prisma, needs, ctx.graph, today());
    const existing = await prisma.candidacy.findMany({ where: { needId: { in: needs.map((n) => n.id) } }, select: { needId: true, expertId: true } });
    const taken = new Set(existing.map((c) => `${c.needId}:${c.expertId}`));
    const round = matchingRound(needs, (need) => [...candidates.values()].filter((e) => !taken.has(`${need.id}:${e.id}`)), ctx, { perNeed: 20 });
    const [needRows, expertRows] = await Promise.all([
      prisma.need.findMany({ where: { id: { in: round.assignments.map((a) => a.needId) } }, select: { id: true, title: true, expertsWanted: true, institution: { select: { name: true } } } }),
      prisma.expertProfile.findMany({ where: { id: { in: round.assignments.map((a) => a.expertId) } }, select: { id: true, firstName: true, lastName: true } }),
    ]);
    const needsById = new Map(needRows.map((n) => [n.id, n]));
    const expertsById = new Map(expertRows.map((e) => [e.id, e]));
    res.render('matches/round', {
      lines: round.assignments.map((a) => ({ ...a, need: needsById.get(a.needId)!, expert: expertsById.get(a.expertId)! })),
      total: round.assignments.reduce((s, a) => s + a.score, 0), needs: needs.length, weightsVersion: round.weightsVersion,
    });
  });

  const acceptSchema = z.object({ needId: z.string().regex(UUID), expertId: z.string().regex(UUID) });
  router.post('/officer/matching-round/accept', requireRole('officer'), async (req, res) => {
    const form = parseForm(acceptSchema, req.body);
    if (!form.ok) throw AppError.badRequest();
    const result = await inviteExpert(deps, { needId: form.data.needId, expertId: form.data.expertId }, { actorId: req.user!.id, ip: req.ip });
    setFlash(req, result.ok ? 'success' : 'error', result.ok ? 'matching.round.accepted' : `candidacies.errors.${result.reason}`);
    res.redirect(303, '/officer/matching-round');
  });

  return router;
}
