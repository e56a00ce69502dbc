import { Router } from 'express';
import { z } from 'zod';
import type { PrismaClient } from '../db/prisma.js';
import { AppError } from '../http/app-error.js';
import { parseForm } from '../http/forms.js';
import { requireRole } from '../http/guards.js';
import { setFlash } from '../http/session.js';
import { outboxCounts, requeueFailedEmails } from '../mail/requeue.js';

/** The outbox as an admin sees it: counts by state, the latest failures, and a button that re-queues them. */
export function mailAdminRoutes({ prisma }: { prisma: PrismaClient }): Router {
  const router = Router();
  router.use('/admin/mail', requireRole('admin'));

  router.get('/admin/mail', async (_req, res) => {
    const [counts, failures] = await Promise.all([
      outboxCounts(prisma),
      prisma.outboxEmail.findMany({
        where: { status: 'failed' }, orderBy: { createdAt: 'desc' }, take: 50,
        select: { id: true, toAddress: true, template: true, attempts: true, lastError: true, createdAt: true },
      }),
    ]);
    res.render('admin/mail', { counts, failures });
  });

  router.post('/admin/mail/retry', async (req, res) => {
    if (!parseForm(z.object({}), req.body).ok) throw AppError.badRequest();
    const count = await requeueFailedEmails(prisma, { actorId: req.user!.id, ip: req.ip });
    setFlash(req, 'success', 'admin.mail.requeued', { count: String(count) });
    res.redirect(303, '/admin/mail');
  });
  return router;
}
