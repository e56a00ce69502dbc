import type { PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import { institutionStaff, notify } from '../notifications/notify.js';
import { INSTITUTION_DECISIONS, type InstitutionDecision } from './policy.js';

export type DecisionResult = { ok: true } | { ok: false; reason: 'notFound' | 'reasonRequired' | 'alreadyDecided' };

/**
 * An officer verifies or rejects a pending institution. The update names the expected current status, so of two
 * officers deciding at once exactly one wins and the other is told the institution was already decided; the
 * audit entry and the members' notifications share the transaction of the change. Who may decide is checked
 * before, by institutionPolicy.decide.
 */
export async function decideInstitution(
  deps: { prisma: PrismaClient; publicUrl: string },
  input: { institutionId: string; decision: InstitutionDecision; reason?: string },
  ctx: { actorId: string; ip?: string; now?: Date },
): Promise<DecisionResult> {
  const t = INSTITUTION_DECISIONS[input.decision];
  const reason = input.reason?.trim() || undefined;
  if (input.decision === 'reject' && !reason) return { ok: false, reason: 'reasonRequired' };
  const now = ctx.now ?? new Date();
  return deps.prisma.$transaction(async (tx) => {
    const inst = await tx.institution.findUnique({ where: { id: input.institutionId }, select: { id: true, name: true, status: true } });
    if (!inst) return { ok: false as const, reason: 'notFound' as const };
    const updated = await tx.institution.updateMany({
      where: { id: inst.id, status: t.from },
      data:
        input.decision === 'verify'
          ? { status: t.to, verifiedAt: now, rejectionReason: null }
          : { status: t.to, verifiedAt: null, rejectionReason: reason },
    });
    if (updated.count !== 1) return { ok: false as const, reason: 'alreadyDecided' as const };
    await recordAudit(tx, {
      actorId: ctx.actorId, action: `institution.${t.to}`, entity: 'Institution', entityId: inst.id, ip: ctx.ip,
      details: { from: t.from, to: t.to, ...(reason ? { reason } : {}) },
    });
    await notify(tx, deps.publicUrl, await institutionStaff(tx, inst.id), {
      kind: `institution.${t.to}`, params: { institution: inst.name, reason: reason ?? '' }, link: `/institutions/${inst.id}`,
    });
    return { ok: true as const };
  });
}
