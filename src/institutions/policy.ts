import { policy, type Actor } from '../auth/policy.js';
import type { InstitutionStatus } from '../generated/prisma/enums.js';

export type InstitutionDecision = 'verify' | 'reject';

/** The institution lifecycle as data: pending → verified | rejected, decided once by an officer. */
export const INSTITUTION_DECISIONS: Record<InstitutionDecision, { from: InstitutionStatus; to: InstitutionStatus }> = {
  verify: { from: 'pending', to: 'verified' },
  reject: { from: 'pending', to: 'rejected' },
};

/** A member of the institution who has not been turned down (active, or waiting for approval). */
const isMemberOf = (actor: Actor, institutionId: string) =>
  actor.memberships.some((m) => m.institutionId === institutionId && m.status !== 'rejected');

/** Authorisation rules for institutions; routes ask these, never the roles themselves. */
export const institutionPolicy = {
  /** a verified institution is public; a pending or rejected one is seen by its members and officers only */
  see: (actor: Actor | undefined, inst: { id: string; status: InstitutionStatus }) =>
    inst.status === 'verified' || (!!actor && (actor.role === 'officer' || isMemberOf(actor, inst.id))),

  /** join requests: the institution's administrators (active members with the admin role) */
  manageMembers: (actor: Actor | undefined, institutionId: string) => policy.manageInstitutionMembers(actor, institutionId),

  /** the public description: the institution's administrators */
  editDescription: (actor: Actor | undefined, institutionId: string) => policy.manageInstitutionMembers(actor, institutionId),

  /** verification: officers, while the institution waits (the state is re-checked in the guarded update) */
  decide: (actor: Actor | undefined, inst?: { status: InstitutionStatus }) =>
    actor?.role === 'officer' && (!inst || inst.status === 'pending'),
};
