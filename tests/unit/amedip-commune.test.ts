import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WEIGHTS, explainMatch, rankExpertsForNeed, rankTopExpertsForNeed, SkillIndex, weightsFromRow, type Labels, type MatchExpert, type RankContext,
} from '../../src/matching/index.js';
import { makeExpert, makeNeed, taxonomy } from '../../src/matching/builders.js';
import { i18n } from '../../src/i18n/i18n.js';
import { COMMUNES, regionOfCommune } from '../../src/reference/data/communes.js';

const { idOf, graph } = taxonomy();
const skillId = idOf('agriculture.drip_irrigation');
const ctx: RankContext = { graph, weights: DEFAULT_WEIGHTS, now: new Date('2026-02-01T00:00:00Z') };
const labels: Labels = { skill: String, region: String, commune: (c) => `commune ${c}`, language: String, sector: String, mode: String, cefr: String, date: String };
const need = (communeCode?: string) => makeNeed({ id: 'n', regionCode: 'SM', communeCode, skills: [{ skillId, minLevel: 3, requirement: 'required' }] });
const expert = (id: string, originCommuneCode: string | null) =>
  makeExpert({ id, originRegionCode: originCommuneCode ? regionOfCommune(originCommuneCode) : null, originCommuneCode, skills: [{ skillId, level: 3 }] });

describe('the commune-of-origin line', () => {
  it('comes just above the region line, for needs that name their commune, and ranks the local expert first', () => {
    const ranking = rankExpertsForNeed(need('SM-tiznit'), [expert('other', 'SM-tata'), expert('local', 'SM-tiznit')], ctx);
    expect(ranking.matches.map((m) => m.expertId)).toEqual(['local', 'other']);
    const rules = ranking.matches[0]!.contributions.map((c) => c.rule);
    expect(rules.indexOf('commune')).toBe(rules.indexOf('origin') - 1);
    const lines = explainMatch(ranking.matches[0]!, labels);
    const line = lines.find((l) => l.key.startsWith('matching.contribution.commune'))!;
    expect(line).toMatchObject({ key: 'matching.contribution.commune.held', params: { commune: 'commune SM-tiznit' } });
    expect(line.points).toBeGreaterThan(0);
    for (const lng of ['fr', 'ar', 'en']) expect(i18n.t(line.key, { lng, ...line.params })).toContain('commune SM-tiznit');
    // the points of a match still add up to its score
    const sum = ranking.matches[0]!.contributions.reduce((a, c) => a + c.points, 0);
    expect(Math.round(sum * 10) / 10).toBe(ranking.matches[0]!.score);
  });

  it('does not exist for needs without a commune (their scores are those of before)', () => {
    const m = rankExpertsForNeed(need(), [expert('local', 'SM-tiznit')], ctx).matches[0]!;
    expect(m.contributions.map((c) => c.rule)).not.toContain('commune');
  });

  it('weighs what the admin sets (a new weights version), and refuses a bad weight', () => {
    const w = weightsFromRow({ version: 4, weights: { commune: 20, origin: 0 } });
    expect(w.commune).toBe(20);
    const m = rankExpertsForNeed(need('SM-tiznit'), [expert('local', 'SM-tiznit')], { ...ctx, weights: w }).matches[0]!;
    expect(m.weightsVersion).toBe(4);
    expect(m.contributions.find((c) => c.rule === 'commune')!.points).toBeGreaterThan(rankExpertsForNeed(need('SM-tiznit'), [expert('local', 'SM-tiznit')], ctx).matches[0]!.contributions.find((c) => c.rule === 'commune')!.points);
    expect(() => weightsFromRow({ version: 5, weights: { commune: 101 } })).toThrow();
  });

  it('property: the index (bounded top-k) and a full ranking agree when needs name a commune', () => {
    const codes = COMMUNES.filter((c) => c.region === 'SM').map((c) => c.code);
    const expertArb = fc.record({ id: fc.uuid(), commune: fc.option(fc.constantFrom(...codes)), level: fc.integer({ min: 2, max: 4 }), years: fc.integer({ min: 0, max: 30 }) })
      .map((e): MatchExpert => ({ ...expert(e.id, e.commune), yearsExperience: e.years, skills: [{ skillId, level: e.level }] }));
    fc.assert(
      fc.property(fc.uniqueArray(expertArb, { selector: (e) => e.id, minLength: 1, maxLength: 40 }), fc.constantFrom(...codes), fc.integer({ min: 1, max: 8 }), (experts, commune, limit) => {
        const index = new SkillIndex<MatchExpert>(graph);
        for (const e of experts) index.upsert(e);
        const full = rankExpertsForNeed(need(commune), experts, ctx, { limit, exclusions: false }).matches;
        const top = rankTopExpertsForNeed(need(commune), index, ctx, { limit }).matches;
        expect(top.map((m) => [m.expertId, m.score])).toEqual(full.map((m) => [m.expertId, m.score]));
      }),
      { numRuns: 200 },
    );
  });
});
