import type { MemberRole, MemberStatus, ProfileVisibility, UserRole } from '../generated/prisma/enums.js';

/** Who is acting: the signed-in user as every policy sees them. */
export interface Actor {
  id: string;
  role: UserRole;
  memberships: { institutionId: string; role: MemberRole; status: MemberStatus }[];
}

const isStaffOf = (actor: Actor, institutionId: string, role?: MemberRole) =>
  actor.role === 'staff' &&
  actor.memberships.some((m) => m.institutionId === institutionId && m.status === 'active' && (!role || m.role === role));

/**
 * Every authorisation rule of Jisr, in one place. Routes ask these questions (through `authorize` in
 * src/http/guards.ts) instead of testing roles themselves, so a rule is changed once and tested once.
 */
export const policy = {
  isOfficer: (actor: Actor | undefined) => actor?.role === 'officer',
  isAdmin: (actor: Actor | undefined) => actor?.role === 'admin',

  /** e-mail, phone, nationality, CV: the expert, officers and admins */
  seeExpertPrivate: (actor: Actor | undefined, expert: { userId: string }) =>
    !!actor && (actor.id === expert.userId || actor.role === 'officer' || actor.role === 'admin'),

  /** the professional profile, as the expert's visibility setting allows */
  seeExpertProfile: (actor: Actor | undefined, expert: { userId: string; visibility: ProfileVisibility }) => {
    if (policy.seeExpertPrivate(actor, expert)) return true;
    if (expert.visibility === 'public') return true;
    return expert.visibility === 'institutions' && actor?.role === 'staff' && actor.memberships.some((m) => m.status === 'active');
  },

  /** staff act for their own institution only */
  actForInstitution: (actor: Actor | undefined, institutionId: string) => !!actor && isStaffOf(actor, institutionId),
  manageInstitutionMembers: (actor: Actor | undefined, institutionId: string) =>
    !!actor && isStaffOf(actor, institutionId, 'admin'),

  editNeed: (actor: Actor | undefined, need: { institutionId: string; status: string }) =>
    !!actor && isStaffOf(actor, need.institutionId) && ['draft', 'submitted'].includes(need.status),

  manageUsers: (actor: Actor | undefined) => actor?.role === 'admin',
  readAuditLog: (actor: Actor | undefined) => actor?.role === 'admin',
};
