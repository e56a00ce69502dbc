import { Router, type Request, type Response } from 'express';
import type pg from 'pg';
import { z } from 'zod';
import type { PrismaClient } from '../db/prisma.js';
import { AppError } from '../http/app-error.js';
import { parseForm } from '../http/forms.js';
import { authorize, requireRole, requireUser } from '../http/guards.js';
import type { RateLimits } from '../http/limits.js';
import { rateLimit } from '../http/rate-limit.js';
import { setFlash } from '../http/session.js';
import { loadNeedFor } from '../needs/need-loader.js';
import { needPageData } from '../needs/page-data.js';
import { applySchema, applyToNeed } from './apply-to-need.js';
import { inviteExpert } from './invite-expert.js';
import { candidacyPolicy, isCandidacyAction } from './policy.js';
import { transitionCandidacy } from './transition-candidacy.js';
import { UUID_PATTERN as UUID } from '../lib/uuid.js';

const inviteSchema = z.object({ expertId: z.string().regex(UUID, 'validation.choice'), note: z.string().trim().max(1000).optional() });
const transitionSchema = z.object({
  version: z.coerce.number().int().min(0).max(2_147_483_647),
  reason: z.string().trim().max(40).optional().transform((v) => v || undefined),
  note: z.string().trim().max(1000).optional(),
});

export function candidacyRoutes(deps: { prisma: PrismaClient; pool: pg.Pool; publicUrl: string; limits: Pick<RateLimits, 'invitations'> }): Router {
  const router = Router();
  const { prisma } = deps;
  // Every invitation lands in an expert's inbox: the staff of one institution send only so many, from any address.
  const invitationLimiter = rateLimit(deps.pool, {
    name: 'invitations', ...deps.limits.invitations, key: (req) => `institution:${String(req.res?.locals.invitingInstitutionId)}`,
  });
  const countInvitation = (req: Request, res: Response, institutionId: string) =>
    new Promise<void>((resolve, reject) => {
      res.locals.invitingInstitutionId = institutionId;
      void Promise.resolve(invitationLimiter(req, res, (err?: unknown) => (err ? reject(err) : resolve()))).catch(reject);
    });

  router.post('/needs/:id/apply', requireRole('expert'), async (req, res) => {
    const need = await loadNeedFor(prisma, String(req.params.id), req.user);
    if (!need) throw AppError.notFound();
    const form = parseForm(applySchema, req.body);
    if (!form.ok) {
      const data = await needPageData(prisma, req, need);
      return res.status(400).render('needs/show', { ...data, applyValues: form.values, applyErrors: form.errors });
    }
    const result = await applyToNeed(deps, { needId: need.id, userId: req.user!.id, motivation: form.data.motivation }, { ip: req.ip });
    if (result.ok) setFlash(req, result.already ? 'info' : 'success', result.already ? 'candidacies.flash.already' : 'candidacies.flash.applied');
    else setFlash(req, 'error', `candidacies.errors.${result.reason}`);
    res.redirect(303, `/needs/${need.id}`);
  });

  const invite = async (req: Request, res: Response, needId: string, fallback: string) => {
    const need = await loadNeedFor(prisma, needId, req.user);
    if (!need) throw AppError.notFound();
    authorize(candidacyPolicy.invite(req.user, need));
    const form = parseForm(needId === req.params.id ? inviteSchema : inviteSchema.extend({ needId: z.string() }), req.body);
    if (!form.ok) throw AppError.badRequest();
    // Officers invite for the programme (matching rounds): only the institution's own invitations are counted.
    if (req.user!.role !== 'officer') await countInvitation(req, res, need.institutionId);
    const result = await inviteExpert(deps, { needId: need.id, expertId: form.data.expertId, note: form.data.note }, { actorId: req.user!.id, ip: req.ip });
    if (result.ok) setFlash(req, result.already ? 'info' : 'success', result.already ? 'candidacies.flash.alreadyInvited' : 'candidacies.flash.invited');
    else setFlash(req, 'error', `candidacies.errors.${result.reason}`);
    res.redirect(303, backTo(req.get('referer'), fallback));
  };

  router.post('/needs/:id/invitations', requireUser, (req, res) => invite(req, res, String(req.params.id), `/needs/${String(req.params.id)}`));

  /** From an expert's profile: the need is chosen in the form (works without JavaScript). */
  router.post('/candidacies/invitations', requireUser, async (req, res) => {
    const needId = typeof req.body?.needId === 'string' ? req.body.needId : '';
    await invite(req, res, needId, '/me');
  });

  router.post('/candidacies/:id/transitions/:action', requireUser, async (req, res) => {
    const id = String(req.params.id);
    const action = req.params.action;
    if (!UUID.test(id) || !isCandidacyAction(action)) throw AppError.notFound();
    const c = await prisma.candidacy.findUnique({
      where: { id },
      include: { need: { select: { id: true, institutionId: true, status: true } }, expert: { select: { userId: true } } },
    });
    if (!c) throw AppError.notFound();
    authorize(candidacyPolicy.transition(req.user, { status: c.status, expertUserId: c.expert.userId, need: c.need }, action));
    const form = parseForm(transitionSchema, req.body);
    if (!form.ok) throw AppError.badRequest();
    const result = await transitionCandidacy(deps, { candidacyId: c.id, action, ...form.data }, { actorId: req.user!.id, ip: req.ip });
    if (result.ok) setFlash(req, 'success', `candidacies.flash.${action}`);
    else setFlash(req, 'error', `candidacies.errors.${result.reason}`);
    res.redirect(303, `/needs/${c.need.id}`);
  });

  return router;
}

/** Back to the page the form was on, when it is a page of ours. */
function backTo(referer: string | undefined, fallback: string): string {
  if (!referer) return fallback;
  try {
    const url = new URL(referer);
    return url.pathname.startsWith('/') && !url.pathname.startsWith('//') ? url.pathname : fallback;
  } catch {
    return fallback;
  }
}
