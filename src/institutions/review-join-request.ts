import type { PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import { notify } from '../notifications/notify.js';

export type JoinDecision = 'approve' | 'decline';
export type JoinReviewResult = { ok: true } | { ok: false; reason: 'notFound' | 'alreadyReviewed' };

const TO = { approve: 'active', decline: 'rejected' } as const;

/**
 * An institution administrator answers a request to join it. The request must belong to that institution and
 * still wait (both in the WHERE of the update): a forged id of another institution's request changes nothing,
 * and a double click answers once. The requester is told in their language.
 */
export async function reviewJoinRequest(
  deps: { prisma: PrismaClient; publicUrl: string },
  input: { institutionId: string; memberId: string; decision: JoinDecision },
  ctx: { actorId: string; ip?: string },
): Promise<JoinReviewResult> {
  return deps.prisma.$transaction(async (tx) => {
    const member = await tx.institutionMember.findFirst({
      where: { id: input.memberId, institutionId: input.institutionId },
      include: { institution: { select: { name: true } } },
    });
    if (!member) return { ok: false as const, reason: 'notFound' as const };
    const updated = await tx.institutionMember.updateMany({
      where: { id: member.id, institutionId: input.institutionId, status: 'pending' },
      data: { status: TO[input.decision] },
    });
    if (updated.count !== 1) return { ok: false as const, reason: 'alreadyReviewed' as const };
    await recordAudit(tx, {
      actorId: ctx.actorId, action: `institution.member_${input.decision === 'approve' ? 'approved' : 'declined'}`,
      entity: 'InstitutionMember', entityId: member.id, ip: ctx.ip,
      details: { institutionId: input.institutionId, userId: member.userId },
    });
    await notify(tx, deps.publicUrl, [member.userId], {
      kind: `member.${input.decision === 'approve' ? 'approved' : 'declined'}`,
      params: { institution: member.institution.name }, link: `/institutions/${input.institutionId}`,
    });
    return { ok: true as const };
  });
}
