import { Router, type NextFunction, type Request, type Response } from 'express';
import type pg from 'pg';
import type { z } from 'zod';
import type { PrismaClient } from '../db/prisma.js';
import { rateLimit } from '../http/rate-limit.js';
import { translator } from '../i18n/i18n.js';
import type { Clock } from '../lib/clock.js';
import type { Logger } from '../lib/logger.js';
import { impactFigures, SMALL_CELL } from '../reports/impact.js';
import { decodeCursor } from './cursor.js';
import { ApiProblem, apiErrorHandler, apiLanguage, sendJson, sendProblem } from './http.js';
import { authenticateKey } from './keys.js';
import { openApiDocument } from './openapi.js';
import { apiPolicy, type ApiScope } from './policy.js';
import { findNeed, listInstitutions, listNeeds, listOpportunities, type PageArgs } from './queries.js';
import { institutionsQuery, needsQuery, opportunitiesQuery } from './schemas.js';
import { UUID_PATTERN as UUID } from '../lib/uuid.js';

export interface ApiDeps {
  prisma: PrismaClient;
  pool: pg.Pool;
  logger: Logger;
  clock: Clock;
}

/** Each key's own limit (ApiKey.requestsPerMinute) applies to this window. */
const WINDOW_MS = 60_000;
const SUMMARY_KEYS = ['experts', 'missions', 'personDays', 'needs'];

/** The key a request presents: `Authorization: Bearer <key>` or `X-Api-Key: <key>`. */
function presentedKey(req: Request): string | undefined {
  const auth = req.get('authorization');
  const bearer = auth && /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
  return bearer || req.get('x-api-key') || undefined;
}

/** Parses the query with the schema the OpenAPI document shows; a bad value is a 400 naming the parameter. */
function parseQuery<S extends z.ZodObject>(schema: S, req: Request): z.infer<S> & PageArgs {
  const parsed = schema.safeParse(req.query);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ name: i.path.join('.'), message: i.message }));
    throw new ApiProblem(400, 'invalid-parameter', 'Invalid query parameter', `Check ${errors.map((e) => e.name).join(', ')}.`, errors);
  }
  const data = parsed.data as z.infer<S> & { cursor?: string; limit: number };
  const cursor = data.cursor === undefined ? undefined : decodeCursor(data.cursor);
  if (cursor === null) throw new ApiProblem(400, 'bad-cursor', 'Malformed cursor', 'Send back the `next` value of a previous page unchanged.');
  return { ...data, cursor, lng: apiLanguage(req.get('accept-language')) };
}

/** The read-only partner API under /api/v1 (JSON). Mounted before the session: partners have keys, not cookies. */
export function apiRoutes(deps: ApiDeps): Router {
  const { prisma } = deps;
  const router = Router();

  router.get('/api/v1/openapi.json', (req, res) => sendJson(req, res, openApiDocument()));

  const authenticate = async (req: Request, res: Response, next: NextFunction) => {
    const check = await authenticateKey(prisma, presentedKey(req), deps.clock());
    if (!check.ok) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="jisr-api"');
      const detail = { missing: 'Send your key as Authorization: Bearer <key>.', unknown: 'This key is not known.', revoked: 'This key was revoked.' }[check.reason];
      return sendProblem(res, new ApiProblem(401, check.reason === 'revoked' ? 'revoked-key' : 'unknown-key', 'Invalid API key', detail));
    }
    res.locals.apiKey = check.key;
    next();
  };
  // Counted per key in PostgreSQL (src/http/rate-limit.ts): every instance shares the count, a restart keeps it.
  const keyOf = (req: Request) => req.res!.locals.apiKey as { id: string; requestsPerMinute: number };
  const perKey = rateLimit(deps.pool, { name: 'api-key', windowMs: WINDOW_MS, limit: (req) => keyOf(req).requestsPerMinute, key: (req) => `key:${keyOf(req).id}` });
  const scoped = (scope: ApiScope) => (_req: Request, res: Response, next: NextFunction) => {
    if (!apiPolicy.read(res.locals.apiKey as { scopes: string[] }, scope)) throw new ApiProblem(403, 'missing-scope', 'Missing scope', `This key does not have the scope ${scope}.`);
    next();
  };
  const guard = (scope: ApiScope) => [authenticate, perKey, scoped(scope)];

  router.get('/api/v1/needs', guard('needs:read'), async (req: Request, res: Response) => {
    const q = parseQuery(needsQuery, req);
    sendJson(req, res, await listNeeds(prisma, q, q), q.lng);
  });
  router.get('/api/v1/needs/:id', guard('needs:read'), async (req: Request, res: Response) => {
    const lng = apiLanguage(req.get('accept-language'));
    const id = String(req.params.id);
    const need = UUID.test(id) ? await findNeed(prisma, id, lng) : undefined;
    if (!need) throw new ApiProblem(404, 'not-found', 'Not found', 'No published need has this id.');
    sendJson(req, res, need, lng);
  });
  router.get('/api/v1/institutions', guard('institutions:read'), async (req: Request, res: Response) => {
    const q = parseQuery(institutionsQuery, req);
    sendJson(req, res, await listInstitutions(prisma, q, q), q.lng);
  });
  router.get('/api/v1/opportunities', guard('opportunities:read'), async (req: Request, res: Response) => {
    const q = parseQuery(opportunitiesQuery, req);
    sendJson(req, res, await listOpportunities(prisma, q, q), q.lng);
  });
  router.get('/api/v1/statistics', guard('statistics:read'), async (req: Request, res: Response) => {
    const lng = apiLanguage(req.get('accept-language'));
    const [regions, sectors] = await Promise.all([prisma.region.findMany({ orderBy: { sortOrder: 'asc' } }), prisma.sector.findMany({ orderBy: { code: 'asc' } })]);
    // The public impact page's own figures (src/reports/impact.ts), with its small-cell suppression.
    const { summary, figures } = await impactFigures({ prisma, t: translator(lng), lng, regions, sectors, today: deps.clock() });
    sendJson(req, res, {
      summary: summary.map((s, i) => ({ key: SUMMARY_KEYS[i] ?? String(i), label: s.label, value: s.value })),
      figures: figures.map((f) => ({ id: f.id, title: f.title, rows: f.rows.map((r) => ({ key: r.key, label: r.label, value: r.values[0] ?? null })) })),
      smallCell: SMALL_CELL,
    }, lng);
  });
  router.use('/api/v1', apiErrorHandler(deps.logger));
  return router;
}
