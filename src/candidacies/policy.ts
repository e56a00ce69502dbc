import { policy, type Actor } from '../auth/policy.js';
import type { CandidacyStatus } from '../generated/prisma/enums.js';

export type CandidacyAction = 'accept' | 'shortlist' | 'interview' | 'select' | 'reject' | 'withdraw';

export const NOT_SELECTED_REASONS = ['profile_mismatch', 'availability', 'other_candidate', 'need_changed', 'other'] as const;
export const WITHDRAWN_REASONS = ['no_longer_available', 'accepted_other', 'personal', 'other'] as const;
const OPEN: readonly CandidacyStatus[] = ['applied', 'invited', 'shortlisted', 'interviewed'];

interface Transition {
  from: readonly CandidacyStatus[];
  to: CandidacyStatus;
  by: 'institution' | 'expert';
  reasons?: readonly string[];
}

/**
 * applied → shortlisted → interviewed → selected, or not_selected / withdrawn with a reason from a list. An
 * invitation becomes an application only when the expert accepts it: the institution cannot move an unanswered
 * invitation on, since an application opens the expert's contact details (policy.seeExpertContact).
 */
export const CANDIDACY_TRANSITIONS: Record<CandidacyAction, Transition> = {
  accept: { from: ['invited'], to: 'applied', by: 'expert' },
  shortlist: { from: ['applied'], to: 'shortlisted', by: 'institution' },
  interview: { from: ['shortlisted'], to: 'interviewed', by: 'institution' },
  select: { from: ['shortlisted', 'interviewed'], to: 'selected', by: 'institution' },
  reject: { from: OPEN, to: 'not_selected', by: 'institution', reasons: NOT_SELECTED_REASONS },
  withdraw: { from: OPEN, to: 'withdrawn', by: 'expert', reasons: WITHDRAWN_REASONS },
};

export const isCandidacyAction = (v: unknown): v is CandidacyAction => typeof v === 'string' && Object.hasOwn(CANDIDACY_TRANSITIONS, v);

const actsFor = (actor: Actor, institutionId: string) =>
  actor.role === 'staff' && actor.memberships.some((m) => m.institutionId === institutionId && m.status === 'active');

interface CandidacyView {
  status: CandidacyStatus;
  expertUserId: string;
  need: { institutionId: string; status: string };
}

export const candidacyPolicy = {
  apply: (actor: Actor | undefined) => actor?.role === 'expert',
  /**
   * the ranked experts of a need (each row then passes policy.seeExpertProfile): officers, and staff of the
   * need's institution once an officer verified it; a pending institution's draft must not open the directory
   */
  seeMatches: (actor: Actor | undefined, need: { institutionId: string }) =>
    actor?.role === 'officer' || policy.actForVerifiedInstitution(actor, need.institutionId),
  /** the same people invite experts to a published need (and only experts they may see) */
  invite: (actor: Actor | undefined, need: { institutionId: string }) => candidacyPolicy.seeMatches(actor, need),
  transition: (actor: Actor | undefined, c: CandidacyView, action: CandidacyAction) => {
    if (!actor) return false;
    const t = CANDIDACY_TRANSITIONS[action];
    if (!t.from.includes(c.status) || c.need.status !== 'published') return false;
    if (t.by === 'expert') return actor.id === c.expertUserId;
    return actor.role === 'officer' || actsFor(actor, c.need.institutionId);
  },
};

export function allowedCandidacyActions(actor: Actor | undefined, c: CandidacyView): CandidacyAction[] {
  return (Object.keys(CANDIDACY_TRANSITIONS) as CandidacyAction[]).filter((a) => candidacyPolicy.transition(actor, c, a));
}
