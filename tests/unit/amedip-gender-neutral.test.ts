import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, rankExpertsForNeed, rankNeedsForExpert, type RankContext } from '../../src/matching/index.js';
import { makeNeed, taxonomy } from '../../src/matching/builders.js';
import { toMatchExpert } from '../../src/matches/matching-data.js';
import { SKILLS } from '../../src/reference/data/skills.js';

const { idOf, graph } = taxonomy();
const POOL = SKILLS.filter((s) => s.sector === 'agriculture').map((s) => idOf(s.code)).slice(0, 8);
const DAY = 86_400_000;
const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * DAY);
const ctx: RankContext = { graph, weights: DEFAULT_WEIGHTS, now: day(60), partnerCountries: ['SN'] };
const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;

/** An ExpertProfile row as the pages read it from PostgreSQL (the fields toMatchExpert reads, and gender). */
const rowArb = fc.record({
  id: fc.uuid(),
  gender: fc.constantFrom(...GENDERS),
  kind: fc.constantFrom('diaspora', 'south_south', 'immigrant_resident'),
  nationalities: fc.subarray(['MA', 'SN', 'FR']),
  matchable: fc.boolean(),
  visibility: fc.constantFrom('institutions', 'public'),
  sectors: fc.subarray(['agriculture', 'water_environment']),
  yearsExperience: fc.option(fc.integer({ min: 0, max: 40 })),
  originRegionCode: fc.option(fc.constantFrom('SM', 'CS')),
  missionModes: fc.subarray(['on_site', 'remote', 'hybrid'], { minLength: 1 }),
  preferredRegions: fc.subarray(['SM', 'CS']),
  maxMissionDays: fc.option(fc.integer({ min: 3, max: 40 })),
  staleSince: fc.constant(null),
  lastActiveAt: fc.integer({ min: -300, max: 60 }).map(day),
  skills: fc.uniqueArray(fc.record({ skillId: fc.constantFrom(...POOL), level: fc.integer({ min: 1, max: 4 }) }), { selector: (s) => s.skillId, maxLength: 5 }),
  languages: fc.constant([{ language: 'fr', level: 'C1' }]),
  availabilities: fc.constant([{ startsOn: day(0), endsOn: day(300) }]),
  rating: fc.option(fc.integer({ min: 1, max: 5 })),
}).map(({ rating, ...r }) => ({
  ...r,
  user: { status: 'active', consents: [{ id: 'c' }] },
  missions: rating ? [{ id: 'm', status: 'evaluated', startsOn: day(-100), endsOn: day(-90), report: { rating } }] : [],
}));

const needArb = fc.record({
  id: fc.uuid(),
  skills: fc.uniqueArray(fc.record({ skillId: fc.constantFrom(...POOL), minLevel: fc.integer({ min: 1, max: 4 }), requirement: fc.constantFrom('required', 'desirable') }), { selector: (s) => s.skillId, minLength: 1, maxLength: 4 }),
  sectorCode: fc.constantFrom('agriculture', 'water_environment'),
  regionCode: fc.constantFrom('SM', 'CS'),
  mode: fc.constantFrom('on_site', 'remote', 'hybrid'),
  audiences: fc.subarray(['diaspora', 'south_south', 'immigrant_resident'] as const, { minLength: 1 }),
}).map((n) => makeNeed({ windowStart: day(70), windowEnd: day(120), durationDays: 10, ...n }));

describe('gender is never a term of the score', () => {
  it('property: changing an expert\'s gender changes no score, no explanation and no exclusion', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 6 }), fc.array(needArb, { minLength: 1, maxLength: 3 }), fc.constantFrom(...GENDERS), (rows, needs, other) => {
        const before = rows.map((r) => toMatchExpert(r as never));
        const after = rows.map((r) => toMatchExpert({ ...r, gender: other } as never));
        for (const need of needs) expect(rankExpertsForNeed(need, after, ctx)).toEqual(rankExpertsForNeed(need, before, ctx));
        for (const [i, e] of before.entries()) expect(rankNeedsForExpert(after[i]!, needs, ctx)).toEqual(rankNeedsForExpert(e, needs, ctx));
      }),
      { numRuns: 200 },
    );
  });

  it('the matcher\'s view of an expert has no gender at all', () => {
    fc.assert(fc.property(rowArb, (row) => {
      expect(Object.keys(toMatchExpert(row as never))).not.toContain('gender');
    }), { numRuns: 50 });
  });
});
