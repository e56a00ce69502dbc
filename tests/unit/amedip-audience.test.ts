import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  audienceReason, DEFAULT_WEIGHTS, evaluatePair, explainExclusion, hardFilterReasons, passesHardFilters, prepareNeed,
  rankExpertsForNeed, rankNeedsForExpert, type ExpertKind, type Labels, type RankContext,
} from '../../src/matching/index.js';
import { makeExpert, makeNeed, taxonomy } from '../../src/matching/builders.js';
import { i18n } from '../../src/i18n/i18n.js';

const { idOf, graph } = taxonomy();
const skillId = idOf('agriculture.drip_irrigation');
const ctx: RankContext = { graph, weights: DEFAULT_WEIGHTS, now: new Date('2026-02-01T00:00:00Z'), partnerCountries: ['SN', 'CI'] };
const KINDS: ExpertKind[] = ['diaspora', 'south_south', 'immigrant_resident'];

const need = (audiences?: ExpertKind[]) => makeNeed({ id: 'n1', audiences, skills: [{ skillId, minLevel: 2, requirement: 'required' }] });
const expert = (kind: ExpertKind | undefined, nationalities: string[] = []) =>
  makeExpert({ id: `e-${kind}`, kind, nationalities, skills: [{ skillId, level: 4 }] });
const labels: Labels = { skill: String, region: String, language: String, sector: String, mode: String, cefr: String, date: String };

describe('the audience of a need is a hard filter', () => {
  it('keeps a need without audiences for the diaspora only (the database default)', () => {
    expect(audienceReason(need(), expert(undefined), ctx)).toBeUndefined();
    expect(audienceReason(need(), expert('immigrant_resident'), ctx)).toEqual({ rule: 'audience_closed', params: { kind: 'immigrant_resident' } });
  });

  it('excludes a South–South expert from a diaspora need, with a sentence in each language', () => {
    const result = evaluatePair(need(['diaspora']), expert('south_south', ['SN']), ctx);
    expect(result.match).toBeUndefined();
    const reasons = hardFilterReasons(prepareNeed(need(['diaspora']), graph, DEFAULT_WEIGHTS), expert('south_south', ['SN']), ctx);
    expect(reasons).toEqual([{ rule: 'audience_closed', params: { kind: 'south_south' } }]);
    const line = explainExclusion(reasons[0]!, labels);
    expect(line.key).toBe('matching.exclusion.audience_closed_south_south');
    for (const lng of ['fr', 'ar', 'en']) expect(i18n.exists(line.key, { lng })).toBe(true);
    expect(i18n.t(line.key, { lng: 'fr' })).toMatch(/Sud–Sud/);
  });

  it('asks a South–South expert for the nationality of a partner country', () => {
    const open = need(['south_south']);
    expect(audienceReason(open, expert('south_south', ['SN']), ctx)).toBeUndefined();
    const stranger = expert('south_south', ['FR']);
    expect(audienceReason(open, stranger, ctx)?.rule).toBe('not_partner_country');
    expect(i18n.exists(explainExclusion(audienceReason(open, stranger, ctx)!, labels).key, { lng: 'ar' })).toBe(true);
    // without a list of partner countries the caller did not ask for the check
    expect(audienceReason(open, stranger, { partnerCountries: undefined })).toBeUndefined();
  });

  it('reaches immigrants residing in the country when the need is open to them, in both directions of ranking', () => {
    const immigrant = expert('immigrant_resident', ['SN']);
    expect(rankExpertsForNeed(need(['diaspora', 'immigrant_resident']), [immigrant], ctx).matches.map((m) => m.expertId)).toEqual([immigrant.id]);
    const needs = [need(['diaspora']), { ...need(['immigrant_resident']), id: 'n2' }];
    expect(rankNeedsForExpert(immigrant, needs, ctx).matches.map((m) => m.needId)).toEqual(['n2']);
  });

  it('property: an expert is ranked only when the need is open to their kind, and both filter paths agree', () => {
    fc.assert(
      fc.property(
        fc.subarray(KINDS, { minLength: 1 }),
        fc.constantFrom(...KINDS),
        fc.subarray(['SN', 'CI', 'FR', 'MA', 'ES'], { maxLength: 3 }),
        (audiences, kind, nationalities) => {
          const n = need(audiences);
          const e = expert(kind, nationalities);
          const pn = prepareNeed(n, graph, DEFAULT_WEIGHTS);
          const reasons = hardFilterReasons(pn, e, ctx);
          const ranked = rankExpertsForNeed(n, [e], ctx).matches.length === 1;
          const partnerOk = kind !== 'south_south' || nationalities.some((c) => ['SN', 'CI'].includes(c));
          expect(ranked).toBe(audiences.includes(kind) && partnerOk);
          expect(passesHardFilters(pn, e, ctx)).toBe(reasons.length === 0);
          if (!audiences.includes(kind)) expect(reasons.map((r) => r.rule)).toContain('audience_closed');
        },
      ),
      { numRuns: 300 },
    );
  });
});
