import { z } from 'zod';
import { Prisma, type PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import { institutionStaff, notify } from '../notifications/notify.js';

export const applySchema = z.object({ motivation: z.string().trim().min(20, 'validation.tooShort').max(2000) });

export type ApplyResult = { ok: true; candidacyId: string; already: boolean } | { ok: false; reason: 'notOpen' | 'noProfile' | 'noConsent' };

/**
 * An expert applies to a published need. Applying twice (a double click, a second tab) leaves one candidacy:
 * the unique (need, expert) pair decides, and the second attempt is told it already exists.
 */
export async function applyToNeed(
  deps: { prisma: PrismaClient; publicUrl: string },
  input: { needId: string; userId: string; motivation: string },
  ctx: { ip?: string },
): Promise<ApplyResult> {
  const { prisma } = deps;
  const [need, expert] = await Promise.all([
    prisma.need.findUnique({ where: { id: input.needId }, select: { id: true, status: true, title: true, institutionId: true } }),
    prisma.expertProfile.findUnique({ where: { userId: input.userId }, include: { user: { select: { consents: { where: { withdrawnAt: null } } } } } }),
  ]);
  if (!need || need.status !== 'published') return { ok: false, reason: 'notOpen' };
  if (!expert) return { ok: false, reason: 'noProfile' };
  if (!expert.user.consents.length) return { ok: false, reason: 'noConsent' };
  const existing = await prisma.candidacy.findUnique({ where: { needId_expertId: { needId: need.id, expertId: expert.id } } });
  if (existing) return { ok: true, candidacyId: existing.id, already: true };
  try {
    const id = await prisma.$transaction(async (tx) => {
      const c = await tx.candidacy.create({ data: { needId: need.id, expertId: expert.id, status: 'applied', motivation: input.motivation } });
      await tx.candidacyEvent.create({ data: { candidacyId: c.id, actorId: input.userId, toStatus: 'applied' } });
      await recordAudit(tx, { actorId: input.userId, action: 'candidacy.applied', entity: 'Candidacy', entityId: c.id, ip: ctx.ip });
      await notify(tx, deps.publicUrl, await institutionStaff(tx, need.institutionId), {
        kind: 'candidacy.received', params: { needTitle: need.title }, link: `/needs/${need.id}`,
      });
      return c.id;
    });
    return { ok: true, candidacyId: id, already: false };
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      const c = await prisma.candidacy.findUniqueOrThrow({ where: { needId_expertId: { needId: need.id, expertId: expert.id } } });
      return { ok: true, candidacyId: c.id, already: true };
    }
    throw err;
  }
}
