import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exchangeExclusion, rankOffersForRequest, scoreExchange, type ExchangeSide } from '../../src/matching/exchange-match.js';

const side = (over: Partial<ExchangeSide>): ExchangeSide => ({ id: 'x', institutionId: 'i1', theme: 'skills_register', sectorCode: 'migration', formats: ['workshop'], languages: ['fr'], ...over });
const sideArb = fc.record({
  id: fc.uuid(), institutionId: fc.constantFrom('i1', 'i2', 'i3'), theme: fc.constantFrom('skills_register', 'remittances', 'diaspora_engagement'),
  sectorCode: fc.constantFrom('migration', 'finance'), formats: fc.subarray(['study_visit', 'workshop', 'remote_session']), languages: fc.subarray(['fr', 'ar', 'en'], { minLength: 1 }),
});

describe('matching exchange requests with offers', () => {
  it('gives every part a reason, and ranks the best fit first', () => {
    const request = side({ id: 'r', institutionId: 'ma', languages: ['fr', 'ar'] });
    const best = side({ id: 'o1', institutionId: 'sn', languages: ['fr', 'ar'] });
    const partial = side({ id: 'o2', institutionId: 'ci', theme: 'remittances', languages: ['fr'], formats: ['study_visit'] });
    const ranked = rankOffersForRequest(request, [partial, best]);
    expect(ranked.map((m) => m.offerId)).toEqual(['o1', 'o2']);
    expect(ranked[0]).toMatchObject({ score: 100 });
    expect(ranked[1]!.reasons).toEqual([
      { rule: 'theme', points: 0, held: false, values: ['remittances'] },
      { rule: 'sector', points: 30, held: true, values: ['migration'] },
      { rule: 'languages', points: 10, held: true, values: ['fr'] },
      { rule: 'formats', points: 0, held: false, values: [] },
    ]);
  });

  it('never pairs an institution with itself, nor institutions without a language in common', () => {
    expect(exchangeExclusion(side({}), side({ id: 'o' }))).toBe('same_institution');
    expect(exchangeExclusion(side({}), side({ id: 'o', institutionId: 'i2', languages: ['en'] }))).toBe('no_common_language');
  });

  it('property: scores are 0–100, the reasons add up to them, and excluded pairs are never ranked', () => {
    fc.assert(
      fc.property(sideArb, fc.array(sideArb, { maxLength: 15 }), (request, offers) => {
        const ranked = rankOffersForRequest(request, offers, 100);
        for (const m of ranked) {
          expect(m.score).toBeGreaterThanOrEqual(0);
          expect(m.score).toBeLessThanOrEqual(100);
          expect(m.reasons.reduce((a, r) => a + r.points, 0)).toBe(m.score);
          const offer = offers.find((o) => o.id === m.offerId)!;
          expect(offer.institutionId).not.toBe(request.institutionId);
          expect(scoreExchange(request, offer).score).toBe(m.score);
        }
        expect(ranked.length).toBe(offers.filter((o) => !exchangeExclusion(request, o)).length);
        for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
      }),
      { numRuns: 300 },
    );
  });
});
