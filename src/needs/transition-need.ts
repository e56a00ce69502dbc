import type { PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import { institutionStaff, notify, officers } from '../notifications/notify.js';
import { windowProblem, type WindowProblem } from './need-window.js';
import { NEED_TRANSITIONS, type NeedAction } from './policy.js';

export type TransitionResult =
  | { ok: true }
  | { ok: false; reason: 'noteRequired' | 'notVerified' | 'conflict' | WindowProblem };

interface Input {
  needId: string;
  action: NeedAction;
  /** the version the actor saw: a need changed meanwhile is not transitioned on stale information */
  version: number;
  note?: string;
}

/**
 * One guarded step of the need lifecycle, in a transaction: the update only matches the expected state and
 * version (exactly one of two concurrent actors wins), then the event, the audit entry and the notifications.
 * Who may act is decided before, by needPolicy.transition.
 */
export async function transitionNeed(
  deps: { prisma: PrismaClient; publicUrl: string },
  input: Input,
  ctx: { actorId: string; ip?: string; now?: Date },
): Promise<TransitionResult> {
  const t = NEED_TRANSITIONS[input.action];
  const note = input.note?.trim() || undefined;
  if (t.note && !note) return { ok: false, reason: 'noteRequired' };
  const now = ctx.now ?? new Date();
  return deps.prisma.$transaction(async (tx) => {
    const need = await tx.need.findUniqueOrThrow({ where: { id: input.needId }, include: { institution: true } });
    if (input.action === 'submit' && need.institution.status !== 'verified') return { ok: false as const, reason: 'notVerified' as const };
    // A draft may have waited past its window (or been stored before windows were checked): it goes out only in date.
    const problem = input.action === 'submit' || input.action === 'publish' ? windowProblem(need.windowEnd, now) : undefined;
    if (problem) return { ok: false as const, reason: problem };
    const stamp =
      input.action === 'submit' ? { submittedAt: now, reviewComment: null }
      : input.action === 'publish' ? { publishedAt: now }
      : input.action === 'send_back' ? { reviewComment: note ?? null }
      : { closedAt: now };
    const updated = await tx.need.updateMany({
      where: { id: need.id, status: { in: [...t.from] }, version: input.version },
      data: { status: t.to, version: { increment: 1 }, ...stamp },
    });
    if (updated.count !== 1) return { ok: false as const, reason: 'conflict' as const };
    await tx.needEvent.create({ data: { needId: need.id, actorId: ctx.actorId, fromStatus: need.status, toStatus: t.to, note } });
    await recordAudit(tx, {
      actorId: ctx.actorId, action: `need.${input.action}`, entity: 'Need', entityId: need.id, ip: ctx.ip,
      details: { from: need.status, to: t.to },
    });
    const params = { needTitle: need.title, institution: need.institution.name, note: note ?? '' };
    const link = `/needs/${need.id}`;
    if (input.action === 'submit') await notify(tx, deps.publicUrl, await officers(tx), { kind: 'need.submitted', params, link });
    if (input.action === 'publish' || input.action === 'send_back') {
      await notify(tx, deps.publicUrl, await institutionStaff(tx, need.institutionId), { kind: `need.${input.action}`, params, link });
    }
    if (input.action === 'cancel' || input.action === 'close') {
      const open = await tx.candidacy.findMany({
        where: { needId: need.id, status: { in: ['applied', 'invited', 'shortlisted', 'interviewed'] } },
        select: { expert: { select: { userId: true } } },
      });
      await notify(tx, deps.publicUrl, open.map((c) => c.expert.userId), { kind: `need.${input.action}`, params, link });
    }
    return { ok: true as const };
  });
}
