/**
 * Rankings: experts for a need (the need's match list) and needs for an expert (the expert's opportunities).
 * Each pair goes through the hard filters, then the score; the result lists matches best first and, unless told
 * otherwise, the exclusions with every reason. The caller chooses which experts or needs to look at (for experts,
 * the candidates of the skill index, or rankTopExpertsForNeed in top-experts.ts), so the cost follows what is
 * passed in. Scores are computed as plain numbers first; explanations are built only for the matches kept.
 */
import { hardFilterReasons, passesHardFilters } from './hard-filters.js';
import { prepareNeed, type PreparedNeed } from './prepare.js';
import { partCount, roundScore, scoreParts, scorePair } from './score.js';
import { TopK } from './top-k.js';
import type { Exclusion, Match, MatchExpert, MatchNeed, RankContext, RankOptions, Ranking } from './types.js';

export type PairResult = { match: Match; exclusion?: undefined } | { exclusion: Exclusion; match?: undefined };

/** A pair that passed, with its score, before its explanation is built. */
export interface Scored {
  score: number;
  /** The id that breaks ties (the expert's for a need's list, the need's for an expert's list). */
  id: string;
  pn: PreparedNeed;
  expert: MatchExpert;
}

/** Best first: higher score, then the id for a stable order. */
export const bestFirst = (a: { score: number; id: string }, b: { score: number; id: string }): number =>
  b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The full match (with its contributions) of a pair that passed the filters. */
export function toMatch(s: Scored, ctx: RankContext): Match {
  const { score, contributions } = scorePair(s.pn, s.expert, ctx);
  return { needId: s.pn.need.id, expertId: s.expert.id, score, contributions, weightsVersion: ctx.weights.version };
}

/** One pair, with every exclusion reason when it fails (for a page about one need and one expert). */
export function evaluatePair(need: MatchNeed, expert: MatchExpert, ctx: RankContext): PairResult {
  const pn = prepareNeed(need, ctx.graph, ctx.weights);
  const reasons = hardFilterReasons(pn, expert, ctx, true);
  if (reasons.length) return { exclusion: { needId: need.id, expertId: expert.id, reasons, weightsVersion: ctx.weights.version } };
  return { match: toMatch({ score: 0, id: expert.id, pn, expert }, ctx) };
}

/** Collects scored pairs (all, or the best `limit`) and the exclusions, then explains the pairs kept. */
class Collector {
  private readonly top?: TopK<Scored>;
  private readonly all: Scored[] = [];
  private readonly exclusions: Exclusion[] = [];
  private readonly buffers = new Map<PreparedNeed, Float64Array>();

  constructor(private readonly ctx: RankContext, private readonly options: RankOptions) {
    if (options.limit !== undefined) this.top = new TopK<Scored>(options.limit, bestFirst);
  }

  add(pn: PreparedNeed, expert: MatchExpert, id: string): void {
    if (!passesHardFilters(pn, expert, this.ctx)) {
      if (this.options.exclusions ?? true) {
        const reasons = hardFilterReasons(pn, expert, this.ctx, true);
        this.exclusions.push({ needId: pn.need.id, expertId: expert.id, reasons, weightsVersion: this.ctx.weights.version });
      }
      return;
    }
    let buf = this.buffers.get(pn);
    if (!buf) this.buffers.set(pn, (buf = new Float64Array(partCount(pn))));
    const s: Scored = { score: roundScore(scoreParts(pn, expert, this.ctx, buf)), id, pn, expert };
    if (this.top) this.top.push(s);
    else this.all.push(s);
  }

  ranking(exclusionOrder: (x: Exclusion) => string): Ranking {
    const kept = this.top ? this.top.sorted() : this.all.sort(bestFirst);
    const by = (a: Exclusion, b: Exclusion) => (exclusionOrder(a) < exclusionOrder(b) ? -1 : exclusionOrder(a) > exclusionOrder(b) ? 1 : 0);
    return { weightsVersion: this.ctx.weights.version, matches: kept.map((s) => toMatch(s, this.ctx)), exclusions: this.exclusions.sort(by) };
  }
}

/** Experts ranked for a need. */
export function rankExpertsForNeed(need: MatchNeed, experts: Iterable<MatchExpert>, ctx: RankContext, options: RankOptions = {}): Ranking {
  const pn = prepareNeed(need, ctx.graph, ctx.weights);
  const c = new Collector(ctx, options);
  for (const expert of experts) c.add(pn, expert, expert.id);
  return c.ranking((x) => x.expertId);
}

/** Needs ranked for an expert (the same filters and score, seen from the expert's side). */
export function rankNeedsForExpert(expert: MatchExpert, needs: Iterable<MatchNeed>, ctx: RankContext, options: RankOptions = {}): Ranking {
  const c = new Collector(ctx, options);
  for (const need of needs) c.add(prepareNeed(need, ctx.graph, ctx.weights), expert, need.id);
  return c.ranking((x) => x.needId);
}
