import { Router } from 'express';
import type { PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import { policy } from '../auth/policy.js';
import { AppError } from '../http/app-error.js';
import { findExpert } from './queries.js';

export function expertRoutes({ prisma }: { prisma: PrismaClient }): Router {
  const router = Router();

  /** Shows what the viewer may see: a profile the viewer may not see does not exist for them (404, not 403). */
  router.get('/experts/:id', async (req, res) => {
    const expert = await findExpert(prisma, req.params.id);
    if (!expert || !policy.seeExpertProfile(req.user, expert)) throw AppError.notFound();
    const showPrivate = policy.seeExpertPrivate(req.user, expert);
    if (showPrivate && req.user && req.user.id !== expert.userId) {
      await recordAudit(prisma, { actorId: req.user.id, action: 'expert.private_viewed', entity: 'ExpertProfile', entityId: expert.id, ip: req.ip });
    }
    res.render('experts/show', { expert: showPrivate ? expert : withoutPrivateFields(expert), showPrivate });
  });

  return router;
}

type Expert = NonNullable<Awaited<ReturnType<typeof findExpert>>>;

/** Private fields never reach the template of a viewer who may not see them. */
function withoutPrivateFields(expert: Expert): Expert {
  return { ...expert, phone: null, nationalities: [], originCommune: null, cvFileKey: null, user: { ...expert.user, email: '' } };
}
