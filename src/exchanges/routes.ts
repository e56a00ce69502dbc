import { Router, type Request, type Response } from 'express';
import type { PrismaClient } from '../db/prisma.js';
import { AppError } from '../http/app-error.js';
import { echoValues, parseForm, type FieldErrors } from '../http/forms.js';
import { authorize, requireUser } from '../http/guards.js';
import { setFlash } from '../http/session.js';
import { UUID_PATTERN } from '../lib/uuid.js';
import { rankOffersForRequest } from '../matching/exchange-match.js';
import { displayNames, LANGUAGE_CODES } from '../reference/codes.js';
import { exchangePolicy } from './policy.js';
import { proposeExchange } from './propose-exchange.js';
import { publishListing } from './publish-listing.js';
import { exchangeBoard, loadExchange } from './queries.js';
import { EXCHANGE_FORMATS, EXCHANGE_THEMES, listingSchema, proposeSchema, transitionSchema } from './schemas.js';
import { transitionExchange } from './transition-exchange.js';

/** Exchanges of practice between institutions: offers, requests, ranked matches with reasons, the lifecycle. */
export function exchangeRoutes({ prisma, publicUrl }: { prisma: PrismaClient; publicUrl: string }): Router {
  const router = Router();
  const idOf = (req: Request) => {
    const id = String(req.params.id);
    if (!UUID_PATTERN.test(id)) throw AppError.notFound();
    return id;
  };
  const ctx = (req: Request) => ({ actorId: req.user!.id, ip: req.ip, publicUrl });
  const myInstitutions = (req: Request) =>
    (req.user?.memberships ?? []).filter((m) => m.status === 'active' && m.institution?.status === 'verified').map((m) => m.institutionId);

  router.get('/exchanges', async (req, res) => {
    const scope = req.user?.role === 'officer' ? 'all' : req.user?.role === 'staff' ? myInstitutions(req) : [];
    res.render('exchanges/index', { ...(await exchangeBoard(prisma, scope)), canPublish: myInstitutions(req).length > 0 && req.user?.role === 'staff' });
  });

  const renderForm = async (req: Request, res: Response, status: number, values: Record<string, string>, errors: FieldErrors) => {
    const ids = myInstitutions(req);
    res.status(status).render('exchanges/new', {
      values, errors, themes: EXCHANGE_THEMES, formats: EXCHANGE_FORMATS, languages: displayNames(req.lng, 'language', LANGUAGE_CODES),
      institutions: await prisma.institution.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
      sectors: await prisma.sector.findMany({ orderBy: { code: 'asc' } }),
    });
  };

  router.get('/exchanges/new', requireUser, async (req, res) => {
    authorize(myInstitutions(req).some((id) => exchangePolicy.publish(req.user, id)));
    await renderForm(req, res, 200, { kind: req.query.kind === 'request' ? 'request' : 'offer' }, {});
  });

  router.post('/exchanges/listings', requireUser, async (req, res) => {
    const form = parseForm(listingSchema, req.body);
    if (!form.ok) return renderForm(req, res, 400, form.values, form.errors);
    authorize(exchangePolicy.publish(req.user, form.data.institutionId));
    const result = await publishListing(prisma, form.data, ctx(req));
    if (!result.ok) return renderForm(req, res, 400, echoValues(req.body as Record<string, unknown>), result.errors);
    setFlash(req, 'success', `exchanges.published.${form.data.kind}`);
    res.redirect(303, form.data.kind === 'request' ? `/exchanges/requests/${result.id}` : '/exchanges');
  });

  router.get('/exchanges/requests/:id', async (req, res) => {
    const request = await prisma.exchangeRequest.findUnique({ where: { id: idOf(req) }, include: { institution: true, sector: true } });
    if (!request) throw AppError.notFound();
    const canMatch = exchangePolicy.matchRequest(req.user, request.institutionId);
    // offers of the same theme or sector are the candidates (indexed), then ranked by the pure matcher
    const candidates = canMatch
      ? await prisma.exchangeOffer.findMany({ where: { open: true, OR: [{ theme: request.theme }, { sectorCode: request.sectorCode }] }, include: { institution: true }, take: 200 })
      : [];
    const matches = rankOffersForRequest(request, candidates).map((m) => ({ ...m, offer: candidates.find((o) => o.id === m.offerId)! }));
    res.render('exchanges/request', { request, matches, canMatch });
  });

  router.post('/exchanges/requests/:id/propose', requireUser, async (req, res) => {
    const requestId = idOf(req);
    const request = await prisma.exchangeRequest.findUnique({ where: { id: requestId }, select: { institutionId: true } });
    if (!request) throw AppError.notFound();
    authorize(exchangePolicy.matchRequest(req.user, request.institutionId));
    const form = parseForm(proposeSchema, req.body);
    if (!form.ok) throw AppError.badRequest();
    const result = await proposeExchange(prisma, requestId, form.data.offerId, ctx(req));
    if (!result.ok && result.reason === 'notFound') throw AppError.notFound();
    if (!result.ok) {
      setFlash(req, 'error', `exchanges.errors.${result.reason}`);
      return res.redirect(303, `/exchanges/requests/${requestId}`);
    }
    setFlash(req, 'success', 'exchanges.proposed');
    res.redirect(303, `/exchanges/${result.id}`);
  });

  const parties = (e: NonNullable<Awaited<ReturnType<typeof loadExchange>>>) => ({ offerInstitutionId: e.offer.institutionId, requestInstitutionId: e.request.institutionId });

  router.get('/exchanges/:id', requireUser, async (req, res) => {
    const exchange = await loadExchange(prisma, idOf(req));
    if (!exchange) throw AppError.notFound();
    authorize(exchangePolicy.see(req.user, parties(exchange)));
    const can = (action: 'agree' | 'hold' | 'report' | 'cancel') => exchangePolicy.act(req.user, action, parties(exchange));
    res.render('exchanges/show', { exchange, can });
  });

  router.post('/exchanges/:id/transition', requireUser, async (req, res) => {
    const exchange = await loadExchange(prisma, idOf(req));
    if (!exchange) throw AppError.notFound();
    const form = parseForm(transitionSchema, req.body);
    if (!form.ok) throw AppError.badRequest();
    authorize(exchangePolicy.act(req.user, form.data.action, parties(exchange)));
    const result = await transitionExchange(prisma, exchange, form.data, ctx(req));
    setFlash(req, result.ok ? 'success' : 'error', result.ok ? `exchanges.done.${form.data.action}` : `exchanges.errors.${result.reason}`);
    res.redirect(303, `/exchanges/${exchange.id}`);
  });

  return router;
}
