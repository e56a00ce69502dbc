import type { PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import type { CommandContext } from './deps.js';
import type { CvStore } from './cv-store.js';
import { actorLabels, exportedAuditEntry, exportedEvent, exportedReport } from './export-actors.js';
import { investmentDataOf } from '../investments/data-rights.js';

/**
 * Everything Jisr holds about the user (GDPR art. 15 and 20, Law 09-08 art. 7), as one JSON document: the
 * account, the profile and its lists (skills with their labels), consents, candidacies, missions, investment
 * projects and interests, notifications, the audit entries by or about them, and the CV as base64. Secrets are
 * left out: the password hash and token hashes protect the account and say nothing about the person. Other people
 * who acted (officers, institution staff) appear by role or institution and time, never by user id or IP address.
 */
export async function exportExpertData(deps: { prisma: PrismaClient; cvStore: CvStore }, ctx: CommandContext) {
  const { prisma } = deps;
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: ctx.userId },
    select: {
      id: true, email: true, displayName: true, role: true, locale: true, status: true, emailVerifiedAt: true, lastLoginAt: true, createdAt: true, updatedAt: true,
      consents: { orderBy: { givenAt: 'asc' } },
      notifications: { orderBy: { createdAt: 'asc' } },
      tokens: { select: { purpose: true, createdAt: true, expiresAt: true, usedAt: true }, orderBy: { createdAt: 'asc' } },
    },
  });
  const profile = await prisma.expertProfile.findUnique({
    where: { userId: ctx.userId },
    include: {
      originRegion: true,
      skills: { include: { skill: { select: { code: true, labelFr: true, labelAr: true, labelEn: true } } } },
      languages: true,
      availabilities: { orderBy: { startsOn: 'asc' } },
      degrees: true,
      candidacies: { include: { need: { select: { id: true, title: true, institution: { select: { name: true } } } }, events: true } },
      missions: { include: { need: { select: { id: true, title: true, institution: { select: { name: true } } } }, events: true, report: true } },
    },
  });
  const about = [ctx.userId, ...(profile ? [profile.id] : [])];
  const auditEntries = await prisma.auditLog.findMany({
    where: { OR: [{ actorId: ctx.userId }, { entityId: { in: about } }] },
    orderBy: { id: 'asc' },
  });
  const { investments, investmentInterests } = await investmentDataOf(prisma, ctx.userId);
  const { candidacies, missions, ...profileData } = profile ?? { candidacies: [], missions: [] };
  const who = await actorLabels(prisma, ctx.userId, [
    ...auditEntries.map((a) => a.actorId),
    ...candidacies.flatMap((c) => c.events.map((e) => e.actorId)),
    ...missions.flatMap((m) => [...m.events.map((e) => e.actorId), m.report?.evaluatorId ?? null]),
  ]);
  const cvBytes = profile?.cvFileKey ? await deps.cvStore.get(profile.cvFileKey) : undefined;
  const { consents, notifications, tokens, ...account } = user;
  const document = {
    format: 'jisr-personal-data/1',
    exportedAt: ctx.now.toISOString(),
    account,
    profile: profile ? profileData : null,
    consents,
    candidacies: candidacies.map((c) => ({ ...c, events: c.events.map((e) => exportedEvent(e, who)) })),
    missions: missions.map(({ report, ...m }) => ({ ...m, events: m.events.map((e) => exportedEvent(e, who)), report: report && exportedReport(report, who) })),
    investments,
    investmentInterests,
    notifications,
    accountTokens: tokens,
    auditEntries: auditEntries.map((a) => exportedAuditEntry(a, ctx.userId, who)),
    cv: cvBytes ? { fileName: 'cv.pdf', contentType: 'application/pdf', uploadedAt: profile?.cvUploadedAt, base64: cvBytes.toString('base64') } : null,
  };
  await recordAudit(prisma, { actorId: ctx.userId, action: 'expert.data_exported', entity: 'User', entityId: ctx.userId, ip: ctx.ip });
  return JSON.stringify(document, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2);
}
