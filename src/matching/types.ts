/**
 * The matcher's plain data: what callers pass in (a need, experts, the skill graph, weights) and what they get back
 * (matches with contributions, exclusions with reasons). No Prisma types here: callers map their rows to these
 * shapes, and field names follow the Prisma schema so that the mapping stays obvious.
 */
import type { Cefr } from '../reference/codes.js';

export type { Cefr };
export type MissionMode = 'on_site' | 'remote' | 'hybrid';
export type Visibility = 'private' | 'institutions' | 'public';
export type Requirement = 'required' | 'desirable';
/** Who an expert is, and whom a need is open to (AMEDIP): diaspora, South–South partner countries, immigrants residing at home. */
export type ExpertKind = 'diaspora' | 'south_south' | 'immigrant_resident';

/** A range of whole days, both ends included (dates at UTC midnight, as Prisma returns `@db.Date`). */
export interface DayRange {
  startsOn: Date;
  endsOn: Date;
}

export interface NeedSkillReq {
  skillId: number;
  /** 1–4 */
  minLevel: number;
  requirement: Requirement;
}

export interface NeedLanguageReq {
  language: string;
  minLevel: Cefr;
}

export interface MatchNeed {
  id: string;
  sectorCode: string;
  regionCode: string;
  mode: MissionMode;
  windowStart: Date;
  windowEnd: Date;
  durationDays: number;
  /** How many experts the need wants (its capacity in a matching round); 1 when absent. */
  expertsWanted?: number;
  skills: readonly NeedSkillReq[];
  languages: readonly NeedLanguageReq[];
  /** The commune the need serves (local development); absent or null: none, and no commune line. */
  communeCode?: string | null;
  /** Kinds of expert the need is open to; absent means diaspora only (the database default). */
  audiences?: readonly ExpertKind[];
}

export interface ExpertSkillHeld {
  skillId: number;
  /** 1–4 */
  level: number;
}

export interface MatchExpert {
  id: string;
  /** The user account is active (not disabled or deleted). */
  active: boolean;
  /** Consent to the processing of the profile is given and not withdrawn. */
  consented: boolean;
  /** The expert has not withdrawn from matching. */
  matchable: boolean;
  visibility: Visibility;
  /** Absent means diaspora (the database default). */
  kind?: ExpertKind;
  /** ISO 3166-1 alpha-2 codes; a South–South expert needs one of the partner countries (RankContext). */
  nationalities?: readonly string[];
  sectors: readonly string[];
  yearsExperience: number | null;
  originRegionCode: string | null;
  /** The commune of origin from the reference list (its code starts with its region's code). */
  originCommuneCode?: string | null;
  missionModes: readonly MissionMode[];
  /** Regions where the expert is willing to go on site; empty means anywhere. */
  preferredRegions: readonly string[];
  maxMissionDays: number | null;
  staleSince: Date | null;
  lastActiveAt: Date;
  skills: readonly ExpertSkillHeld[];
  languages: readonly { language: string; level: Cefr }[];
  availability: readonly DayRange[];
  /** The expert's approved (approved, briefed, in progress) missions. */
  busy: readonly (DayRange & { missionId?: string })[];
  /** Institutions' ratings (1–5) of the expert's past missions; null when none. */
  evaluations: { count: number; averageRating: number } | null;
}

/** The two-level taxonomy as the matcher needs it: each skill's broader skill and its narrower skills. */
export interface SkillGraph {
  /** The broader skill of `skillId`, or undefined for a broad skill (or an unknown one). */
  broaderOf(skillId: number): number | undefined;
  /** The narrower skills of `skillId` (empty for a narrow skill). */
  narrowerOf(skillId: number): readonly number[];
}

/** Scoring weights: data (an admin edits them), each ranking carries their version. See weights.ts. */
export interface Weights {
  version: number;
  /** Points (out of 100, before normalisation) for skill coverage. */
  skills: number;
  requiredSkillFactor: number;
  desirableSkillFactor: number;
  /** Credit when the expert holds a narrower skill than the one asked (times the level ratio). */
  narrowerCredit: number;
  /** Credit when the expert holds the broader skill of the one asked (times the level ratio). */
  broaderCredit: number;
  availability: number;
  languages: number;
  /** CEFR steps above the minimum that earn the full language points. */
  languageStepsForFull: number;
  sector: number;
  experience: number;
  yearsForFull: number;
  origin: number;
  /** Points for an expert from the commune the need serves; only needs that name a commune use them. */
  commune: number;
  evaluations: number;
  /** Bayesian prior for ratings: an expert without evaluations counts as `priorCount` missions rated `priorRating`. */
  priorRating: number;
  priorCount: number;
  /** Points removed from a stale profile (never below a score of 0). */
  stalePenalty: number;
  /** Days without activity after which the penalty starts; it is full at twice this. */
  staleAfterDays: number;
}

export type ExclusionRule =
  | 'inactive_account'
  | 'no_consent'
  | 'not_matchable'
  | 'private_profile'
  | 'audience_closed'
  | 'not_partner_country'
  | 'no_skill_overlap'
  | 'missing_required_skill'
  | 'required_skill_level_too_low'
  | 'missing_language'
  | 'language_level_too_low'
  | 'mode_incompatible'
  | 'region_not_accepted'
  | 'mission_too_long'
  | 'not_available'
  | 'mission_overlap';

export type Params = Record<string, string | number | null>;

export interface ExclusionReason {
  rule: ExclusionRule;
  params: Params;
}

export type ContributionRule = 'skill' | 'availability' | 'language' | 'sector' | 'experience' | 'commune' | 'origin' | 'evaluations' | 'stale';

/** One rule's share of a score. `points` has one decimal; the points of a match add up exactly to its score. */
export interface Contribution {
  rule: ContributionRule;
  points: number;
  params: Params;
}

export interface Match {
  needId: string;
  expertId: string;
  /** 0–100, one decimal. */
  score: number;
  contributions: Contribution[];
  weightsVersion: number;
}

export interface Exclusion {
  needId: string;
  expertId: string;
  reasons: ExclusionReason[];
  weightsVersion: number;
}

export interface Ranking {
  weightsVersion: number;
  /** Best first (score, then id, for a stable order). */
  matches: Match[];
  exclusions: Exclusion[];
}

export interface RankContext {
  graph: SkillGraph;
  weights: Weights;
  now: Date;
  /** For remote needs, do not require availability covering the duration (default true). */
  relaxAvailabilityForRemote?: boolean;
  /**
   * Active partner countries (ISO codes) of South–South exchange: a South–South expert reaches a need open to
   * South–South experts only with a nationality among them. Absent: the nationality is not checked.
   */
  partnerCountries?: readonly string[];
}

export interface RankOptions {
  /** Keep only the best `limit` matches. */
  limit?: number;
  /** List excluded experts (or needs) with their reasons (default true). */
  exclusions?: boolean;
}
