/**
 * The best `limit` experts for a need, exact (the very list rankExpertsForNeed gives for all candidates), while
 * scoring only the candidates that can still enter the list. The index gives the candidates that may pass the
 * hard filters, each with its exact skill points and, from its profile summary, the points of the parts that
 * depend on the profile alone; the languages' bonus is bounded by its weight. Candidates are walked by buckets of
 * that bound, best first, and the walk stops when the next bucket cannot beat the list's last score.
 * `rankTopExpertsWithLoader` does the same when the profiles live elsewhere (the database): it asks the caller's
 * loader for the best-bounded candidates first, in a few batches, so a page reads only the profiles that matter.
 */
import { passesHardFilters } from './hard-filters.js';
import { prepareNeed, type PreparedNeed } from './prepare.js';
import { bestFirst, toMatch, type Scored } from './rank.js';
import { partCount, roundScore, scoreParts } from './score.js';
import type { IndexedExpert, SkillIndex } from './skill-index.js';
import { TopK } from './top-k.js';
import type { MatchExpert, MatchNeed, RankContext, Ranking } from './types.js';

export interface TopRanking extends Ranking {
  /** How many experts passed the skill filter, and how many of them were looked at (scored or loaded). */
  candidates: number;
  examined: number;
}

const BUCKETS = 256;
/** A score is its raw total rounded to a tenth: a bound must allow for the rounding (and float noise). */
const SLACK = 0.05 + 1e-6;

/** Each candidate's upper bound: exact skill points, the profile-only parts from the summary, the rest at most. */
function bounds<E extends IndexedExpert>(need: MatchNeed, index: SkillIndex<E>, ctx: RankContext) {
  const w = ctx.weights;
  const pn = prepareNeed(need, ctx.graph, w);
  const { slots, credit, profilePoints } = index.boundedCandidates(pn, ctx);
  const scale = pn.factorTotal ? (w.skills * pn.scale) / pn.factorTotal : 0;
  // the commune line is not in the profile summary: counted at its most
  const unprofiled = ((pn.languages.length ? w.languages : 0) + (need.communeCode ? w.commune : 0)) * pn.scale;
  const bound = new Float64Array(slots.length);
  for (let i = 0; i < slots.length; i++) bound[i] = Math.max(0, credit[i]! * scale + profilePoints[i]! + unprofiled);
  return { pn, slots, bound };
}

/** Candidate positions by buckets of their bound, best bucket first, with each bucket's highest possible bound. */
function* buckets(bound: Float64Array): Generator<{ high: number; items: Int32Array }> {
  const width = 100 / BUCKETS;
  const bucketOf = (p: number) => Math.min(BUCKETS - 1, Math.max(0, Math.floor(p / width)));
  const starts = new Int32Array(BUCKETS + 1);
  for (const p of bound) starts[bucketOf(p) + 1]!++;
  for (let b = 0; b < BUCKETS; b++) starts[b + 1]! += starts[b]!;
  const fill = starts.slice(0, BUCKETS);
  const order = new Int32Array(bound.length);
  bound.forEach((p, i) => (order[fill[bucketOf(p)]!++] = i));
  for (let b = BUCKETS - 1; b >= 0; b--) {
    if (starts[b + 1]! > starts[b]!) yield { high: b === BUCKETS - 1 ? Infinity : (b + 1) * width, items: order.subarray(starts[b]!, starts[b + 1]!) };
  }
}

const canEnter = (top: TopK<Scored>, bound: number) => {
  const last = top.threshold();
  return !last || bound + SLACK >= last.score;
};

function consider(top: TopK<Scored>, pn: PreparedNeed, expert: MatchExpert, ctx: RankContext, buf: Float64Array): void {
  if (passesHardFilters(pn, expert, ctx)) top.push({ score: roundScore(scoreParts(pn, expert, ctx, buf)), id: expert.id, pn, expert });
}

function finish(top: TopK<Scored>, ctx: RankContext, candidates: number, examined: number): TopRanking {
  return { weightsVersion: ctx.weights.version, matches: top.sorted().map((s) => toMatch(s, ctx)), exclusions: [], candidates, examined };
}

/** The best `limit` experts of an index that holds whole profiles. */
export function rankTopExpertsForNeed(need: MatchNeed, index: SkillIndex<MatchExpert>, ctx: RankContext, options: { limit: number }): TopRanking {
  const { pn, slots, bound } = bounds(need, index, ctx);
  const top = new TopK<Scored>(options.limit, bestFirst);
  const buf = new Float64Array(partCount(pn));
  let examined = 0;
  for (const { high, items } of buckets(bound)) {
    if (!canEnter(top, high)) break;
    for (const i of items) {
      if (!canEnter(top, bound[i]!)) continue;
      examined++;
      consider(top, pn, index.at(slots[i]!), ctx, buf);
    }
  }
  return finish(top, ctx, slots.length, examined);
}

/** The best `limit` experts when the index holds skills only: profiles come from `load`, in batches, best bound first. */
export async function rankTopExpertsWithLoader(
  need: MatchNeed, index: SkillIndex<IndexedExpert>, load: (ids: string[]) => Promise<readonly MatchExpert[]>, ctx: RankContext,
  options: { limit: number; /** profiles per load (default: 1.5 × limit, doubling) */ batch?: number },
): Promise<TopRanking> {
  const { pn, slots, bound } = bounds(need, index, ctx);
  const top = new TopK<Scored>(options.limit, bestFirst);
  const buf = new Float64Array(partCount(pn));
  // First batch a little larger than the list, then doubling: few round trips, few profiles read for nothing.
  let size = options.batch ?? Math.max(16, Math.ceil(options.limit * 1.5));
  let examined = 0;
  let batch: string[] = [];
  const flush = async () => {
    examined += batch.length;
    for (const expert of await load(batch)) consider(top, pn, expert, ctx, buf);
    batch = [];
    if (options.batch === undefined) size *= 2;
  };
  for (const { high, items } of buckets(bound)) {
    if (!canEnter(top, high)) break;
    for (const i of items) {
      if (!canEnter(top, bound[i]!)) continue;
      batch.push(index.at(slots[i]!).id);
      if (batch.length >= size) await flush();
    }
  }
  if (batch.length) await flush();
  return finish(top, ctx, slots.length, examined);
}
