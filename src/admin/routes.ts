import { UUID_PATTERN } from '../lib/uuid.js';
import { Router, type Request } from 'express';
import type pg from 'pg';
import { z } from 'zod';
import type { PrismaClient } from '../db/prisma.js';
import { AppError } from '../http/app-error.js';
import { parseForm } from '../http/forms.js';
import { requireRole } from '../http/guards.js';
import { setFlash } from '../http/session.js';
import { changeUserRole, endUserSessions, roleSchema, setUserStatus, statusSchema, type ManageResult } from './manage-user.js';
import { listAudit, listUsers } from './queries.js';

const listSchema = z.object({
  // Control characters go (PostgreSQL text cannot hold U+0000: the query would fail with a 500).
  q: z.string().transform((v) => v.replace(/\p{Cc}/gu, '').trim()).pipe(z.string().max(100)).optional().catch(undefined),
  role: z.enum(['expert', 'staff', 'officer', 'admin']).optional().catch(undefined),
  action: z.string().trim().regex(/^[a-z_.]{1,60}$/).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

const UUID = UUID_PATTERN;

export function adminRoutes(deps: { prisma: PrismaClient; pool: pg.Pool }): Router {
  const router = Router();
  router.use('/admin', requireRole('admin'));

  router.get('/admin', (_req, res) => res.redirect(303, '/admin/users'));

  router.get('/admin/users', async (req, res) => {
    const filter = listSchema.parse(pick(req.query));
    const result = await listUsers(deps.prisma, filter);
    res.render('admin/users', { filter: { q: filter.q ?? '', role: filter.role ?? '' }, page: filter.page, ...result });
  });

  const act = (run: (req: Request, userId: string) => Promise<ManageResult>, successKey: string) =>
    async (req: Request, res: import('express').Response) => {
      const userId = String(req.params.id);
      if (!UUID.test(userId)) throw AppError.notFound();
      const result = await run(req, userId);
      if (!result.ok && result.reason === 'notFound') throw AppError.notFound();
      setFlash(req, result.ok ? 'success' : 'error', result.ok ? successKey : result.reason === 'openMissions' ? 'admin.openMissions' : 'admin.notOnYourself');
      res.redirect(303, '/admin/users');
    };
  const ctx = (req: Request) => ({ actorId: req.user!.id, ip: req.ip });

  router.post('/admin/users/:id/role', act(async (req, id) => {
    const form = parseForm(roleSchema, req.body);
    if (!form.ok) throw AppError.badRequest();
    return changeUserRole(deps, id, form.data.role, ctx(req));
  }, 'admin.roleChanged'));

  router.post('/admin/users/:id/status', act(async (req, id) => {
    const form = parseForm(statusSchema, req.body);
    if (!form.ok) throw AppError.badRequest();
    return setUserStatus(deps, id, form.data.status, ctx(req));
  }, 'admin.statusChanged'));

  router.post('/admin/users/:id/sessions/end', act(async (req, id) => {
    const form = parseForm(z.object({}), req.body);
    if (!form.ok) throw AppError.badRequest();
    return endUserSessions(deps, id, ctx(req));
  }, 'admin.sessionsEnded'));

  router.get('/admin/audit', async (req, res) => {
    const filter = listSchema.parse(pick(req.query));
    const result = await listAudit(deps.prisma, filter);
    res.render('admin/audit', { filter: { action: filter.action ?? '' }, page: filter.page, ...result });
  });

  return router;
}

function pick(query: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const k of ['q', 'role', 'action', 'page']) if (typeof query[k] === 'string') out[k] = query[k];
  return out;
}
