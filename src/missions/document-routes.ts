import { Router, type Request } from 'express';
import type { PrismaClient } from '../db/prisma.js';
import type { Clock } from '../lib/clock.js';
import { recordAudit } from '../audit/record-audit.js';
import { AppError } from '../http/app-error.js';
import { authorize, requireUser } from '../http/guards.js';
import { localized } from '../i18n/i18n.js';
import { missionDays } from './budget.js';
import { renderCertificate, renderMissionOrder, type MissionDocumentData } from './documents/index.js';
import { missionPolicy, type MissionParties } from './policy.js';
import type { MissionPage } from './queries.js';

const ORDER_FROM = ['approved', 'briefed', 'in_progress', 'completed', 'reported', 'evaluated', 'followed_up'];
const CERTIFICATE_FROM = ['evaluated', 'followed_up'];

/**
 * The printable mission order (approved onwards) and certificate of participation (evaluated onwards, so after the
 * completion), which prints the days the mission really took place.
 */
export function missionDocumentRoutes(
  deps: { prisma: PrismaClient; clock: Clock },
  load: (req: Request) => Promise<MissionPage>,
  parties: (m: MissionPage) => MissionParties,
): Router {
  const router = Router();
  const serve = (kind: 'order' | 'certificate') => async (req: Request, res: import('express').Response) => {
    const m = await load(req);
    authorize(missionPolicy.documents(req.user, parties(m)));
    if (!(kind === 'order' ? ORDER_FROM : CERTIFICATE_FROM).includes(m.status)) throw AppError.notFound();
    // no certificate without the real days (the migration fills them for every mission completed before it)
    if (kind === 'certificate' && !(m.startedOn && m.completedOn)) throw AppError.notFound();
    const data = await documentData(deps.prisma, m, req.lng, deps.clock());
    const pdf = await (kind === 'order' ? renderMissionOrder : renderCertificate)(data, req.lng);
    await recordAudit(deps.prisma, { actorId: req.user!.id, action: `mission.${kind}_downloaded`, entity: 'Mission', entityId: m.id, ip: req.ip });
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="jisr-${kind}-${m.id.slice(0, 8)}.pdf"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(pdf);
  };
  router.get('/missions/:id/order.pdf', requireUser, serve('order'));
  router.get('/missions/:id/certificate.pdf', requireUser, serve('certificate'));
  return router;
}

async function documentData(prisma: PrismaClient, m: MissionPage, lng: 'fr' | 'ar' | 'en', now: Date): Promise<MissionDocumentData> {
  const approval = m.events.find((e) => e.toStatus === 'approved' && e.fromStatus === 'accepted');
  const officer = approval?.actorId ? await prisma.user.findUnique({ where: { id: approval.actorId }, select: { displayName: true } }) : null;
  return {
    missionRef: `JISR-${m.startsOn.getUTCFullYear()}-${m.id.slice(0, 8).toUpperCase()}`,
    expertName: `${m.expert.firstName} ${m.expert.lastName}`,
    expertCountry: m.expert.countryOfResidence ?? undefined,
    institutionName: lng === 'ar' && m.need.institution.nameAr ? m.need.institution.nameAr : m.need.institution.name,
    institutionCity: m.need.city ?? m.need.institution.city,
    regionName: localized(m.need.region, 'name', lng),
    needTitle: m.need.title,
    startsOn: m.startsOn,
    endsOn: m.endsOn,
    days: missionDays(m.startsOn, m.endsOn),
    held: m.startedOn && m.completedOn ? { startedOn: m.startedOn, completedOn: m.completedOn, days: missionDays(m.startedOn, m.completedOn) } : undefined,
    mode: m.need.mode,
    budget: m.budgetTotal !== null && m.travelCost !== null && m.perDiemDaily !== null
      ? { travelCost: m.travelCost.toFixed(2), perDiemDaily: m.perDiemDaily.toFixed(2), perDiemDays: m.perDiemDays ?? 0, total: m.budgetTotal.toFixed(2), currency: m.currency }
      : undefined,
    approvedOn: m.approvedAt ?? undefined,
    officerName: officer?.displayName ?? undefined,
    evaluation: m.report?.rating && m.report.evaluatedAt ? { rating: m.report.rating, evaluatedOn: m.report.evaluatedAt } : undefined,
    issuedOn: now,
    demo: m.isDemo,
  };
}
