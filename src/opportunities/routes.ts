import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../db/prisma.js';
import { investLocals } from '../cofinancing/view-locals.js';
import { AppError } from '../http/app-error.js';
import { echoValues, parseForm, type FieldErrors } from '../http/forms.js';
import { authorize, requireUser } from '../http/guards.js';
import { setFlash } from '../http/session.js';
import { investmentPolicy, PUBLISHING_KINDS } from '../investments/policy.js';
import { answerInterest, closeOpportunity, expressInterest, publishOpportunity } from './commands.js';
import { affinityOf, interestsOf, loadOpportunity, searchOpportunities } from './queries.js';
import { answerSchema, interestSchema, opportunitySchema, opportunityQuerySchema } from './schemas.js';

const PARAMS = ['q', 'sector', 'region', 'kind', 'page'] as const;
const versionSchema = z.object({ version: z.coerce.number().int().min(0).max(2_147_483_647) });

/** Opportunities published by verified institutions and officers; interests and the publishers' answers. */
export function opportunityRoutes(deps: { prisma: PrismaClient; publicUrl: string }): Router {
  const { prisma } = deps;
  const router = Router();
  router.use('/invest/opportunities', investLocals(prisma));

  /** Institutions this user may publish for: verified, of a publishing kind, where they are active staff. */
  const publishingInstitutions = async (req: Request) => {
    const ids = (req.user?.memberships ?? []).filter((m) => m.status === 'active').map((m) => m.institutionId);
    if (!ids.length) return [];
    const institutions = await prisma.institution.findMany({ where: { id: { in: ids }, status: 'verified', kind: { in: [...PUBLISHING_KINDS] } }, select: { id: true, name: true, status: true, kind: true } });
    return institutions.filter((i) => investmentPolicy.publishOpportunity(req.user, i));
  };
  const mayPublish = async (req: Request) => investmentPolicy.publishOpportunity(req.user) || (await publishingInstitutions(req)).length > 0;

  router.get('/invest/opportunities', async (req, res) => {
    const raw: Record<string, unknown> = {};
    for (const k of PARAMS) raw[k] = Array.isArray(req.query[k]) ? { repeated: true } : req.query[k];
    const query = Object.fromEntries(PARAMS.filter((k) => k !== 'page').map((k) => [k, typeof raw[k] === 'string' ? String(raw[k]).slice(0, 200) : '']));
    const regions = await prisma.region.findMany({ orderBy: { sortOrder: 'asc' } });
    const parsed = opportunityQuerySchema.safeParse(raw);
    const canPublish = await mayPublish(req);
    if (!parsed.success) {
      const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message.startsWith('errors.') ? i.message : 'errors.filterInvalid']));
      return res.status(400).render('opportunities/index', { result: { cards: [], total: 0, page: 1, pages: 1 }, query, errors, regions, canPublish, personalised: false });
    }
    const affinity = req.user ? await affinityOf(prisma, req.user.id) : undefined;
    const result = await searchOpportunities(prisma, parsed.data, affinity);
    res.render('opportunities/index', { result, query, errors: {}, regions, canPublish, personalised: !!affinity?.originRegion || !!affinity?.sectors.length, affinity });
  });

  const renderForm = async (req: Request, res: Response, status: number, values: Record<string, string>, errors: FieldErrors) => {
    const [regions, institutions] = await Promise.all([prisma.region.findMany({ orderBy: { sortOrder: 'asc' } }), publishingInstitutions(req)]);
    res.status(status).render('opportunities/form', { values, errors, regions, institutions, officer: investmentPolicy.publishOpportunity(req.user) });
  };
  router.get('/invest/opportunities/new', requireUser, async (req, res) => {
    authorize(await mayPublish(req));
    await renderForm(req, res, 200, {}, {});
  });
  router.post('/invest/opportunities', requireUser, async (req, res) => {
    authorize(await mayPublish(req));
    const form = parseForm(opportunitySchema, req.body);
    if (!form.ok) return renderForm(req, res, 400, form.values, form.errors);
    // An institution named in the form must be one this user acts for; without one, only officers publish.
    const institution = form.data.institutionId ? (await publishingInstitutions(req)).find((i) => i.id === form.data.institutionId) : undefined;
    if (form.data.institutionId ? !institution : !investmentPolicy.publishOpportunity(req.user)) {
      return renderForm(req, res, 400, echoValues(req.body as Record<string, unknown>), { institutionId: { key: 'validation.choice' } });
    }
    const result = await publishOpportunity(prisma, form.data, { actorId: req.user!.id, ip: req.ip });
    if (!result.ok) return renderForm(req, res, 400, echoValues(req.body as Record<string, unknown>), result.errors);
    setFlash(req, 'success', 'invest.flash.published');
    res.redirect(303, `/invest/opportunities/${result.id}`);
  });

  const load = async (req: Request) => {
    const o = await loadOpportunity(prisma, String(req.params.id));
    if (!o || (o.status !== 'open' && !investmentPolicy.manageOpportunity(req.user, o))) throw AppError.notFound();
    return o;
  };

  router.get('/invest/opportunities/:id', async (req, res) => {
    const o = await load(req);
    const manage = investmentPolicy.manageOpportunity(req.user, o);
    const [interests, mine] = await Promise.all([
      manage ? interestsOf(prisma, o.id) : Promise.resolve([]),
      req.user ? prisma.investmentInterest.findUnique({ where: { opportunityId_userId: { opportunityId: o.id, userId: req.user.id } } }) : Promise.resolve(null),
    ]);
    res.render('opportunities/show', { o, manage, interests, mine, canInterest: investmentPolicy.expressInterest(req.user, o) && !mine, errors: {} });
  });

  router.post('/invest/opportunities/:id/interests', requireUser, async (req, res) => {
    const o = await load(req);
    authorize(investmentPolicy.expressInterest(req.user, o));
    const form = parseForm(interestSchema, req.body);
    if (!form.ok) {
      setFlash(req, 'error', 'invest.errors.message');
      return res.redirect(303, `/invest/opportunities/${o.id}`);
    }
    const result = await expressInterest({ db: prisma, publicUrl: deps.publicUrl }, { opportunityId: o.id, message: form.data.message }, { actorId: req.user!.id, ip: req.ip });
    setFlash(req, result.ok ? 'success' : 'error', result.ok ? 'invest.flash.interest' : `invest.errors.interest_${result.reason}`);
    res.redirect(303, `/invest/opportunities/${o.id}`);
  });

  router.post('/invest/opportunities/:id/interests/:interestId/answer', requireUser, async (req, res) => {
    const o = await load(req);
    authorize(investmentPolicy.manageOpportunity(req.user, o));
    const form = parseForm(answerSchema, req.body);
    const result = form.ok
      ? await answerInterest({ db: prisma, publicUrl: deps.publicUrl }, { opportunityId: o.id, interestId: String(req.params.interestId), answer: form.data.answer }, { actorId: req.user!.id, ip: req.ip })
      : { ok: false };
    setFlash(req, result.ok ? 'success' : 'error', result.ok ? 'invest.flash.answered' : 'invest.errors.answer');
    res.redirect(303, `/invest/opportunities/${o.id}`);
  });

  router.post('/invest/opportunities/:id/close', requireUser, async (req, res) => {
    const o = await load(req);
    authorize(investmentPolicy.manageOpportunity(req.user, o));
    const form = parseForm(versionSchema, req.body);
    const ok = form.ok && (await closeOpportunity(prisma, { opportunityId: o.id, version: form.data.version }, { actorId: req.user!.id, ip: req.ip }));
    setFlash(req, ok ? 'success' : 'error', ok ? 'invest.flash.closed' : 'invest.errors.conflict');
    res.redirect(303, `/invest/opportunities/${o.id}`);
  });

  return router;
}
