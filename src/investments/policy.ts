import type { Actor } from '../auth/policy.js';
import type { InstitutionKind, InstitutionStatus, InvestmentStatus, OpportunityStatus } from '../generated/prisma/enums.js';

/**
 * Every authorisation rule of the investment track (projects, opportunities, rule sets, partner banks), in one
 * place: routes ask these questions through `authorize`, and commands re-check the state under a version guard.
 */
export type ProjectAction = 'submit' | 'review' | 'approve' | 'reject' | 'fund' | 'withdraw';
type Party = 'owner' | 'officer';

interface Transition {
  from: readonly InvestmentStatus[];
  to: InvestmentStatus;
  by: Party;
  /** a reason is required (ineligible) */
  reason?: boolean;
}

/** draft → submitted → under_review → eligible | ineligible → funded | withdrawn, as data. */
export const PROJECT_TRANSITIONS: Record<ProjectAction, Transition> = {
  submit: { from: ['draft'], to: 'submitted', by: 'owner' },
  review: { from: ['submitted'], to: 'under_review', by: 'officer' },
  approve: { from: ['under_review'], to: 'eligible', by: 'officer' },
  reject: { from: ['under_review'], to: 'ineligible', by: 'officer', reason: true },
  fund: { from: ['eligible'], to: 'funded', by: 'officer' },
  // The investor may withdraw until the project is funded.
  withdraw: { from: ['draft', 'submitted', 'under_review', 'eligible', 'ineligible'], to: 'withdrawn', by: 'owner' },
};

export const isProjectAction = (v: unknown): v is ProjectAction => typeof v === 'string' && Object.hasOwn(PROJECT_TRANSITIONS, v);

export interface ProjectFacts {
  ownerId: string | null;
  status: InvestmentStatus;
}

const isOwner = (actor: Actor, p: ProjectFacts) => p.ownerId !== null && actor.id === p.ownerId;
const isOfficer = (actor: Actor | undefined) => actor?.role === 'officer';

/** Institutions that publish investment opportunities: regional investment centres and agencies, communes, cooperatives. */
export const PUBLISHING_KINDS: readonly InstitutionKind[] = ['regional_agency', 'public_agency', 'commune', 'cooperative'];

export interface OpportunityFacts {
  publisherId: string | null;
  institutionId: string | null;
  status: OpportunityStatus;
}

const actsFor = (actor: Actor, institutionId: string | null) =>
  !!institutionId && actor.role === 'staff' && actor.memberships.some((m) => m.institutionId === institutionId && m.status === 'active');

export const investmentPolicy = {
  /** any signed-in user files a project: no expert profile needed */
  fileProject: (actor: Actor | undefined) => !!actor,
  /** the investor sees their own projects; officers review every project (admins do not: data minimisation) */
  seeProject: (actor: Actor | undefined, p: ProjectFacts) => !!actor && (isOwner(actor, p) || isOfficer(actor)),
  editProject: (actor: Actor | undefined, p: ProjectFacts) => !!actor && isOwner(actor, p) && p.status === 'draft',
  transition: (actor: Actor | undefined, p: ProjectFacts, action: ProjectAction) => {
    if (!actor) return false;
    const t = PROJECT_TRANSITIONS[action];
    if (!t.from.includes(p.status)) return false;
    return t.by === 'owner' ? isOwner(actor, p) : isOfficer(actor);
  },
  /** the business plan is replaced while the file is still with the investor or just filed */
  uploadBusinessPlan: (actor: Actor | undefined, p: ProjectFacts) => !!actor && isOwner(actor, p) && ['draft', 'submitted'].includes(p.status),
  /** the same rule as CVs: the owner and officers */
  downloadBusinessPlan: (actor: Actor | undefined, p: ProjectFacts) => !!actor && (isOwner(actor, p) || isOfficer(actor)),
  reviewQueue: (actor: Actor | undefined) => isOfficer(actor),
  /** an officer's decision on one rule, while the project is being reviewed */
  overrideRule: (actor: Actor | undefined, p: ProjectFacts) => isOfficer(actor) && ['submitted', 'under_review'].includes(p.status),

  manageRuleSets: (actor: Actor | undefined) => actor?.role === 'admin',
  managePartnerBanks: (actor: Actor | undefined) => actor?.role === 'admin',

  /** officers, and staff of a verified institution of a publishing kind, for that institution */
  publishOpportunity: (actor: Actor | undefined, institution?: { id: string; status: InstitutionStatus; kind: InstitutionKind }) =>
    isOfficer(actor) ||
    (!!actor && !!institution && institution.status === 'verified' && PUBLISHING_KINDS.includes(institution.kind) && actsFor(actor, institution.id)),
  /** the interests and their answers: the publisher (or their institution's staff) and officers */
  manageOpportunity: (actor: Actor | undefined, o: OpportunityFacts) =>
    !!actor && (actor.id === o.publisherId || actsFor(actor, o.institutionId) || isOfficer(actor)),
  expressInterest: (actor: Actor | undefined, o: OpportunityFacts) =>
    !!actor && o.status === 'open' && !investmentPolicy.manageOpportunity(actor, o),
};

export function allowedProjectActions(actor: Actor | undefined, p: ProjectFacts): ProjectAction[] {
  return (Object.keys(PROJECT_TRANSITIONS) as ProjectAction[]).filter((a) => investmentPolicy.transition(actor, p, a));
}
