import type { Prisma, PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import { checkEnvelope } from '../funding/envelope.js';
import { institutionStaff, notify, officers } from '../notifications/notify.js';
import { dateRefusal, recordedDays, type DateRefusal } from './mission-dates.js';
import { BRIEFING_ITEMS, MISSION_TRANSITIONS, type MissionAction } from './policy.js';

export interface MissionTransitionInput {
  missionId: string;
  action: MissionAction;
  version: number;
  reason?: string;
  report?: { activities: string; results: string; recommendations: string };
  evaluation?: { rating: number; outcomes: string };
  followUp?: { notes: string };
  /** approving beyond the funding line's remaining envelope: the officer's reason (src/funding/envelope.ts) */
  overrideReason?: string;
}

export type MissionTransitionResult =
  | { ok: true }
  | { ok: false; reason: 'conflict' | 'reasonRequired' | 'budgetMissing' | 'overlap' | 'briefingIncomplete' | 'detailsRequired' | 'needFull' | 'envelopeExceeded' | DateRefusal };

const ACTIVE_APPROVED = ['approved', 'briefed', 'in_progress'] as const;
const APPROVED_OR_LATER = [...ACTIVE_APPROVED, 'completed', 'reported', 'evaluated', 'followed_up'] as const;
type Tx = Prisma.TransactionClient;

/**
 * One guarded step of a mission. The expert's row is locked first, so two approvals that would give one expert
 * overlapping missions are decided one after the other; the mission's own version makes concurrent officers on
 * the same mission end with exactly one winner. Everything is recorded as a mission event and audited. `now` is the
 * app's clock: it decides whether the start day has come and which real days are recorded.
 */
export async function transitionMission(
  deps: { prisma: PrismaClient; publicUrl: string },
  input: MissionTransitionInput,
  ctx: { actorId: string; ip?: string; now: Date },
): Promise<MissionTransitionResult> {
  const t = MISSION_TRANSITIONS[input.action];
  const reason = input.reason?.trim() || undefined;
  if (t.reason && !reason) return { ok: false, reason: 'reasonRequired' };
  if ((input.action === 'report' && !input.report) || (input.action === 'evaluate' && !input.evaluation) || (input.action === 'follow_up' && !input.followUp)) {
    return { ok: false, reason: 'detailsRequired' };
  }
  const { now } = ctx;
  return deps.prisma.$transaction(async (tx) => {
    const head = await tx.mission.findUniqueOrThrow({ where: { id: input.missionId }, select: { expertId: true, needId: true } });
    // Locks always in the same order (the need, then the expert), so concurrent approvals queue instead of deadlocking:
    // approvals of one need are decided one after another (capacity), and so are those of one expert (overlaps).
    if (input.action === 'approve') await tx.$queryRaw`SELECT id FROM "Need" WHERE id = ${head.needId}::uuid FOR UPDATE`;
    await tx.$queryRaw`SELECT id FROM "ExpertProfile" WHERE id = ${head.expertId}::uuid FOR UPDATE`;
    const m = await tx.mission.findUniqueOrThrow({ where: { id: input.missionId }, include: { need: true, expert: { select: { userId: true } } } });
    if (m.version !== input.version || !t.from.includes(m.status)) return fail('conflict');
    if (input.action === 'approve') {
      if (m.budgetTotal === null) return fail('budgetMissing');
      // Never more missions than experts wanted (the need row is locked above).
      const need = await tx.need.findUniqueOrThrow({ where: { id: m.needId }, select: { status: true, expertsWanted: true } });
      const approvedForNeed = await tx.mission.count({ where: { needId: m.needId, status: { in: [...APPROVED_OR_LATER] } } });
      if (need.status !== 'published' || approvedForNeed >= need.expertsWanted) return fail('needFull');
      const overlapping = await tx.mission.count({
        where: { expertId: m.expertId, id: { not: m.id }, status: { in: [...ACTIVE_APPROVED] }, startsOn: { lte: m.endsOn }, endsOn: { gte: m.startsOn } },
      });
      if (overlapping > 0) return fail('overlap');
      if (!(await checkEnvelope(tx, m, input.overrideReason?.trim() || undefined, ctx)).ok) return fail('envelopeExceeded');
    }
    const refusal = dateRefusal(input.action, m, now);
    if (refusal) return fail(refusal);
    const days = recordedDays(input.action, m, now, reason);
    if (input.action === 'brief') {
      const briefing = (m.briefing ?? {}) as Record<string, unknown>;
      if (!BRIEFING_ITEMS.every((item) => briefing[item] === true)) return fail('briefingIncomplete');
    }
    const updated = await tx.mission.updateMany({
      where: { id: m.id, version: input.version, status: m.status },
      data: {
        status: t.to, version: { increment: 1 }, ...days.data,
        ...(input.action === 'approve' ? { approvedAt: now } : {}),
        ...(input.action === 'reject' ? { rejectionReason: reason } : {}),
        ...(input.action === 'cancel' ? { cancellationReason: reason } : {}),
        ...(input.action === 'evaluate' ? { followUpDueOn: oneYearAfter(m.endsOn) } : {}),
      },
    });
    if (updated.count !== 1) return fail('conflict');
    await saveReport(tx, m.id, input, ctx.actorId, now);
    await tx.missionEvent.create({ data: { missionId: m.id, actorId: ctx.actorId, fromStatus: m.status, toStatus: t.to, note: reason } });
    await recordAudit(tx, { actorId: ctx.actorId, action: `mission.${input.action}`, entity: 'Mission', entityId: m.id, ip: ctx.ip, details: { from: m.status, to: t.to, ...days.audit } });
    if (input.action === 'approve') await fillNeedWhenComplete(tx, m.needId, { actorId: ctx.actorId, now }, deps.publicUrl);
    const staff = await institutionStaff(tx, m.need.institutionId);
    const toOfficers = ['accept', 'decline', 'cancel'].includes(input.action) ? await officers(tx) : [];
    const recipients = [m.expert.userId, ...staff, ...toOfficers].filter((id) => id !== ctx.actorId);
    await notify(tx, deps.publicUrl, recipients, { kind: `mission.${t.to}`, params: { missionTitle: m.need.title }, link: `/missions/${m.id}` });
    return { ok: true as const };
  });
}

function fail(reason: Exclude<MissionTransitionResult, { ok: true }>['reason']): MissionTransitionResult {
  return { ok: false, reason };
}

function oneYearAfter(d: Date): Date {
  const next = new Date(d);
  next.setUTCFullYear(next.getUTCFullYear() + 1);
  return next;
}

async function saveReport(tx: Tx, missionId: string, input: MissionTransitionInput, actorId: string, now: Date) {
  const data =
    input.report ? { expertActivities: input.report.activities, expertResults: input.report.results, expertRecommendations: input.report.recommendations, expertSubmittedAt: now }
    : input.evaluation ? { rating: input.evaluation.rating, outcomes: input.evaluation.outcomes, evaluatorId: actorId, evaluatedAt: now }
    : input.followUp ? { followUpNotes: input.followUp.notes, followedUpAt: now }
    : undefined;
  if (data) await tx.missionReport.upsert({ where: { missionId }, create: { missionId, ...data }, update: data });
}

/** A need wanting N experts is filled once N of its missions are approved. */
async function fillNeedWhenComplete(tx: Tx, needId: string, { actorId, now }: { actorId: string; now: Date }, publicUrl: string) {
  const need = await tx.need.findUniqueOrThrow({ where: { id: needId } });
  const approved = await tx.mission.count({ where: { needId, status: { in: [...APPROVED_OR_LATER] } } });
  if (need.status !== 'published' || approved < need.expertsWanted) return;
  const filled = await tx.need.updateMany({ where: { id: needId, status: 'published' }, data: { status: 'filled', version: { increment: 1 }, closedAt: now } });
  if (filled.count !== 1) return;
  await tx.needEvent.create({ data: { needId, actorId, fromStatus: 'published', toStatus: 'filled' } });
  // Nobody is left waiting: the candidacies still open get their answer now.
  const open = await tx.candidacy.findMany({
    where: { needId, status: { in: ['applied', 'invited', 'shortlisted', 'interviewed'] } },
    select: { id: true, status: true, expert: { select: { userId: true } } },
  });
  if (!open.length) return;
  await tx.candidacy.updateMany({
    where: { id: { in: open.map((c) => c.id) } },
    data: { status: 'not_selected', reason: 'other_candidate', version: { increment: 1 } },
  });
  await tx.candidacy.updateMany({ where: { id: { in: open.map((c) => c.id) }, respondedAt: null }, data: { respondedAt: now } });
  await tx.candidacyEvent.createMany({
    data: open.map((c) => ({ candidacyId: c.id, actorId, fromStatus: c.status, toStatus: 'not_selected' as const, note: 'other_candidate' })),
  });
  await notify(tx, publicUrl, open.map((c) => c.expert.userId), { kind: 'candidacy.not_selected', params: { needTitle: need.title }, link: `/needs/${needId}` });
}
