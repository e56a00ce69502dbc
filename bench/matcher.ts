/**
 * Matcher benchmark (`npm run bench:matcher`): deterministic generated data (100 000 experts with about 8 skills,
 * 2 000 needs with 3–6 skills, Zipf skill popularity over the real taxonomy). Prints the index build time, the pure
 * ranking time per need through the index, the same ranking by a brute-force scan (the baseline of this run), a
 * full re-match, an assignment round, the page's ranking path with its database reads (a real PostgreSQL), and the
 * peak memory. Its last line is `speedup-vs-brute-force: <x>`. Sizes can be lowered for a quick try:
 * BENCH_EXPERTS=20000 BENCH_NEEDS=400 npm run bench:matcher (BENCH_DB=0 skips the database part).
 */
import { greedyAssignment, optimalAssignment, type ScoredPair } from '../src/matching/assignment.js';
import { taxonomy } from '../src/matching/builders.js';
import { rankExpertsForNeed } from '../src/matching/rank.js';
import { SkillIndex } from '../src/matching/skill-index.js';
import { rankTopExpertsForNeed } from '../src/matching/top-experts.js';
import type { MatchExpert, MatchNeed, RankContext, Ranking } from '../src/matching/types.js';
import { DEFAULT_WEIGHTS } from '../src/matching/weights.js';
import { pagePath } from './matcher/database.js';
import { generate, TODAY } from './matcher/generate.js';
import { mean, ms, peakRssMiB, percentile, ratio, time } from './matcher/stats.js';

const EXPERTS = Number(process.env.BENCH_EXPERTS ?? 100_000);
const NEEDS = Number(process.env.BENCH_NEEDS ?? 2_000);
const REMATCH = Math.min(NEEDS, 1_000);
const BRUTE_SAMPLE = Number(process.env.BENCH_BRUTE_SAMPLE ?? 100);
const PAGE_SAMPLE = Number(process.env.BENCH_PAGE_SAMPLE ?? 300);
const TOP = 50;
const SEED = 20261129;

const line = (label: string, text: string) => console.log(`${label.padEnd(34)} ${text}`);
const sample = <T>(items: readonly T[], n: number) => items.filter((_, i) => i % Math.max(1, Math.floor(items.length / n)) === 0).slice(0, n);
const sameTop = (a: Ranking, b: Ranking) => a.matches.length === b.matches.length && a.matches.every((m, i) => m.expertId === b.matches[i]!.expertId && m.score === b.matches[i]!.score);

async function main() {
  console.log(`# matcher benchmark — ${EXPERTS} experts, ${NEEDS} needs, seed ${SEED}, node ${process.version}`);
  const { graph } = taxonomy();
  const ctx: RankContext = { graph, weights: DEFAULT_WEIGHTS, now: TODAY };
  const gen = time(() => generate(SEED, EXPERTS, NEEDS));
  const { experts, needs } = gen.value;
  const skillRows = experts.reduce((s, e) => s + e.skills.length, 0);
  line('generated', `${experts.length} experts (${(skillRows / experts.length).toFixed(2)} skills each), ${needs.length} needs in ${ms(gen.ms)}`);

  const index = new SkillIndex<MatchExpert>(graph);
  const build = time(() => experts.forEach((e) => index.upsert(e)));
  line('index build', `${ms(build.ms)} (${(build.ms * 1000 / experts.length).toFixed(2)} µs per expert)`);

  // Warm-up (one unmeasured pass), so that the measures do not include the JIT's tiering up.
  const warm = time(() => needs.forEach((need) => rankTopExpertsForNeed(need, index, ctx, { limit: TOP })));
  line('warm-up pass', `${ms(warm.ms)} for ${needs.length} needs (not counted)`);

  const indexed = needs.map((need) => {
    const t = time(() => rankTopExpertsForNeed(need, index, ctx, { limit: TOP }));
    return { need, ms: t.ms, candidates: t.value.candidates, examined: t.value.examined, ranking: t.value as Ranking };
  });
  const counts = indexed.map((r) => r.candidates);
  const examined = indexed.map((r) => r.examined);
  line('candidates per need', `p50 ${percentile(counts, 50)}, p95 ${percentile(counts, 95)}, max ${Math.max(...counts)} (of ${EXPERTS}); scored after bounds: p50 ${percentile(examined, 50)}, p95 ${percentile(examined, 95)}`);
  const pure = indexed.map((r) => r.ms);
  line('pure ranking per need (index)', `p50 ${ms(percentile(pure, 50))}, p95 ${ms(percentile(pure, 95))}, mean ${ms(mean(pure))} (top ${TOP}, with explanations)`);

  const bruteNeeds = sample(indexed, BRUTE_SAMPLE);
  for (const r of bruteNeeds.slice(0, 5)) rankExpertsForNeed(r.need, experts, ctx, { limit: TOP, exclusions: false }); // warm-up
  let mismatches = 0;
  const brute = bruteNeeds.map((r) => {
    const t = time(() => rankExpertsForNeed(r.need, experts, ctx, { limit: TOP, exclusions: false }));
    if (!sameTop(t.value, r.ranking)) mismatches++;
    return t.ms;
  });
  const indexedSample = bruteNeeds.map((r) => r.ms);
  const everyCandidate = bruteNeeds.map((r) => time(() => rankExpertsForNeed(r.need, index.candidatesFor(r.need), ctx, { limit: TOP, exclusions: false })).ms);
  line('index, every candidate scored', `p50 ${ms(percentile(everyCandidate, 50))}, p95 ${ms(percentile(everyCandidate, 95))}, mean ${ms(mean(everyCandidate))} (no bounds; same needs)`);
  const speedup = mean(brute) / mean(indexedSample);
  line('brute-force ranking per need', `p50 ${ms(percentile(brute, 50))}, p95 ${ms(percentile(brute, 95))}, mean ${ms(mean(brute))} over ${brute.length} needs`);
  line('  index vs brute force', `same ${brute.length - mismatches}/${brute.length} top-${TOP} lists; mean ${ratio(mean(brute), mean(indexedSample))}, p50 ${ratio(percentile(brute, 50), percentile(indexedSample, 50))} faster`);
  const byShare = [[0, 0.01, '<1%'], [0.01, 0.1, '1–10%'], [0.1, 1.01, '≥10%']] as const;
  line('  by candidates / population', byShare.map(([lo, hi, label]) => {
    const k = bruteNeeds.map((r, i) => [r.candidates / EXPERTS, i] as const).filter(([f]) => f >= lo && f < hi).map(([, i]) => i);
    return `${label}: ${k.length} needs, ${k.length ? ratio(mean(k.map((i) => brute[i]!)), mean(k.map((i) => indexedSample[i]!))) : '–'}`;
  }).join('; '));

  const rematch = time(() => {
    let matches = 0;
    for (const need of needs.slice(0, REMATCH)) matches += rankTopExpertsForNeed(need, index, ctx, { limit: TOP }).matches.length;
    return matches;
  });
  line('full re-match', `${REMATCH} needs × ${EXPERTS} experts in ${ms(rematch.ms)} (${rematch.value} matches kept; brute force would take ~${(mean(brute) * REMATCH / 1000).toFixed(1)} s, ${ratio(mean(brute) * REMATCH, rematch.ms)})`);

  assignmentRound(indexed.map((r) => r.need), index, ctx);
  line('peak memory (pure part)', `${peakRssMiB().toFixed(0)} MiB rss`);

  if (process.env.BENCH_DB !== '0') {
    const page = await pagePath(experts, needs, sample(indexed, PAGE_SAMPLE), index, ctx, TOP);
    const purePage = page.pureMs;
    line('page path per need (with DB)', `p50 ${ms(percentile(page.ms, 50))}, p95 ${ms(percentile(page.ms, 95))} over ${page.ms.length} needs (same top-${TOP} lists: ${page.same}/${page.ms.length})`);
    line('  of which DB reads', `p50 ${ms(percentile(page.dbMs, 50))}, p95 ${ms(percentile(page.dbMs, 95))}; profiles read per need p50 ${percentile(page.loaded, 50)}, p95 ${percentile(page.loaded, 95)}`);
    line('  vs pure ranking of the same needs', `p50 ${ratio(percentile(page.ms, 50), percentile(purePage, 50))}, p95 ${ratio(percentile(page.ms, 95), percentile(purePage, 95))}`);
  }
  line('peak memory', `${peakRssMiB().toFixed(0)} MiB rss (high-water mark of the process)`);
  console.log(`speedup-vs-brute-force: ${speedup.toFixed(1)}`);
}

/** An assignment round of 1 000 seats × 1 000 experts: the pairs are every pair of them that passes the filters. */
function assignmentRound(needs: MatchNeed[], index: SkillIndex<MatchExpert>, ctx: RankContext) {
  const round: MatchNeed[] = [];
  let seats = 0;
  for (const need of needs) {
    if (seats >= 1000) break;
    const cap = Math.min(need.expertsWanted ?? 1, 1000 - seats);
    round.push({ ...need, expertsWanted: cap });
    seats += cap;
  }
  // The experts of the round: the best candidates of the needs, in turn, until there are 1 000 of them.
  const lists = round.map((need) => rankExpertsForNeed(need, index.candidatesFor(need), ctx, { limit: 200, exclusions: false }).matches);
  const pool = new Map<string, MatchExpert>();
  for (let k = 0; pool.size < 1000 && k < 200; k++) for (const list of lists) {
    const m = list[k];
    if (m && pool.size < 1000) pool.set(m.expertId, index.get(m.expertId)!);
  }
  const pairs: ScoredPair[] = [];
  const build = time(() => {
    for (const need of round) for (const m of rankExpertsForNeed(need, pool.values(), ctx, { exclusions: false }).matches) pairs.push({ needId: m.needId, expertId: m.expertId, score: m.score });
  });
  const capacity = new Map(round.map((n) => [n.id, n.expertsWanted ?? 1]));
  const greedy = time(() => greedyAssignment(pairs, capacity));
  const opt = time(() => optimalAssignment(pairs, capacity));
  line('assignment round', `${seats} seats (${round.length} needs) × ${pool.size} experts, ${pairs.length} allowed pairs (scored in ${ms(build.ms)})`);
  line('  optimal (Hungarian)', `${ms(opt.ms)}: ${opt.value.assignments.length} assigned, total ${opt.value.total.toFixed(1)}`);
  line('  greedy baseline', `${ms(greedy.ms)}: ${greedy.value.assignments.length} assigned, total ${greedy.value.total.toFixed(1)} (optimal ${ratio(opt.ms, greedy.ms)} slower, +${(opt.value.total - greedy.value.total).toFixed(1)} points)`);
}

await main();
