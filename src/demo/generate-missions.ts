/**
 * The 30 demo missions, one per need that carries one (need-plan.ts), each to a different expert with a
 * `selected` candidacy; budgets from the per-diem table, events for every transition and post-mission reports.
 */
import type { MissionStatus } from '../generated/prisma/client.js';
import { candidacyPath, buildCandidacy } from './candidacy-rows.js';
import type { Ctx } from './context.js';
import type { ExpertInfo, ExpertRows } from './generate-experts.js';
import { grantSkill } from './generate-experts.js';
import type { NeedInfo } from './generate-needs.js';
import { CANCELLATION_REASONS, DECLINE_NOTES, REJECTION_REASONS, evaluationOutcomes, expertReport, followUpNotes } from './mission-texts.js';
import { rateFor } from './per-diem.js';
import type { DemoData, JsonObject, PerDiemRateRow } from './types.js';
import { addDays, at, dayOf, inclusiveDays, money } from './util.js';

export type MissionRows = Pick<DemoData, 'missions' | 'missionEvents' | 'missionReports' | 'candidacies' | 'candidacyEvents'>;

export interface MissionInfo {
  id: string;
  needId: string;
  expert: ExpertInfo;
  status: MissionStatus;
}

const FLOW: readonly MissionStatus[] = ['proposed', 'accepted', 'approved', 'briefed', 'in_progress', 'completed', 'reported', 'evaluated', 'followed_up'];

function path(status: MissionStatus): MissionStatus[] {
  if (status === 'declined') return ['proposed', 'declined'];
  if (status === 'rejected') return ['proposed', 'accepted', 'rejected'];
  if (status === 'cancelled') return ['proposed', 'accepted', 'approved', 'cancelled'];
  return FLOW.slice(0, FLOW.indexOf(status) + 1);
}

function oneYearLater(day: Date): Date {
  const d = new Date(day.getTime());
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d;
}

/** A fitting, still free expert for the need; grants a required skill if nobody fits (keeps the data coherent). */
function chooseExpert(ctx: Ctx, need: NeedInfo, experts: readonly ExpertInfo[], used: Set<string>, rows: ExpertRows): ExpertInfo {
  const { rng } = ctx;
  if (need.spec.demoExpertMission) {
    const demo = experts.find((e) => e.isDemoAccount);
    if (demo && !used.has(demo.id)) return demo;
  }
  const free = experts.filter((e) => !used.has(e.id) && !e.isDemoAccount && !e.stale && e.visibility !== 'private');
  const required = need.skills.filter((s) => s.requirement === 'required');
  const fitting = free.filter((e) => required.some((s) => e.skills.has(s.skillId)));
  if (fitting.length) return rng.pick(fitting);
  const inSector = free.filter((e) => e.sectors.includes(need.sector));
  const chosen = rng.pick(inSector.length ? inSector : free);
  const first = required[0];
  if (first) grantSkill(rows, chosen, first.skillId, Math.max(first.minLevel, 3));
  return chosen;
}

export interface MissionActors {
  officerIds: readonly string[];
}

export function generateMissions(
  ctx: Ctx, needs: readonly NeedInfo[], experts: readonly ExpertInfo[], expertRows: ExpertRows,
  rates: readonly PerDiemRateRow[], actors: MissionActors,
): { rows: MissionRows; missions: MissionInfo[] } {
  const { rng, today } = ctx;
  const rows: MissionRows = { missions: [], missionEvents: [], missionReports: [], candidacies: [], candidacyEvents: [] };
  const missions: MissionInfo[] = [];
  const used = new Set<string>();
  // The demo expert's own missions first, so that no other need takes the account.
  const ordered = [...needs.filter((n) => n.spec.demoExpertMission), ...needs.filter((n) => !n.spec.demoExpertMission)];
  for (const need of ordered) {
    const status = need.spec.mission;
    const timing = need.mission;
    if (!status || !timing || !need.publishedAt) continue;
    const expert = chooseExpert(ctx, need, experts, used, expertRows);
    used.add(expert.id);
    const staffId = need.creatorId;
    const officerId = rng.pick(actors.officerIds);

    // The selected candidacy that led to the proposal.
    const applied = new Date(Math.min(need.publishedAt.getTime() + rng.int(1, 5) * 86_400_000, timing.proposedAt.getTime() - 5 * 86_400_000));
    const cand = buildCandidacy(ctx, need, expert, candidacyPath(ctx, 'selected'), applied, new Date(timing.proposedAt.getTime() - 3_600_000), staffId);
    rows.candidacies.push(cand.candidacy);
    rows.candidacyEvents.push(...cand.events);

    // Event times: future missions step a few days at a time; past ones follow the mission's own calendar.
    const steps = path(status);
    const times: Date[] = [timing.proposedAt];
    const past = need.status !== 'published';
    const followUpDueOn = status === 'evaluated' || status === 'followed_up' ? oneYearLater(timing.endsOn) : null;
    for (let i = 1; i < steps.length; i++) {
      const prev = times[i - 1] as Date;
      const s = steps[i] as MissionStatus;
      const hour = rng.int(8, 17);
      const next = (days: number) => at(dayOf(addDays(prev, days)), hour, rng.int(0, 59));
      let t: Date;
      if (!past || s === 'accepted' || s === 'declined' || s === 'rejected') t = next(rng.int(1, 3));
      else if (s === 'approved') t = next(rng.int(2, 5));
      else if (s === 'briefed') t = at(addDays(timing.startsOn, -rng.int(2, 7)), hour);
      else if (s === 'in_progress') t = at(timing.startsOn, 9);
      else if (s === 'completed') t = at(timing.endsOn, 17);
      else if (s === 'reported') t = next(rng.int(3, 14));
      else if (s === 'evaluated') t = next(rng.int(5, 20));
      else if (s === 'followed_up') t = at(addDays(followUpDueOn ?? prev, rng.int(0, 10)), hour);
      else t = next(rng.int(2, 10)); // cancelled
      times.push(t);
    }
    const actor = (s: MissionStatus): string => {
      if (s === 'accepted' || s === 'declined' || s === 'in_progress' || s === 'reported') return expert.userId;
      if (s === 'approved' || s === 'rejected' || s === 'briefed' || s === 'followed_up') return officerId;
      return staffId; // proposed, completed, evaluated, cancelled
    };
    const id = rng.uuid();
    const rejectionReason = status === 'rejected' ? rng.pick(REJECTION_REASONS) : null;
    const cancellationReason = status === 'cancelled' ? rng.pick(CANCELLATION_REASONS) : null;
    steps.forEach((s, i) => {
      const note = s === 'declined' ? rng.pick(DECLINE_NOTES) : s === 'rejected' ? rejectionReason : s === 'cancelled' ? cancellationReason : null;
      rows.missionEvents.push({
        id: rng.uuid(), missionId: id, actorId: actor(s), fromStatus: i === 0 ? null : (steps[i - 1] as MissionStatus),
        toStatus: s, note, createdAt: times[i] as Date,
      });
    });

    // Budget once an officer approved (a mission cancelled after approval keeps its budget).
    const approvedIndex = steps.indexOf('approved');
    const budgeted = approvedIndex >= 0;
    const rate = rateFor(rates, need.city, need.region);
    const days = inclusiveDays(timing.startsOn, timing.endsOn);
    const travel = rng.int(60, 240) * 50;
    const daily = Number.parseInt(rate.dailyRate, 10);
    const briefed = steps.includes('briefed');
    const briefing: JsonObject = briefed ? { documents: true, travel: true, insurance: true, contact: true } : {};
    rows.missions.push({
      id, needId: need.id, expertId: expert.id, candidacyId: cand.candidacy.id, startsOn: timing.startsOn, endsOn: timing.endsOn,
      status, version: steps.length - 1, perDiemRateId: budgeted ? rate.id : null,
      travelCost: budgeted ? money(travel) : null, perDiemDaily: budgeted ? rate.dailyRate : null,
      perDiemDays: budgeted ? days : null, budgetTotal: budgeted ? money(travel + daily * days) : null, currency: 'MAD',
      briefing, rejectionReason, cancellationReason, approvedAt: budgeted ? (times[approvedIndex] as Date) : null, fundingSourceId: null, envelopeOverrideReason: null,
      // the real days, as the events above record them: started on the planned first day, completed on the last
      startedOn: steps.includes('in_progress') ? timing.startsOn : null, completedOn: steps.includes('completed') ? timing.endsOn : null,
      followUpDueOn, followUpRemindedAt: status === 'followed_up' && followUpDueOn ? followUpDueOn : null, isDemo: true, createdAt: timing.proposedAt,
    });

    const reportedAt = times[steps.indexOf('reported')];
    if (reportedAt) {
      const input = { institution: need.institution.name, skills: need.skills.filter((s) => s.requirement === 'required').map((s) => ctx.skills.id(s.skillId).fr), year: today.getUTCFullYear() };
      const evaluatedAt = times[steps.indexOf('evaluated')] ?? null;
      const followedUpAt = times[steps.indexOf('followed_up')] ?? null;
      rows.missionReports.push({
        id: rng.uuid(), missionId: id, ...expertReport(rng, input), expertSubmittedAt: reportedAt,
        rating: evaluatedAt ? Number(rng.weightedKey({ 3: 1, 4: 3, 5: 3 })) : null,
        outcomes: evaluatedAt ? evaluationOutcomes(rng, input) : null,
        evaluatorId: evaluatedAt ? staffId : null, evaluatedAt,
        followUpNotes: followedUpAt ? followUpNotes(rng) : null, followedUpAt,
      });
    }
    missions.push({ id, needId: need.id, expert, status });
  }
  return { rows, missions };
}
