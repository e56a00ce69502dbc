import type { Actor } from '../auth/policy.js';
import type { MissionStatus } from '../generated/prisma/enums.js';

export type MissionAction =
  | 'accept' | 'decline' | 'approve' | 'reject' | 'brief' | 'start' | 'start_early' | 'complete' | 'report' | 'evaluate' | 'follow_up' | 'cancel';
type Party = 'expert' | 'staff' | 'officer';

interface Transition {
  from: readonly MissionStatus[];
  to: MissionStatus;
  by: readonly Party[];
  reason?: boolean;
}

/** The mission lifecycle of DESIGN.md as data. Every step is guarded by status and version, and recorded. */
export const MISSION_TRANSITIONS: Record<MissionAction, Transition> = {
  accept: { from: ['proposed'], to: 'accepted', by: ['expert'] },
  decline: { from: ['proposed'], to: 'declined', by: ['expert'] },
  approve: { from: ['accepted'], to: 'approved', by: ['officer'] },
  reject: { from: ['accepted'], to: 'rejected', by: ['officer'], reason: true },
  brief: { from: ['approved'], to: 'briefed', by: ['officer', 'staff'] },
  start: { from: ['briefed'], to: 'in_progress', by: ['expert', 'staff', 'officer'] },
  // before the planned start day, only an officer may record that the mission started, and says why (mission-dates.ts)
  start_early: { from: ['briefed'], to: 'in_progress', by: ['officer'], reason: true },
  complete: { from: ['in_progress'], to: 'completed', by: ['expert', 'staff', 'officer'] },
  report: { from: ['completed'], to: 'reported', by: ['expert'] },
  evaluate: { from: ['reported'], to: 'evaluated', by: ['staff'] },
  follow_up: { from: ['evaluated'], to: 'followed_up', by: ['staff', 'officer'] },
  cancel: { from: ['proposed', 'accepted', 'approved', 'briefed', 'in_progress'], to: 'cancelled', by: ['staff', 'officer'], reason: true },
};

export const isMissionAction = (v: unknown): v is MissionAction => typeof v === 'string' && Object.hasOwn(MISSION_TRANSITIONS, v);

export interface MissionParties {
  status: MissionStatus;
  expertUserId: string;
  institutionId: string;
}

/** Missions still in course: while a user's expert profile has one, their role stays (src/admin/manage-user.ts). */
export const OPEN_MISSION_STATUSES: readonly MissionStatus[] = ['proposed', 'accepted', 'approved', 'briefed', 'in_progress', 'completed', 'reported', 'evaluated'];

function partiesOf(actor: Actor, m: MissionParties): Party[] {
  // On one's own mission one is the expert and nothing else: an officer (or staff member) who also has an expert
  // profile never budgets, approves or evaluates their own mission.
  if (actor.id === m.expertUserId) return ['expert'];
  const parties: Party[] = [];
  if (actor.role === 'staff' && actor.memberships.some((x) => x.institutionId === m.institutionId && x.status === 'active')) parties.push('staff');
  if (actor.role === 'officer') parties.push('officer');
  return parties;
}

export const missionPolicy = {
  /** the expert, the host institution's staff, officers and admins follow a mission */
  see: (actor: Actor | undefined, m: MissionParties) => !!actor && (actor.role === 'admin' || partiesOf(actor, m).length > 0),
  transition: (actor: Actor | undefined, m: MissionParties, action: MissionAction) => {
    if (!actor) return false;
    const t = MISSION_TRANSITIONS[action];
    return t.from.includes(m.status) && partiesOf(actor, m).some((p) => t.by.includes(p));
  },
  /** the budget is the officer's, before approval and (audited) after */
  setBudget: (actor: Actor | undefined, m: MissionParties) =>
    !!actor && partiesOf(actor, m).includes('officer') && ['accepted', 'approved', 'briefed', 'in_progress'].includes(m.status),
  /** the host institution (or an officer) moves the dates while the expert has not answered */
  reschedule: (actor: Actor | undefined, m: MissionParties) =>
    !!actor && m.status === 'proposed' && partiesOf(actor, m).some((p) => p === 'staff' || p === 'officer'),
  /** the pre-departure checklist: the expert, the host institution and officers tick it while approved */
  tickBriefing: (actor: Actor | undefined, m: MissionParties) =>
    !!actor && m.status === 'approved' && partiesOf(actor, m).length > 0,
  /** mission order (approved onwards) and certificate (evaluated onwards): the parties */
  documents: (actor: Actor | undefined, m: MissionParties) => missionPolicy.see(actor, m),
};

export function allowedMissionActions(actor: Actor | undefined, m: MissionParties): MissionAction[] {
  return (Object.keys(MISSION_TRANSITIONS) as MissionAction[]).filter((a) => missionPolicy.transition(actor, m, a));
}

export const BRIEFING_ITEMS = ['documents', 'travel', 'insurance', 'contact'] as const;
export type BriefingItem = (typeof BRIEFING_ITEMS)[number];
