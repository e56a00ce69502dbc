import path from 'node:path';
import { Router } from 'express';
import type pg from 'pg';
import type { Config } from '../config.js';
import type { PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import { policy } from '../auth/policy.js';
import { candidacyPolicy } from '../candidacies/policy.js';
import { AppError } from '../http/app-error.js';
import { requireRole } from '../http/guards.js';
import { cvDownloadRoute, ownCvRoutes } from './cv-routes.js';
import { folderCvStore, type CvStore } from './cv-store.js';
import { businessPlanStoreFor } from '../investments/business-plan.js';
import { dataRightsRoutes } from './data-rights-routes.js';
import type { ExpertDeps } from './deps.js';
import { editorRoutes } from './editor-routes.js';
import { freshnessRoutes } from './freshness-routes.js';
import { listRoutes } from './list-routes.js';
import { findExpert } from './queries.js';
import { viewerInstitutionIds } from './profile-viewers.js';
import { skillRoutes } from './skill-routes.js';

export interface ExpertRouteDeps {
  prisma: PrismaClient;
  pool: pg.Pool;
  config: Pick<Config, 'dataDir' | 'publicUrl'>;
  /** the CV storage; by default a folder under DATA_DIR (tests may pass another) */
  cvStore?: CvStore;
}

export function expertRoutes({ prisma, pool, config, cvStore }: ExpertRouteDeps): Router {
  const deps: ExpertDeps = { prisma, pool, publicUrl: config.publicUrl, cvStore: cvStore ?? folderCvStore(path.join(config.dataDir, 'cv')),
    businessPlanStore: businessPlanStoreFor(config.dataDir) };
  const router = Router();

  router.use(freshnessRoutes(prisma));
  // The editor and the data rights: the signed-in expert's own profile only, never one named in the URL.
  const own = Router();
  own.use(editorRoutes(prisma), listRoutes(prisma), skillRoutes(prisma), ownCvRoutes(deps), dataRightsRoutes(deps));
  router.use('/experts/me', requireRole('expert'));
  router.use(own);
  router.use(cvDownloadRoute(deps));

  /** Shows what the viewer may see: a profile the viewer may not see does not exist for them (404, not 403). */
  router.get('/experts/:id', async (req, res) => {
    const expert = await findExpert(prisma, req.params.id);
    if (!expert || !policy.seeExpertProfile(req.user, expert)) throw AppError.notFound();
    const showPrivate = policy.seeExpertPrivate(req.user, expert);
    const showContact = policy.seeExpertContact(req.user, expert);
    const showCv = !!expert.cvFileKey && policy.downloadExpertCv(req.user, expert);
    if (req.user && req.user.id !== expert.userId && (showContact || req.user.role === 'staff')) {
      // Every opening by an institution or the programme is audited: the expert sees them on /experts/me.
      await recordAudit(prisma, {
        actorId: req.user.id, action: showContact ? 'expert.private_viewed' : 'expert.profile_viewed', entity: 'ExpertProfile', entityId: expert.id, ip: req.ip,
        details: { as: showPrivate ? req.user.role : showContact ? 'candidate_institution' : 'institution', institutionIds: viewerInstitutionIds(req.user, expert) },
      });
    }
    const shown = showPrivate ? expert : withoutPrivateFields(expert, showContact);
    const invitableNeeds = await invitableNeedsFor(prisma, req.user, expert.id);
    res.render('experts/show', { expert: shown, showPrivate, showContact, showCv, isOwner: req.user?.id === expert.userId, invitableNeeds });
  });

  return router;
}

type Expert = NonNullable<Awaited<ReturnType<typeof findExpert>>>;

/** Published needs of the viewer's institutions this expert is not yet a candidate for: staff invite from here. */
async function invitableNeedsFor(prisma: PrismaClient, actor: Express.User | undefined, expertId: string) {
  if (actor?.role !== 'staff') return [];
  const institutionIds = actor.memberships.filter((m) => candidacyPolicy.invite(actor, m)).map((m) => m.institutionId);
  return prisma.need.findMany({
    where: { institutionId: { in: institutionIds }, status: 'published', candidacies: { none: { expertId } } },
    select: { id: true, title: true }, orderBy: { publishedAt: 'desc' }, take: 50,
  });
}

/** Private fields never reach the template of a viewer who may not see them; contact details only when allowed. */
function withoutPrivateFields(expert: Expert, keepContact: boolean): Expert {
  return {
    ...expert,
    phone: keepContact ? expert.phone : null,
    nationalities: [],
    originCommune: null,
    originCommuneCode: null,
    residenceStatus: null,
    cvFileKey: null,
    candidacies: [],
    user: { ...expert.user, email: keepContact ? expert.user.email : '' },
  };
}
