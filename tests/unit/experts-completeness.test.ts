import { describe, expect, it } from 'vitest';
import { completeness, SCORED_STEPS, type CompletenessInput } from '../../src/experts/completeness.js';
import { nextStep, stepLinks } from '../../src/experts/editor-steps.js';

/** A profile with every step done; each test takes something away. */
const full = (): CompletenessInput => ({
  kind: 'diaspora', firstName: 'تيليلي', lastName: "Aït M'Hand", phone: '+33 6 12 34 56 78',
  countryOfResidence: 'FR', cityOfResidence: 'Lyon', nationalities: ['MA', 'FR'], originRegionCode: 'SM',
  headline: 'Hydrologue', bio: 'Quinze ans de terrain.', yearsExperience: 15, employer: 'INRAE', position: null, sectors: ['water_environment'],
  missionModes: ['on_site'], preferredRegions: ['SM'], maxMissionDays: 30, cvFileKey: 'x.pdf',
  counts: { skills: 2, languages: 3, degrees: 1, futureAvailabilities: 1 },
});

describe('profile completeness', () => {
  it('weights the scored steps to exactly 100', () => {
    expect(Object.values(SCORED_STEPS).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('is 100 % with nothing missing for a complete profile', () => {
    expect(completeness(full())).toMatchObject({ percent: 100, missing: [] });
  });

  it('is what the names alone give for a new account', () => {
    const empty: CompletenessInput = {
      ...full(), phone: null, countryOfResidence: null, cityOfResidence: null, nationalities: [], originRegionCode: null, headline: null, bio: null,
      yearsExperience: null, employer: null, sectors: [], missionModes: [], preferredRegions: [], maxMissionDays: null, cvFileKey: null,
      counts: { skills: 0, languages: 0, degrees: 0, futureAvailabilities: 0 },
    };
    const m = completeness(empty);
    expect(m.percent).toBe(0);
    expect(m.missing).toEqual(['identity', 'residence', 'professional', 'preferences', 'languages', 'skills', 'availability', 'degrees', 'cv']);
  });

  it.each([
    ['identity', { phone: '  ' }],
    ['residence', { nationalities: [] }],
    ['residence', { originRegionCode: null }],
    ['professional', { bio: '' }],
    ['professional', { employer: null, position: null }],
    ['preferences', { preferredRegions: [] }],
    ['cv', { cvFileKey: null }],
  ] as const)('loses the %s step when %j', (step, change) => {
    const m = completeness({ ...full(), ...change });
    expect(m.missing).toEqual([step]);
    expect(m.percent).toBe(100 - SCORED_STEPS[step]);
  });

  it('counts only windows still to come, and lists by their counts', () => {
    for (const [key, step] of [['futureAvailabilities', 'availability'], ['skills', 'skills'], ['languages', 'languages'], ['degrees', 'degrees']] as const) {
      const p = full();
      p.counts[key] = 0;
      expect(completeness(p).missing).toEqual([step]);
    }
  });

  it('asks a region of origin only of the diaspora, and regions to travel to only of those who travel', () => {
    expect(completeness({ ...full(), kind: 'south_south', originRegionCode: null }).percent).toBe(100);
    expect(completeness({ ...full(), kind: 'immigrant_resident', originRegionCode: null }).percent).toBe(100);
    expect(completeness({ ...full(), missionModes: ['remote'], preferredRegions: [] }).percent).toBe(100);
    expect(completeness({ ...full(), missionModes: ['hybrid'], preferredRegions: [] }).missing).toEqual(['preferences']);
  });

  it('marks done steps in the navigation and leaves privacy and data rights unscored', () => {
    const links = stepLinks(completeness({ ...full(), cvFileKey: null }), 'cv');
    expect(links.find((l) => l.name === 'cv')).toMatchObject({ done: false, current: true, href: '/experts/me/cv' });
    expect(links.find((l) => l.name === 'skills')).toMatchObject({ done: true, current: false });
    expect(links.find((l) => l.name === 'privacy')?.done).toBeUndefined();
    expect(nextStep('identity')).toBe('residence');
    expect(nextStep('data')).toBe('data');
  });
});
