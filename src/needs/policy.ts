import type { Actor } from '../auth/policy.js';
import type { NeedStatus } from '../generated/prisma/enums.js';

export type NeedAction = 'submit' | 'publish' | 'send_back' | 'close' | 'cancel';

interface Transition {
  from: readonly NeedStatus[];
  to: NeedStatus;
  by: readonly ('staff' | 'officer')[];
  /** a comment is required (sending back, cancelling) */
  note: boolean;
}

/** The need lifecycle as data: draft → submitted → published → filled | closed; cancelled from any open state. */
export const NEED_TRANSITIONS: Record<NeedAction, Transition> = {
  submit: { from: ['draft'], to: 'submitted', by: ['staff'], note: false },
  publish: { from: ['submitted'], to: 'published', by: ['officer'], note: false },
  send_back: { from: ['submitted'], to: 'draft', by: ['officer'], note: true },
  close: { from: ['published'], to: 'closed', by: ['staff', 'officer'], note: false },
  cancel: { from: ['draft', 'submitted', 'published'], to: 'cancelled', by: ['staff', 'officer'], note: true },
};

export const isNeedAction = (v: unknown): v is NeedAction => typeof v === 'string' && Object.hasOwn(NEED_TRANSITIONS, v);

const actsFor = (actor: Actor, institutionId: string) =>
  actor.role === 'staff' && actor.memberships.some((m) => m.institutionId === institutionId && m.status === 'active');

export const needPolicy = {
  /** create needs for this institution (a pending institution may prepare drafts; only a verified one submits) */
  create: (actor: Actor | undefined, institutionId: string) => !!actor && actsFor(actor, institutionId),

  /** non-public needs (drafts, submitted, cancelled): their institution's staff and officers */
  seeUnpublished: (actor: Actor | undefined, need: { institutionId: string }) =>
    !!actor && (actor.role === 'officer' || actor.role === 'admin' || actsFor(actor, need.institutionId)),

  edit: (actor: Actor | undefined, need: { institutionId: string; status: NeedStatus }) =>
    !!actor && actsFor(actor, need.institutionId) && ['draft', 'submitted'].includes(need.status),

  /** whether this actor may take this transition now (the state is re-checked under the version guard) */
  transition: (actor: Actor | undefined, need: { institutionId: string; status: NeedStatus }, action: NeedAction) => {
    if (!actor) return false;
    const t = NEED_TRANSITIONS[action];
    if (!t.from.includes(need.status)) return false;
    return (t.by.includes('officer') && actor.role === 'officer') || (t.by.includes('staff') && actsFor(actor, need.institutionId));
  },

  /** the candidacies of a need, with the candidates' names: its staff and officers */
  seeCandidacies: (actor: Actor | undefined, need: { institutionId: string }) =>
    !!actor && (actor.role === 'officer' || actsFor(actor, need.institutionId)),
};

export function allowedNeedActions(actor: Actor | undefined, need: { institutionId: string; status: NeedStatus }): NeedAction[] {
  return (Object.keys(NEED_TRANSITIONS) as NeedAction[]).filter((a) => needPolicy.transition(actor, need, a));
}
