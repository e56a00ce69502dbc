import type { CandidacyStatus, InstitutionStatus, MemberRole, MemberStatus, ProfileVisibility, UserRole } from '../generated/prisma/enums.js';

/** Who is acting: the signed-in user as every policy sees them. */
export interface Actor {
  id: string;
  role: UserRole;
  /** `institution.status`: whether an officer verified the institution (absent: treated as not verified) */
  memberships: { institutionId: string; role: MemberRole; status: MemberStatus; institution?: { status: InstitutionStatus } }[];
}

/** What the expert policies need to know about an expert. */
export interface ExpertFacts {
  userId: string;
  /** the expert's candidacies: the institution of each need and the candidacy's status */
  candidacies?: { institutionId: string; status: CandidacyStatus }[];
  /** false once the expert withdrew consent: no institution sees them any more, candidate or not */
  matchable?: boolean;
}

/**
 * Candidacies that open the expert's e-mail, phone and CV to the institution: those the expert started (applied)
 * or accepted (an invitation becomes "applied" only by the expert's own "accept"; an institution cannot shortlist
 * an unanswered invitation), while open or selected. An invitation alone, a refusal or a closed candidacy open
 * nothing: an institution could otherwise collect contact details by inviting.
 */
const CONTACT_OPENING: readonly CandidacyStatus[] = ['applied', 'shortlisted', 'interviewed', 'selected'];

const isStaffOf = (actor: Actor, institutionId: string, role?: MemberRole) =>
  actor.role === 'staff' &&
  actor.memberships.some((m) => m.institutionId === institutionId && m.status === 'active' && (!role || m.role === role));

// "Institutions" in a visibility setting means verified ones: anyone can register an institution, and a pending or
// rejected one opens nothing that a verified one alone may see.
const isStaffOfVerified = (actor: Actor | undefined, institutionId?: string) =>
  actor?.role === 'staff' &&
  actor.memberships.some((m) => m.status === 'active' && m.institution?.status === 'verified' && (!institutionId || m.institutionId === institutionId));

/**
 * Every authorisation rule of Jisr, in one place. Routes ask these questions (through `authorize` in
 * src/http/guards.ts) instead of testing roles themselves, so a rule is changed once and tested once.
 */
export const policy = {
  isOfficer: (actor: Actor | undefined) => actor?.role === 'officer',
  isAdmin: (actor: Actor | undefined) => actor?.role === 'admin',

  /** e-mail, phone, nationality: the expert, officers and admins (the CV file: see downloadExpertCv) */
  seeExpertPrivate: (actor: Actor | undefined, expert: { userId: string }) =>
    !!actor && (actor.id === expert.userId || actor.role === 'officer' || actor.role === 'admin'),

  /**
   * the professional profile, as the expert's visibility setting allows; an expert who withdrew consent (not
   * matchable) is shown to nobody else, and an institution always sees the experts who are its candidates
   */
  seeExpertProfile: (actor: Actor | undefined, expert: ExpertFacts & { visibility: ProfileVisibility; matchable?: boolean }) => {
    if (policy.seeExpertPrivate(actor, expert)) return true;
    if (expert.matchable === false) return false;
    if (policy.isCandidateOfActor(actor, expert)) return true;
    if (expert.visibility === 'public') return true;
    return expert.visibility === 'institutions' && isStaffOfVerified(actor);
  },

  /** staff of an institution with a need the expert is a candidate for (a Candidacy row exists, whatever its status) */
  isCandidateOfActor: (actor: Actor | undefined, expert: ExpertFacts) =>
    !!actor && expert.matchable !== false && (expert.candidacies ?? []).some((c) => isStaffOf(actor, c.institutionId)),

  /** staff of an institution the expert applied to or accepted the invitation of, while that candidacy is open or selected */
  isContactOfActor: (actor: Actor | undefined, expert: ExpertFacts) =>
    !!actor && expert.matchable !== false &&
    (expert.candidacies ?? []).some((c) => CONTACT_OPENING.includes(c.status) && isStaffOf(actor, c.institutionId)),

  /** e-mail and phone: those who see private data, and the institutions the expert chose to deal with */
  seeExpertContact: (actor: Actor | undefined, expert: ExpertFacts) =>
    policy.seeExpertPrivate(actor, expert) || policy.isContactOfActor(actor, expert),

  /** the CV file: the expert, officers, and the institutions the expert chose to deal with (not admins) */
  downloadExpertCv: (actor: Actor | undefined, expert: ExpertFacts) =>
    !!actor && (actor.id === expert.userId || actor.role === 'officer' || policy.isContactOfActor(actor, expert)),

  /** the profile editor, the export and the erasure: the expert alone */
  manageOwnExpertProfile: (actor: Actor | undefined) => actor?.role === 'expert',

  /** staff act for their own institution only */
  actForInstitution: (actor: Actor | undefined, institutionId: string) => !!actor && isStaffOf(actor, institutionId),
  /** what reaches into experts' profiles (ranked matches, invitations): staff of a verified institution, for it */
  actForVerifiedInstitution: (actor: Actor | undefined, institutionId: string) => isStaffOfVerified(actor, institutionId),
  manageInstitutionMembers: (actor: Actor | undefined, institutionId: string) =>
    !!actor && isStaffOf(actor, institutionId, 'admin'),

  editNeed: (actor: Actor | undefined, need: { institutionId: string; status: string }) =>
    !!actor && isStaffOf(actor, need.institutionId) && ['draft', 'submitted'].includes(need.status),

  manageUsers: (actor: Actor | undefined) => actor?.role === 'admin',
  readAuditLog: (actor: Actor | undefined) => actor?.role === 'admin',
};
