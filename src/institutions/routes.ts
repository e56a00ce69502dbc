import { Router, type Request } from 'express';
import type { PrismaClient } from '../db/prisma.js';
import { AppError } from '../http/app-error.js';
import { parseForm } from '../http/forms.js';
import { authorize, requireUser } from '../http/guards.js';
import { setFlash } from '../http/session.js';
import { institutionPolicy } from './policy.js';
import { findInstitution, institutionActivity, institutionMembers, listInstitutions, type InstitutionRecord } from './queries.js';
import { reviewJoinRequest } from './review-join-request.js';
import { descriptionSchema, emptySchema, INSTITUTION_KINDS, institutionListSchema, pickListParams } from './schemas.js';
import { updateInstitutionDescription } from './update-description.js';
import { UUID_PATTERN as UUID } from '../lib/uuid.js';

interface Deps {
  prisma: PrismaClient;
  publicUrl: string;
}


/** Public institution pages, and what an institution's administrators manage: join requests and the description. */
export function institutionRoutes(deps: Deps): Router {
  const router = Router();
  const { prisma } = deps;

  router.get('/institutions', async (req, res) => {
    const regions = await prisma.region.findMany({ orderBy: { sortOrder: 'asc' } });
    const raw = pickListParams(req.query);
    const parsed = institutionListSchema.safeParse(raw);
    const echo = { region: typeof raw.region === 'string' ? raw.region.slice(0, 20) : '', kind: typeof raw.kind === 'string' ? raw.kind.slice(0, 40) : '' };
    const view = { regions, kinds: INSTITUTION_KINDS, query: echo };
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= 'errors.filterInvalid';
      return res.status(400).render('institutions/index', { ...view, errors, result: { institutions: [], total: 0, page: 1, pages: 1 } });
    }
    const result = await listInstitutions(prisma, parsed.data);
    res.render('institutions/index', { ...view, errors: {}, result });
  });

  /** The institution of the URL, when this visitor may see it; a hidden one answers 404 like a missing one. */
  const load = async (req: Request): Promise<InstitutionRecord> => {
    const inst = await findInstitution(prisma, String(req.params.id));
    if (!inst || !institutionPolicy.see(req.user, inst)) throw AppError.notFound();
    return inst;
  };

  router.get('/institutions/:id', async (req, res) => {
    const inst = await load(req);
    const activity = await institutionActivity(prisma, inst.id);
    res.render('institutions/show', {
      inst, ...activity,
      can: {
        manageMembers: institutionPolicy.manageMembers(req.user, inst.id),
        edit: institutionPolicy.editDescription(req.user, inst.id),
        decide: institutionPolicy.decide(req.user, inst),
      },
    });
  });

  router.get('/institutions/:id/members', requireUser, async (req, res) => {
    const inst = await load(req);
    authorize(institutionPolicy.manageMembers(req.user, inst.id));
    res.render('institutions/members', { inst, ...(await institutionMembers(prisma, inst.id)) });
  });

  router.post('/institutions/:id/members/:memberId/:decision', requireUser, async (req, res) => {
    const inst = await load(req);
    authorize(institutionPolicy.manageMembers(req.user, inst.id));
    const memberId = String(req.params.memberId);
    const decision = String(req.params.decision);
    if ((decision !== 'approve' && decision !== 'decline') || !UUID.test(memberId)) throw AppError.notFound();
    if (!parseForm(emptySchema, req.body).ok) throw AppError.badRequest();
    const result = await reviewJoinRequest(deps, { institutionId: inst.id, memberId, decision }, { actorId: req.user!.id, ip: req.ip });
    if (!result.ok && result.reason === 'notFound') throw AppError.notFound();
    if (result.ok) setFlash(req, 'success', `institutions.members.${decision}d`);
    else setFlash(req, 'error', 'institutions.members.alreadyReviewed');
    res.redirect(303, `/institutions/${inst.id}/members`);
  });

  router.get('/institutions/:id/edit', requireUser, async (req, res) => {
    const inst = await load(req);
    authorize(institutionPolicy.editDescription(req.user, inst.id));
    res.render('institutions/edit', { inst, values: { description: inst.description ?? '' }, errors: {} });
  });

  router.post('/institutions/:id/edit', requireUser, async (req, res) => {
    const inst = await load(req);
    authorize(institutionPolicy.editDescription(req.user, inst.id));
    const form = parseForm(descriptionSchema, req.body);
    if (!form.ok) return res.status(400).render('institutions/edit', { inst, values: form.values, errors: form.errors });
    await updateInstitutionDescription(prisma, { institutionId: inst.id, description: form.data.description }, { actorId: req.user!.id, ip: req.ip });
    setFlash(req, 'success', 'institutions.edit.saved');
    res.redirect(303, `/institutions/${inst.id}`);
  });

  return router;
}
