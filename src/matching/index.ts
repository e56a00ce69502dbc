/** The matcher's public API (pure: plain data in, plain data out). See CONTEXT.md. */
export type * from './types.js';
export { DEFAULT_WEIGHTS, WeightsJsonSchema, weightsFromRow, weightsToJson, type WeightsJson } from './weights.js';
export { buildSkillGraph, neighbourhood } from './skill-graph.js';
export { prepareNeed, bestSkillMatch, type PreparedNeed, type SkillMatch } from './prepare.js';
export { audienceReason, COMPATIBLE_MODES, hardFilterReasons, passesHardFilters, passesSkillFilter } from './hard-filters.js';
export { scorePair, rawContributions, roundToTotal, staleness, type Score } from './score.js';
export { explainContribution, explainExclusion, explainExclusionReasons, explainMatch, type Explanation, type Labels } from './explain.js';
export { evaluatePair, rankExpertsForNeed, rankNeedsForExpert, type PairResult } from './rank.js';
export { SkillIndex, type IndexedExpert } from './skill-index.js';
export { greedyAssignment, optimalAssignment, type Capacity, type RoundAssignment, type RoundResult, type ScoredPair } from './assignment.js';
export { capacityOf, matchingRound, pairsFromRankings, type MatchingRound } from './round.js';
export { TopK } from './top-k.js';
export { rankTopExpertsForNeed, rankTopExpertsWithLoader, type TopRanking } from './top-experts.js';
