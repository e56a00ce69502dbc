import type { Actor } from '../auth/policy.js';
import type { ExpertKind } from '../matching/index.js';

/** Authorisation rules for workshops and events; routes ask these, never the roles themselves. */
export const eventPolicy = {
  /** officers organise events, record attendance and write outcomes */
  organise: (actor: Actor | undefined) => actor?.role === 'officer',
  /** experts (of a kind the event is open to) and institution staff take part */
  register: (actor: Actor | undefined, expertKind: ExpertKind | undefined, audiences: readonly ExpertKind[]) =>
    actor?.role === 'staff' || (actor?.role === 'expert' && audiences.includes(expertKind ?? 'diaspora')),
  /** the certificate: the participant themself, once the officer recorded them as present */
  certificate: (actor: Actor | undefined, registration: { userId: string; attended: boolean | null } | undefined) =>
    !!actor && !!registration && registration.userId === actor.id && registration.attended === true,
};
