import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cefrRank, CEFR_LEVELS } from '../../src/reference/codes.js';
import { SKILLS } from '../../src/reference/data/skills.js';
import {
  bestSkillMatch, DEFAULT_WEIGHTS, evaluatePair, greedyAssignment, hardFilterReasons, optimalAssignment, passesSkillFilter, prepareNeed,
  rankExpertsForNeed, rankTopExpertsForNeed, rankTopExpertsWithLoader, scorePair, SkillIndex, type MatchExpert, type MatchNeed, type RankContext, type ScoredPair,
} from '../../src/matching/index.js';
import { taxonomy } from '../../src/matching/builders.js';
import { passesHardFilters } from '../../src/matching/hard-filters.js';
import { partCount, roundScore, scoreParts } from '../../src/matching/score.js';

const { idOf, graph } = taxonomy();
// A small corner of the taxonomy (two sectors, broad and narrower skills) so that random pairs often overlap.
const POOL = SKILLS.filter((s) => s.sector === 'agriculture' || s.sector === 'water_environment').map((s) => idOf(s.code)).slice(0, 12);
const REGIONS = ['SM', 'CS', 'RSK', 'FM'];
const LANGS = ['fr', 'ar', 'en', 'es'];
const DAY = 86_400_000;
const BASE = Date.UTC(2026, 0, 1);
const day = (n: number) => new Date(BASE + n * DAY);
const ctx: RankContext = { graph, weights: DEFAULT_WEIGHTS, now: day(60) };

const rangeArb = fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 60 })).map(([a, len]) => ({ startsOn: day(a), endsOn: day(a + len) }));
/** Often the easy value, sometimes anything: random pairs must pass the filters often enough to test the score. */
const often = <T>(easy: T, any: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(easy), weight: 3 }, { arbitrary: any, weight: 1 });
const YEAR = { startsOn: day(0), endsOn: day(300) };

const expertArb = (id: fc.Arbitrary<string>): fc.Arbitrary<MatchExpert> => fc.record({
  id,
  profile: often({ active: true, consented: true, matchable: true, visibility: 'institutions' as const },
    fc.record({ active: fc.boolean(), consented: fc.boolean(), matchable: fc.boolean(), visibility: fc.constantFrom('private', 'institutions', 'public') })),
  sectors: fc.subarray(['agriculture', 'water_environment', 'health']),
  yearsExperience: fc.option(fc.integer({ min: 0, max: 40 })),
  originRegionCode: fc.option(fc.constantFrom(...REGIONS)),
  missionModes: often(['on_site', 'remote', 'hybrid'] as const, fc.subarray(['on_site', 'remote', 'hybrid'] as const, { minLength: 1 })),
  preferredRegions: often([], fc.subarray(REGIONS)),
  maxMissionDays: fc.option(fc.integer({ min: 3, max: 40 }), { freq: 2 }),
  staleSince: fc.option(fc.integer({ min: 0, max: 90 }).map(day), { freq: 2 }),
  lastActiveAt: fc.integer({ min: -400, max: 60 }).map(day),
  skills: fc.uniqueArray(fc.record({ skillId: fc.constantFrom(...POOL), level: fc.integer({ min: 1, max: 4 }) }), { selector: (s) => s.skillId, maxLength: 8 }),
  languages: often(LANGS.map((language) => ({ language, level: 'C1' as const })),
    fc.uniqueArray(fc.record({ language: fc.constantFrom(...LANGS), level: fc.constantFrom(...CEFR_LEVELS) }), { selector: (l) => l.language, maxLength: 4 })),
  availability: often([YEAR], fc.array(rangeArb, { maxLength: 3 })),
  busy: often([], fc.array(rangeArb, { maxLength: 1 })),
  evaluations: fc.option(fc.record({ count: fc.integer({ min: 1, max: 6 }), averageRating: fc.double({ min: 1, max: 5, noNaN: true }) })),
}, { noNullPrototype: true }).map(({ profile, ...e }) => ({ ...e, ...profile }));

const needArb = (id: fc.Arbitrary<string>): fc.Arbitrary<MatchNeed> => fc.record({
  id,
  sectorCode: fc.constantFrom('agriculture', 'water_environment'),
  regionCode: fc.constantFrom(...REGIONS),
  mode: fc.constantFrom('on_site', 'remote', 'hybrid'),
  window: fc.tuple(fc.integer({ min: 0, max: 150 }), fc.integer({ min: 5, max: 90 })),
  durationDays: fc.integer({ min: 1, max: 30 }),
  expertsWanted: fc.integer({ min: 1, max: 3 }),
  skills: fc.uniqueArray(fc.record({ skillId: fc.constantFrom(...POOL), minLevel: fc.integer({ min: 1, max: 4 }), requirement: fc.constantFrom('required', 'desirable', 'desirable') }),
    { selector: (s) => s.skillId, minLength: 1, maxLength: 6 }),
  languages: fc.uniqueArray(fc.record({ language: fc.constantFrom(...LANGS), minLevel: fc.constantFrom(...CEFR_LEVELS.slice(0, 5)) }), { selector: (l) => l.language, maxLength: 1 }),
}).map(({ window: [start, len], ...n }) => ({ ...n, windowStart: day(start), windowEnd: day(start + len) }));

const uniqueId = fc.uuid();
const oneExpert = expertArb(fc.constant('e'));
const oneNeed = needArb(fc.constant('n'));
const tenths = (x: number) => Math.round(x * 10);

/** An independent reading of the hard filters (day by day, no shared code with the module). */
function violates(need: MatchNeed, e: MatchExpert, relaxRemote = true): string | undefined {
  if (!e.active || !e.consented || !e.matchable || e.visibility === 'private') return 'profile';
  const near = (skillId: number, held: number) => held === skillId || graph.broaderOf(held) === skillId || graph.broaderOf(skillId) === held;
  const required = need.skills.filter((s) => s.requirement === 'required');
  for (const s of required) if (!e.skills.some((h) => near(s.skillId, h.skillId) && h.level >= s.minLevel - 1)) return 'skill';
  if (!required.length && !need.skills.some((s) => e.skills.some((h) => near(s.skillId, h.skillId)))) return 'overlap';
  for (const l of need.languages) {
    const held = e.languages.find((x) => x.language === l.language);
    if (!held || cefrRank(held.level) < cefrRank(l.minLevel)) return 'language';
  }
  const ok = { on_site: ['on_site'], hybrid: ['hybrid', 'on_site'], remote: ['remote', 'hybrid'] }[need.mode];
  if (!e.missionModes.some((m) => ok.includes(m))) return 'mode';
  if (need.mode !== 'remote' && e.preferredRegions.length && !e.preferredRegions.includes(need.regionCode)) return 'region';
  if (e.maxMissionDays !== null && e.maxMissionDays < need.durationDays) return 'duration';
  const days = (r: { startsOn: Date; endsOn: Date }) => {
    const out: number[] = [];
    for (let t = r.startsOn.getTime(); t <= r.endsOn.getTime(); t += DAY) out.push(t);
    return out;
  };
  if (!(need.mode === 'remote' && relaxRemote)) {
    const free = new Set(e.availability.flatMap(days));
    let run = 0;
    let best = 0;
    for (const t of days({ startsOn: need.windowStart, endsOn: need.windowEnd })) {
      run = free.has(t) ? run + 1 : 0;
      best = Math.max(best, run);
    }
    if (best < need.durationDays) return 'availability';
  }
  const window = new Set(days({ startsOn: need.windowStart, endsOn: need.windowEnd }));
  if (e.busy.some((b) => days(b).some((t) => window.has(t)))) return 'busy';
  return undefined;
}

describe('matcher properties', () => {
  it('never ranks a pair that violates a hard filter, and excludes every pair that does', () => {
    let ranked = 0;
    fc.assert(fc.property(oneNeed, fc.uniqueArray(expertArb(uniqueId), { selector: (e) => e.id, maxLength: 12 }), fc.boolean(), (need, experts, relax) => {
      const r = rankExpertsForNeed(need, experts, { ...ctx, relaxAvailabilityForRemote: relax });
      for (const m of r.matches) expect(violates(need, experts.find((e) => e.id === m.expertId)!, relax)).toBeUndefined();
      for (const x of r.exclusions) expect(violates(need, experts.find((e) => e.id === x.expertId)!, relax)).toBeDefined();
      for (const x of r.exclusions) expect(x.reasons.length).toBeGreaterThan(0);
      const pn = prepareNeed(need, graph, DEFAULT_WEIGHTS);
      for (const e of experts) expect(passesHardFilters(pn, e, { ...ctx, relaxAvailabilityForRemote: relax })).toBe(hardFilterReasons(pn, e, { ...ctx, relaxAvailabilityForRemote: relax }).length === 0);
      expect(r.matches.length + r.exclusions.length).toBe(experts.length);
      ranked += r.matches.length;
    }), { numRuns: 300 });
    expect(ranked, 'the random cases must rank some experts, or the property proves nothing').toBeGreaterThan(80);
  });

  it('never lowers a score when an expert\'s skill level rises', () => {
    let matched = 0;
    fc.assert(fc.property(oneNeed, oneExpert, fc.nat(), fc.integer({ min: 1, max: 3 }), (need, expert, pick, up) => {
      fc.pre(expert.skills.length > 0);
      const i = pick % expert.skills.length;
      const raised = { ...expert, skills: expert.skills.map((s, j) => (j === i ? { ...s, level: Math.min(4, s.level + up) } : s)) };
      const before = evaluatePair(need, expert, ctx);
      const after = evaluatePair(need, raised, ctx);
      if (before.match) expect(after.match?.score).toBeGreaterThanOrEqual(before.match.score);
      if (before.match) matched++;
      const pn = prepareNeed(need, graph, DEFAULT_WEIGHTS);
      expect(scorePair(pn, raised, ctx).score).toBeGreaterThanOrEqual(scorePair(pn, expert, ctx).score);
    }), { numRuns: 500 });
    expect(matched).toBeGreaterThan(30);
  });

  it('never raises a score when the need adds a skill the expert lacks', () => {
    let stillRanked = 0;
    fc.assert(fc.property(oneNeed, oneExpert, fc.constantFrom(...POOL), fc.integer({ min: 1, max: 4 }), fc.constantFrom('required', 'desirable'),
      (need, expert, skillId, minLevel, requirement) => {
        fc.pre(!need.skills.some((s) => s.skillId === skillId));
        // Lacking a skill: neither it nor a neighbour.
        const lacking = { ...expert, skills: expert.skills.filter((h) => h.skillId !== skillId && graph.broaderOf(h.skillId) !== skillId && graph.broaderOf(skillId) !== h.skillId) };
        const more = { ...need, skills: [...need.skills, { skillId, minLevel, requirement }] };
        const before = evaluatePair(need, lacking, ctx);
        const after = evaluatePair(more, lacking, ctx);
        if (after.match) expect(after.match.score).toBeLessThanOrEqual(before.match!.score);
        if (after.match) stillRanked++;
        if (requirement === 'required') expect(after.exclusion?.reasons.map((r) => r.rule)).toContain('missing_required_skill');
        // The score alone (no filter) never rises either.
        const s0 = scorePair(prepareNeed(need, graph, DEFAULT_WEIGHTS), lacking, ctx).score;
        expect(scorePair(prepareNeed(more, graph, DEFAULT_WEIGHTS), lacking, ctx).score).toBeLessThanOrEqual(s0);
      }), { numRuns: 1000 });
    expect(stillRanked).toBeGreaterThan(20);
  });

  it('explains every score with parts that add up to it, within 0–100', () => {
    fc.assert(fc.property(oneNeed, oneExpert, fc.integer({ min: -400, max: 400 }), (need, expert, shift) => {
      const { score, contributions } = scorePair(prepareNeed(need, graph, DEFAULT_WEIGHTS), expert, { ...ctx, now: day(60 + shift) });
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(100);
      expect(contributions.reduce((s, c) => s + tenths(c.points), 0)).toBe(tenths(score));
      for (const c of contributions) expect(tenths(c.points)).toBeCloseTo(c.points * 10, 6);
      const pn = prepareNeed(need, graph, DEFAULT_WEIGHTS);
      expect(roundScore(scoreParts(pn, expert, { ...ctx, now: day(60 + shift) }, new Float64Array(partCount(pn))))).toBe(score);
    }), { numRuns: 1000 });
  });
});

const pairsArb = fc.record({
  needs: fc.integer({ min: 1, max: 6 }),
  experts: fc.integer({ min: 1, max: 7 }),
  caps: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 6, maxLength: 6 }),
  cells: fc.array(fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined, freq: 3 }), { minLength: 42, maxLength: 42 }),
}).map(({ needs, experts, caps, cells }) => {
  const pairs: ScoredPair[] = [];
  for (let n = 0; n < needs; n++) for (let e = 0; e < experts; e++) {
    const s = cells[n * 7 + e];
    if (s !== undefined) pairs.push({ needId: `n${n}`, expertId: `e${e}`, score: s / 10 });
  }
  return { pairs, capacity: new Map(caps.map((c, i) => [`n${i}`, c])) };
});

/** The best total by trying everything (small cases only). */
function bruteForceBest(pairs: ScoredPair[], capacity: Map<string, number>): number {
  const experts = [...new Set(pairs.map((p) => p.expertId))];
  const used = new Map<string, number>();
  let best = 0;
  const go = (i: number, total: number) => {
    if (i === experts.length) return void (best = Math.max(best, total));
    go(i + 1, total);
    for (const p of pairs.filter((q) => q.expertId === experts[i])) {
      const n = used.get(p.needId) ?? 0;
      if (n >= (capacity.get(p.needId) ?? 1)) continue;
      used.set(p.needId, n + 1);
      go(i + 1, total + tenths(p.score));
      used.set(p.needId, n);
    }
  };
  go(0, 0);
  return best;
}

describe('assignment properties', () => {
  it('gives each expert at most one mission, each need at most its capacity, only allowed pairs, and the best total', () => {
    fc.assert(fc.property(pairsArb, ({ pairs, capacity }) => {
      const opt = optimalAssignment(pairs, capacity);
      const greedy = greedyAssignment(pairs, capacity);
      for (const r of [opt, greedy]) {
        const experts = r.assignments.map((a) => a.expertId);
        expect(new Set(experts).size).toBe(experts.length);
        const perNeed = new Map<string, number>();
        for (const a of r.assignments) perNeed.set(a.needId, (perNeed.get(a.needId) ?? 0) + 1);
        for (const [needId, n] of perNeed) expect(n).toBeLessThanOrEqual(capacity.get(needId)!);
        for (const a of r.assignments) expect(pairs.some((p) => p.needId === a.needId && p.expertId === a.expertId && p.score === a.score)).toBe(true);
        expect(tenths(r.total)).toBe(r.assignments.reduce((s, a) => s + tenths(a.score), 0));
      }
      expect(tenths(opt.total)).toBeGreaterThanOrEqual(tenths(greedy.total));
      expect(tenths(opt.total)).toBe(bruteForceBest(pairs, capacity));
    }), { numRuns: 400 });
  });

  it('does better than greedy when greedy is short-sighted', () => {
    const pairs = [
      { needId: 'n1', expertId: 'e1', score: 90 }, { needId: 'n2', expertId: 'e1', score: 80 },
      { needId: 'n1', expertId: 'e2', score: 85 }, { needId: 'n2', expertId: 'e2', score: 10 },
    ];
    const cap = new Map([['n1', 1], ['n2', 1]]);
    expect(greedyAssignment(pairs, cap).total).toBe(100);
    const opt = optimalAssignment(pairs, cap);
    expect(opt.total).toBe(165);
    expect(opt.assignments.map((a) => `${a.needId}:${a.expertId}`)).toEqual(['n1:e2', 'n2:e1']);
    expect(optimalAssignment(pairs, new Map([['n1', 2], ['n2', 0]])).assignments.map((a) => [a.expertId, a.seat])).toEqual([['e1', 0], ['e2', 1]]);
    expect(optimalAssignment(pairs, new Map([['n1', 1], ['n2', 0]])).unfilled).toEqual([{ needId: 'n2', missing: 0 }].filter((u) => u.missing > 0));
  });
});

describe('skill index properties', () => {
  const op = fc.oneof(
    { arbitrary: expertArb(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j')).map((e) => ({ upsert: e })), weight: 4 },
    { arbitrary: fc.constantFrom('a', 'b', 'c', 'd', 'e').map((id) => ({ remove: id })), weight: 1 },
  );

  it('returns exactly the experts that pass the skill filter (against a brute-force scan)', () => {
    let found = 0;
    fc.assert(fc.property(fc.uniqueArray(expertArb(uniqueId), { selector: (e) => e.id, maxLength: 60 }), fc.array(oneNeed, { minLength: 1, maxLength: 5 }), (experts, needs) => {
      const index = new SkillIndex<MatchExpert>(graph);
      for (const e of experts) index.upsert(e);
      for (const need of needs) {
        const pn = prepareNeed(need, graph, DEFAULT_WEIGHTS);
        const expected = experts.filter((e) => passesSkillFilter(pn, e, graph)).map((e) => e.id).sort();
        expect(index.candidateIdsFor(need).sort()).toEqual(expected);
        found += expected.length;
        expect(expected.every((id) => violates(need, experts.find((e) => e.id === id)!) !== 'skill')).toBe(true);
      }
    }), { numRuns: 300 });
    expect(found).toBeGreaterThan(600);
  });

  it('stays exact through upserts and removals', () => {
    fc.assert(fc.property(fc.array(op, { maxLength: 40 }), fc.array(oneNeed, { minLength: 1, maxLength: 4 }), (ops, needs) => {
      const index = new SkillIndex<MatchExpert>(graph);
      const model = new Map<string, MatchExpert>();
      for (const o of ops) {
        if ('upsert' in o) {
          index.upsert(o.upsert);
          model.set(o.upsert.id, o.upsert);
        } else expect(index.remove(o.remove)).toBe(model.delete(o.remove));
      }
      expect(index.size).toBe(model.size);
      for (const need of needs) {
        const pn = prepareNeed(need, graph, DEFAULT_WEIGHTS);
        const expected = [...model.values()].filter((e) => passesSkillFilter(pn, e, graph)).map((e) => e.id).sort();
        expect(index.candidateIdsFor(need).sort()).toEqual(expected);
      }
    }), { numRuns: 300 });
  });

  it('keeps, among the candidates, every expert who passes the filters, with their exact skill credit and a score bound', () => {
    fc.assert(fc.property(fc.uniqueArray(expertArb(uniqueId), { selector: (e) => e.id, maxLength: 40 }), oneNeed, fc.integer({ min: -300, max: 300 }), fc.boolean(), (experts, need, shift, relax) => {
      const c = { ...ctx, now: day(60 + shift), relaxAvailabilityForRemote: relax };
      const index = new SkillIndex<MatchExpert>(graph);
      for (const e of experts) index.upsert(e);
      const pn = prepareNeed(need, graph, DEFAULT_WEIGHTS);
      const { slots, credit, profilePoints } = index.boundedCandidates(pn, c);
      const found = Array.from(slots, (slot) => index.at(slot));
      const ids = new Set(found.map((e) => e.id));
      const skillPassers = new Set(index.candidateIdsFor(need));
      for (const id of ids) expect(skillPassers.has(id)).toBe(true);
      for (const e of experts) if (passesHardFilters(pn, e, c)) expect(ids.has(e.id)).toBe(true);
      found.forEach((e, i) => {
        const expected = pn.skills.reduce((sum, s) => sum + s.factor * bestSkillMatch(s, e.skills, graph, DEFAULT_WEIGHTS).credit, 0);
        expect(credit[i]).toBeCloseTo(expected, 9);
        const w = DEFAULT_WEIGHTS;
        const bound = (credit[i]! * w.skills * pn.scale) / pn.factorTotal + profilePoints[i]! + (pn.languages.length ? w.languages : 0) * pn.scale;
        if (passesHardFilters(pn, e, c)) expect(scorePair(pn, e, c).score).toBeLessThanOrEqual(Math.max(0, bound) + 0.05 + 1e-6);
      });
    }), { numRuns: 300 });
  });

  it('finds the same best experts by bounds (in memory or through a loader) as by scoring every candidate', async () => {
    await fc.assert(fc.asyncProperty(fc.uniqueArray(expertArb(uniqueId), { selector: (e) => e.id, maxLength: 60 }), oneNeed, fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 7 }),
      async (experts, need, limit, batch) => {
        const index = new SkillIndex<MatchExpert>(graph);
        for (const e of experts) index.upsert(e);
        const expected = rankExpertsForNeed(need, experts, ctx, { limit, exclusions: false }).matches;
        const top = rankTopExpertsForNeed(need, index, ctx, { limit });
        expect(top.matches).toEqual(expected);
        const byId = new Map(experts.map((e) => [e.id, e]));
        const loaded: string[] = [];
        const viaLoader = await rankTopExpertsWithLoader(need, index, async (ids) => {
          loaded.push(...ids);
          return ids.map((id) => byId.get(id)!);
        }, ctx, { limit, batch });
        expect(viaLoader.matches).toEqual(expected);
        expect(new Set(loaded).size).toBe(loaded.length);
        expect(viaLoader.examined).toBe(loaded.length);
      }), { numRuns: 300 });
  });

  it('ranks the index\'s candidates exactly as a scan of everyone ranks its matches', () => {
    fc.assert(fc.property(fc.uniqueArray(expertArb(uniqueId), { selector: (e) => e.id, maxLength: 40 }), oneNeed, (experts, need) => {
      const index = new SkillIndex<MatchExpert>(graph);
      for (const e of experts) index.upsert(e);
      const viaIndex = rankExpertsForNeed(need, index.candidatesFor(need), ctx, { exclusions: false });
      const scan = rankExpertsForNeed(need, experts, ctx, { exclusions: false });
      expect(viaIndex.matches).toEqual(scan.matches);
    }), { numRuns: 200 });
  });
});
