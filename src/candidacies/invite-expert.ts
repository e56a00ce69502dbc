import { Prisma, type PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import { notify } from '../notifications/notify.js';

export type InviteResult = { ok: true; already: boolean } | { ok: false; reason: 'notOpen' | 'noExpert' };

/** Institution staff or an officer invite an expert to a published need (from the match list or the profile). */
export async function inviteExpert(
  deps: { prisma: PrismaClient; publicUrl: string },
  input: { needId: string; expertId: string; note?: string },
  ctx: { actorId: string; ip?: string },
): Promise<InviteResult> {
  const { prisma } = deps;
  const [need, expert] = await Promise.all([
    prisma.need.findUnique({ where: { id: input.needId }, include: { institution: { select: { name: true } } } }),
    prisma.expertProfile.findUnique({
      where: { id: input.expertId },
      include: { user: { select: { status: true, consents: { where: { withdrawnAt: null }, select: { id: true } } } } },
    }),
  ]);
  if (!need || need.status !== 'published') return { ok: false, reason: 'notOpen' };
  // An invitation opens the expert's contact details to the institution: only experts who agreed to be found.
  const findable = expert && expert.user.status === 'active' && expert.matchable && expert.visibility !== 'private' && expert.user.consents.length > 0;
  if (!findable) return { ok: false, reason: 'noExpert' };
  try {
    await prisma.$transaction(async (tx) => {
      const c = await tx.candidacy.create({ data: { needId: need.id, expertId: expert.id, status: 'invited', motivation: input.note, respondedAt: new Date() } });
      await tx.candidacyEvent.create({ data: { candidacyId: c.id, actorId: ctx.actorId, toStatus: 'invited', note: input.note } });
      await recordAudit(tx, { actorId: ctx.actorId, action: 'candidacy.invited', entity: 'Candidacy', entityId: c.id, ip: ctx.ip });
      await notify(tx, deps.publicUrl, [expert.userId], {
        kind: 'candidacy.invited', params: { needTitle: need.title, institution: need.institution.name }, link: `/needs/${need.id}`,
      });
    });
    return { ok: true, already: false };
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') return { ok: true, already: true };
    throw err;
  }
}
