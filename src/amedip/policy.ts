import type { Actor } from '../auth/policy.js';

/** Authorisation rules of South–South exchange and its reference data; routes ask these, never the roles. */
export const amedipPolicy = {
  /** partner countries are reference data: admins edit them, like the taxonomy and the matcher's weights */
  editPartnerCountries: (actor: Actor | undefined) => actor?.role === 'admin',
  /** communes per region are reference data too: admins add them */
  editCommunes: (actor: Actor | undefined) => actor?.role === 'admin',
};
