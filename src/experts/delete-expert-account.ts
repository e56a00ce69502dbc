import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { z } from 'zod';
import type { PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import { endSessionsOf } from '../auth/sessions.js';
import type { FieldErrors } from '../http/forms.js';
import { verifyPassword } from '../lib/password.js';
import type { CommandContext } from './deps.js';
import type { CvStore } from './cv-store.js';
import { anonymiseInvestmentData } from '../investments/data-rights.js';

export const deleteAccountSchema = z.object({
  password: z.string().min(1, 'validation.required').max(1024),
  confirm: z.literal('on', { message: 'validation.expert.confirmDelete' }),
});

/**
 * Erases the expert's account (GDPR art. 17, Law 09-08 art. 8) once they typed their password again.
 * Personal data goes: names, contact, biography, CV, degrees, lists, messages, tokens, sessions, IP addresses.
 * What the programme's statistics need stays, attached to a profile nobody can trace back: kind of expert,
 * gender, country of residence, region of origin and sectors, and the missions and candidacies (dates, statuses,
 * budgets) without the expert's own texts. The address is replaced by a unique placeholder, so the same address
 * can register again. Consents are closed, not deleted: they prove what was agreed.
 */
export async function deleteExpertAccount(
  deps: { prisma: PrismaClient; pool: pg.Pool; cvStore: CvStore; businessPlanStore?: CvStore },
  password: string,
  ctx: CommandContext,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const { prisma } = deps;
  const user = await prisma.user.findUniqueOrThrow({ where: { id: ctx.userId }, include: { expertProfile: { select: { id: true, cvFileKey: true } } } });
  if (!(await verifyPassword(user.passwordHash, password))) {
    await recordAudit(prisma, { actorId: user.id, action: 'expert.deletion_refused', entity: 'User', entityId: user.id, ip: ctx.ip, details: { reason: 'password' } });
    return { ok: false, errors: { password: { key: 'validation.currentPasswordWrong' } } };
  }
  const profile = user.expertProfile;
  const businessPlans = await prisma.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: {
        email: `deleted-${randomUUID()}@deleted.invalid`, displayName: null, passwordHash: '!', status: 'deleted',
        emailVerifiedAt: null, lastLoginAt: null, failedLogins: 0, lockedUntil: null,
      },
    });
    if (profile) {
      await tx.expertProfile.update({
        where: { id: profile.id },
        data: {
          firstName: '', lastName: '', phone: null, cityOfResidence: null, nationalities: [], originCommune: null, headline: null, bio: null,
          // the commune of origin identifies a person as the free text did; a residence status (refugee…) is sensitive
          originCommuneCode: null, residenceStatus: null,
          yearsExperience: null, employer: null, position: null, missionModes: [], preferredRegions: [], maxMissionDays: null,
          visibility: 'private', matchable: false, cvFileKey: null, cvUploadedAt: null, staleSince: null, staleReminderSentAt: null,
        },
      });
      await tx.expertSkill.deleteMany({ where: { expertId: profile.id } });
      await tx.expertLanguage.deleteMany({ where: { expertId: profile.id } });
      await tx.availability.deleteMany({ where: { expertId: profile.id } });
      await tx.expertDegree.deleteMany({ where: { expertId: profile.id } });
      await tx.candidacy.updateMany({ where: { expertId: profile.id }, data: { motivation: null } });
      await tx.missionReport.updateMany({
        where: { mission: { expertId: profile.id } }, data: { expertActivities: null, expertResults: null, expertRecommendations: null },
      });
    }
    await tx.consent.updateMany({ where: { userId: user.id, withdrawnAt: null }, data: { withdrawnAt: ctx.now } });
    await tx.userToken.deleteMany({ where: { userId: user.id } });
    await tx.notification.deleteMany({ where: { userId: user.id } });
    const plans = await anonymiseInvestmentData(tx, user.id);
    // Messages to the old address hold the name and the address itself.
    await tx.outboxEmail.deleteMany({ where: { toAddress: user.email } });
    await tx.auditLog.updateMany({ where: { actorId: user.id }, data: { ip: null } });
    await recordAudit(tx, { actorId: user.id, action: 'expert.account_deleted', entity: 'User', entityId: user.id });
    return plans;
  });
  if (profile?.cvFileKey) await deps.cvStore.delete(profile.cvFileKey);
  for (const key of businessPlans) await deps.businessPlanStore?.delete(key);
  await endSessionsOf(deps.pool, user.id);
  return { ok: true };
}
