/**
 * A whole matching round from rankings: rank the candidates of every open need (hard filters apply), keep the
 * pairs that passed, and assign them optimally. The caller gives each need's candidates (from the skill index);
 * `perNeed` keeps only each need's best pairs, which bounds the size of the assignment problem.
 */
import { optimalAssignment, type RoundResult, type ScoredPair } from './assignment.js';
import { rankExpertsForNeed } from './rank.js';
import type { MatchExpert, MatchNeed, RankContext, Ranking } from './types.js';

export function pairsFromRankings(rankings: readonly Ranking[]): ScoredPair[] {
  return rankings.flatMap((r) => r.matches.map((m) => ({ needId: m.needId, expertId: m.expertId, score: m.score })));
}

export function capacityOf(needs: readonly MatchNeed[]): Map<string, number> {
  return new Map(needs.map((n) => [n.id, Math.max(0, n.expertsWanted ?? 1)]));
}

export interface MatchingRound extends RoundResult {
  weightsVersion: number;
}

export function matchingRound(
  needs: readonly MatchNeed[],
  candidatesFor: (need: MatchNeed) => Iterable<MatchExpert>,
  ctx: RankContext,
  options: { perNeed?: number } = {},
): MatchingRound {
  const rankings = needs.map((need) => rankExpertsForNeed(need, candidatesFor(need), ctx, { exclusions: false, limit: options.perNeed }));
  return { ...optimalAssignment(pairsFromRankings(rankings), capacityOf(needs)), weightsVersion: ctx.weights.version };
}
