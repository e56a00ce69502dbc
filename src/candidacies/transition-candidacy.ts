import type { PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import { institutionStaff, notify } from '../notifications/notify.js';
import { proposeMission } from '../missions/propose-mission.js';
import { CANDIDACY_TRANSITIONS, type CandidacyAction } from './policy.js';

export type CandidacyTransitionResult = { ok: true } | { ok: false; reason: 'reasonRequired' | 'conflict' };

/**
 * One guarded step of a candidacy, under its version: the first answer from the institution also stamps
 * `respondedAt`, which feeds the institution's response time and stops the reminders.
 */
export async function transitionCandidacy(
  deps: { prisma: PrismaClient; publicUrl: string },
  input: { candidacyId: string; action: CandidacyAction; version: number; reason?: string; note?: string },
  ctx: { actorId: string; ip?: string; now?: Date },
): Promise<CandidacyTransitionResult> {
  const t = CANDIDACY_TRANSITIONS[input.action];
  if (t.reasons && !(input.reason && t.reasons.includes(input.reason))) return { ok: false, reason: 'reasonRequired' };
  const now = ctx.now ?? new Date();
  return deps.prisma.$transaction(async (tx) => {
    const c = await tx.candidacy.findUniqueOrThrow({
      where: { id: input.candidacyId },
      include: { need: { select: { id: true, title: true, institutionId: true } }, expert: { select: { userId: true } } },
    });
    const firstAnswer = t.by === 'institution' && !c.respondedAt;
    const updated = await tx.candidacy.updateMany({
      // the need must still be open when the step lands (a close or cancel may have come in between)
      where: { id: c.id, status: { in: [...t.from] }, version: input.version, need: { status: 'published' } },
      data: { status: t.to, version: { increment: 1 }, reason: input.reason ?? null, ...(firstAnswer ? { respondedAt: now } : {}) },
    });
    if (updated.count !== 1) return { ok: false as const, reason: 'conflict' as const };
    const note = input.note?.trim() || input.reason;
    await tx.candidacyEvent.create({ data: { candidacyId: c.id, actorId: ctx.actorId, fromStatus: c.status, toStatus: t.to, note } });
    await recordAudit(tx, {
      actorId: ctx.actorId, action: `candidacy.${input.action}`, entity: 'Candidacy', entityId: c.id, ip: ctx.ip,
      details: { from: c.status, to: t.to, reason: input.reason ?? null },
    });
    if (t.to === 'selected') {
      // Selecting a candidate proposes a mission to them; the expert is told about the mission itself.
      await proposeMission(tx, deps.publicUrl, { id: c.id, needId: c.need.id, expertId: c.expertId, expertUserId: c.expert.userId }, ctx.actorId);
      return { ok: true as const };
    }
    const params = { needTitle: c.need.title };
    const link = `/needs/${c.need.id}`;
    const recipients = t.by === 'expert' ? await institutionStaff(tx, c.need.institutionId) : [c.expert.userId];
    await notify(tx, deps.publicUrl, recipients, { kind: `candidacy.${t.to}`, params, link });
    return { ok: true as const };
  });
}
