import type { Actor } from '../auth/policy.js';
import type { ExchangeStatus } from '../generated/prisma/enums.js';

export type ExchangeAction = 'agree' | 'hold' | 'report' | 'cancel';

/** The exchange lifecycle as data: proposed → agreed → held → reported, cancelled before it is held. */
export const EXCHANGE_TRANSITIONS: Record<ExchangeAction, { from: ExchangeStatus[]; to: ExchangeStatus }> = {
  agree: { from: ['proposed'], to: 'agreed' },
  hold: { from: ['agreed'], to: 'held' },
  report: { from: ['held'], to: 'reported' },
  cancel: { from: ['proposed', 'agreed'], to: 'cancelled' },
};

/** Active staff of a verified institution: who speaks for it in exchanges. */
const actsFor = (actor: Actor | undefined, institutionId: string) =>
  actor?.role === 'staff' &&
  actor.memberships.some((m) => m.institutionId === institutionId && m.status === 'active' && m.institution?.status === 'verified');

export interface ExchangeParties { offerInstitutionId: string; requestInstitutionId: string }

/** Authorisation rules for exchanges between institutions; routes ask these, never the roles themselves. */
export const exchangePolicy = {
  /** an offer or a request: staff of a verified institution, for that institution */
  publish: (actor: Actor | undefined, institutionId: string) => actsFor(actor, institutionId),
  /** ranked offers for a request, and proposing one: the requesting institution, or an officer */
  matchRequest: (actor: Actor | undefined, requestInstitutionId: string) => actor?.role === 'officer' || actsFor(actor, requestInstitutionId),
  /** an exchange's page: both institutions and officers */
  see: (actor: Actor | undefined, p: ExchangeParties) =>
    actor?.role === 'officer' || actsFor(actor, p.offerInstitutionId) || actsFor(actor, p.requestInstitutionId),
  /** the offering institution agrees; either side (or an officer) records it held, writes the report, or cancels */
  act: (actor: Actor | undefined, action: ExchangeAction, p: ExchangeParties) =>
    action === 'agree' ? actsFor(actor, p.offerInstitutionId) : exchangePolicy.see(actor, p),
};
