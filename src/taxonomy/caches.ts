import { forgetSkillTaxonomy } from '../matches/matching-data.js';

/**
 * What an instance forgets when reference data changes ('*': the listener (re)connected and may have missed some).
 * The caches reload on their next use, so a change is seen by every instance within the notification's delay.
 */
export function forgetReferenceCaches(topic: string): void {
  if (topic === 'skills' || topic === '*') forgetSkillTaxonomy();
}
