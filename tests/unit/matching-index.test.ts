import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WEIGHTS, matchingRound, passesHardFilters, prepareNeed, rankExpertsForNeed, rankTopExpertsForNeed,
  rankTopExpertsWithLoader, SkillIndex, type IndexedExpert, type MatchExpert, type RankContext,
} from '../../src/matching/index.js';
import { makeExpert, makeNeed, taxonomy } from '../../src/matching/builders.js';

const { idOf, graph } = taxonomy();
const DRIP = idOf('agriculture.drip_irrigation');
const IRRIGATION = idOf('agriculture.irrigation');
const ctx: RankContext = { graph, weights: DEFAULT_WEIGHTS, now: new Date('2026-02-01T00:00:00Z') };
const need = makeNeed({ id: 'n', skills: [{ skillId: DRIP, minLevel: 3, requirement: 'required' }] });

describe('skill index', () => {
  it('never drops an expert whose codes overflow the summary (many languages and regions)', () => {
    const index = new SkillIndex<MatchExpert>(graph);
    const languages = 'ar fr en es de it nl pt sv da no fi'.split(' ');
    const regions = Array.from({ length: 40 }, (_, i) => `R${i}`);
    // Fill the summary's code tables with other experts first.
    regions.forEach((r, i) => index.upsert(makeExpert({ id: `filler${i}`, skills: [{ skillId: IRRIGATION, level: 1 }], preferredRegions: [r], languages: languages.map((language) => ({ language, level: 'A1' })) })));
    const late = makeExpert({ id: 'late', skills: [{ skillId: DRIP, level: 4 }], preferredRegions: ['R39'], languages: [{ language: 'fi', level: 'C2' }] });
    index.upsert(late);
    const far = makeNeed({ ...need, regionCode: 'R39', languages: [{ language: 'fi', minLevel: 'C1' }] });
    const pn = prepareNeed(far, graph, DEFAULT_WEIGHTS);
    expect(passesHardFilters(pn, late, ctx)).toBe(true);
    const { slots } = index.boundedCandidates(pn, ctx);
    expect(Array.from(slots, (s) => index.at(s).id)).toContain('late');
    expect(rankTopExpertsForNeed(far, index, ctx, { limit: 5 }).matches.map((m) => m.expertId)).toEqual(['late']);
  });

  it('follows upserts and removals', () => {
    const index = new SkillIndex<MatchExpert>(graph);
    index.upsert(makeExpert({ id: 'a', skills: [{ skillId: DRIP, level: 4 }] }));
    index.upsert(makeExpert({ id: 'b', skills: [{ skillId: IRRIGATION, level: 3 }] }));
    expect(index.candidateIdsFor(need).sort()).toEqual(['a', 'b']);
    index.upsert(makeExpert({ id: 'b', skills: [{ skillId: IRRIGATION, level: 1 }] }));
    expect(index.candidateIdsFor(need)).toEqual(['a']);
    expect(index.remove('a')).toBe(true);
    expect(index.remove('a')).toBe(false);
    expect(index.candidateIdsFor(need)).toEqual([]);
    expect(index.size).toBe(1);
  });

  it('ranks from an index of skills only, reading profiles through the loader', async () => {
    const experts = [4, 3, 2, 4, 3].map((level, i) => makeExpert({ id: `e${i}`, skills: [{ skillId: DRIP, level }], yearsExperience: 5 + i }));
    const index = new SkillIndex<IndexedExpert>(graph);
    for (const e of experts) index.upsert({ id: e.id, skills: e.skills });
    const asked: string[][] = [];
    const top = await rankTopExpertsWithLoader(need, index, async (ids) => {
      asked.push(ids);
      return experts.filter((e) => ids.includes(e.id));
    }, ctx, { limit: 2 });
    expect(top.matches).toEqual(rankExpertsForNeed(need, experts, ctx, { limit: 2, exclusions: false }).matches);
    expect(asked.flat().length).toBeLessThanOrEqual(experts.length);
  });
});

describe('matching round', () => {
  it('assigns each expert once, within capacities, from the rankings', () => {
    const experts = ['a', 'b', 'c'].map((id, i) => makeExpert({ id, skills: [{ skillId: DRIP, level: 4 - i }] }));
    const needs = [
      makeNeed({ id: 'n1', expertsWanted: 2, skills: [{ skillId: DRIP, minLevel: 2, requirement: 'required' }] }),
      makeNeed({ id: 'n2', expertsWanted: 1, skills: [{ skillId: DRIP, minLevel: 4, requirement: 'required' }] }),
    ];
    const round = matchingRound(needs, () => experts, ctx);
    expect(round.weightsVersion).toBe(0);
    expect(new Set(round.assignments.map((a) => a.expertId)).size).toBe(round.assignments.length);
    expect(round.assignments.filter((a) => a.needId === 'n1').length).toBeLessThanOrEqual(2);
    expect(round.assignments.filter((a) => a.needId === 'n2').length).toBe(1);
    expect(round.assignments.length).toBe(3);
    expect(round.unfilled).toEqual([]);
  });
});
