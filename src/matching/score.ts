/**
 * The score of a pair that passed the hard filters: 0–100, one decimal, as a list of contributions whose points
 * add up exactly to it. Each rule gives a fraction (0–1) times its weight; the weights that apply to the need are
 * scaled to 100 (a need without languages does not lose the language points); a stale profile loses points, never
 * below 0. Rounding: the total is rounded to a tenth, then the parts are rounded by largest remainder so that
 * they sum to that total. `scoreParts` computes the numbers only (the ranking's hot loop); `scorePair` adds the
 * explanation's params, from the very same numbers.
 */
import { cefrRank } from '../reference/codes.js';
import { availabilityWithin, bestCredit, bestSkillMatch, DAY_MS, type PreparedNeed } from './prepare.js';
import type { Contribution, ContributionRule, MatchExpert, Params, RankContext, Weights } from './types.js';

export interface Score {
  score: number;
  contributions: Contribution[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** How stale a profile is, 0 (fresh) to 1 (full penalty), from its last activity and staleSince (ms, or null). */
export function staleFraction(lastActiveMs: number, staleSinceMs: number | null, nowMs: number, staleAfterDays: number): number {
  if (staleSinceMs !== null && staleSinceMs <= nowMs) return 1;
  const days = Math.max(0, Math.floor((nowMs - lastActiveMs) / DAY_MS));
  return days <= staleAfterDays ? 0 : Math.min(1, (days - staleAfterDays) / staleAfterDays);
}

/** How stale a profile is, and for how many days it has been inactive. */
export function staleness(expert: Pick<MatchExpert, 'staleSince' | 'lastActiveAt'>, now: Date, staleAfterDays: number): { fraction: number; days: number } {
  const days = Math.max(0, Math.floor((now.getTime() - expert.lastActiveAt.getTime()) / DAY_MS));
  return { fraction: staleFraction(expert.lastActiveAt.getTime(), expert.staleSince?.getTime() ?? null, now.getTime(), staleAfterDays), days };
}

/** Experience points for `years` (also used by the skill index to bound scores from its summary). */
export const experienceValue = (years: number, w: Weights, scale: number): number => w.experience * scale * Math.min(1, Math.max(0, years) / w.yearsForFull);

/** Evaluation points from the number of ratings and their sum, with the Bayesian prior of the weights. */
export function evaluationsValue(count: number, sum: number, w: Weights, scale: number): number {
  const mean = (w.priorRating * w.priorCount + sum) / Math.max(1e-9, w.priorCount + count);
  return w.evaluations * scale * Math.min(1, Math.max(0, (mean - 1) / 4));
}

/**
 * Parts of a need's score, in order: one per skill, availability, one per language, sector, experience, commune
 * (only for a need that names its commune), origin, evaluations, stale.
 */
export const partCount = (pn: PreparedNeed): number => pn.skills.length + pn.languages.length + 6 + (pn.need.communeCode ? 1 : 0);

function languageSteps(expert: MatchExpert, language: string, minRank: number): number {
  for (const x of expert.languages) if (x.language === language) return Math.max(0, cefrRank(x.level) - minRank);
  return 0;
}

/** The parts that depend on the profile alone (sector, experience, origin, evaluations), in scoreParts' order. */
export function sectorPart(pn: PreparedNeed, expert: MatchExpert, ctx: RankContext): number {
  return expert.sectors.includes(pn.need.sectorCode) ? ctx.weights.sector * pn.scale : 0;
}
export function experiencePart(pn: PreparedNeed, expert: MatchExpert, ctx: RankContext): number {
  return experienceValue(expert.yearsExperience ?? 0, ctx.weights, pn.scale);
}
export function originPart(pn: PreparedNeed, expert: MatchExpert, ctx: RankContext): number {
  return expert.originRegionCode !== null && expert.originRegionCode === pn.need.regionCode ? ctx.weights.origin * pn.scale : 0;
}
/** Local development: the expert comes from the very commune the need serves (a line above the region's). */
export function communePart(pn: PreparedNeed, expert: MatchExpert, ctx: RankContext): number {
  const commune = pn.need.communeCode;
  return commune && expert.originCommuneCode === commune ? ctx.weights.commune * pn.scale : 0;
}
export function evaluationsPart(pn: PreparedNeed, expert: MatchExpert, ctx: RankContext): number {
  const ev = expert.evaluations;
  return evaluationsValue(ev?.count ?? 0, ev ? ev.averageRating * ev.count : 0, ctx.weights, pn.scale);
}

/** Fills `out` with the unrounded parts (see partCount) and returns their sum. */
export function scoreParts(pn: PreparedNeed, expert: MatchExpert, ctx: RankContext, out: Float64Array | number[]): number {
  const w = ctx.weights;
  let i = 0;
  for (const s of pn.skills) out[i++] = (w.skills * s.factor * bestCredit(s, expert.skills, ctx.graph, w) * pn.scale) / pn.factorTotal;
  out[i++] = w.availability * pn.scale * Math.min(1, availabilityWithin(expert.availability, pn.windowStart, pn.windowEnd).total / pn.windowDays);
  for (const l of pn.languages) {
    out[i++] = (w.languages * pn.scale * Math.min(1, languageSteps(expert, l.language, l.minRank) / w.languageStepsForFull)) / pn.languages.length;
  }
  out[i++] = sectorPart(pn, expert, ctx);
  out[i++] = experiencePart(pn, expert, ctx);
  if (pn.need.communeCode) out[i++] = communePart(pn, expert, ctx);
  out[i++] = originPart(pn, expert, ctx);
  out[i++] = evaluationsPart(pn, expert, ctx);
  let positive = 0;
  for (let k = 0; k < i; k++) positive += out[k]!;
  const stale = staleFraction(expert.lastActiveAt.getTime(), expert.staleSince?.getTime() ?? null, ctx.now.getTime(), w.staleAfterDays);
  const penalty = stale > 0 ? Math.min(positive, w.stalePenalty * stale) : 0;
  out[i] = -penalty;
  return positive - penalty;
}

/** A raw total rounded to the score's tenth (what scorePair reports for the same parts). */
export const roundScore = (raw: number): number => Math.round(raw * 10 + 1e-9) / 10;

/** Rounds parts to tenths so that they add up to the rounded total (largest remainder; ties to the earlier part). */
export function roundToTotal(values: ArrayLike<number>): { total: number; parts: number[] } {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const totalTenths = Math.round(sum * 10 + 1e-9);
  const parts = new Array<number>(n);
  const rest = new Array<number>(n);
  let floors = 0;
  for (let i = 0; i < n; i++) {
    parts[i] = Math.floor(values[i]! * 10 + 1e-9);
    rest[i] = values[i]! * 10 - parts[i]!;
    floors += parts[i]!;
  }
  // Give the missing tenths to the largest remainders (or take the surplus from the smallest).
  for (let missing = totalTenths - floors; missing !== 0; missing += missing > 0 ? -1 : 1) {
    let pick = -1;
    for (let i = 0; i < n; i++) {
      if (pick < 0 || (missing > 0 ? rest[i]! > rest[pick]! : rest[i]! < rest[pick]!)) pick = i;
    }
    parts[pick] = parts[pick]! + (missing > 0 ? 1 : -1);
    rest[pick] = missing > 0 ? -Infinity : Infinity;
  }
  for (let i = 0; i < n; i++) parts[i] = parts[i]! / 10;
  return { total: totalTenths / 10, parts };
}

/** The params of each part, in the order of scoreParts (the stale part last, present only when it applies). */
function partParams(pn: PreparedNeed, expert: MatchExpert, ctx: RankContext): { rule: ContributionRule; params: Params }[] {
  const w = ctx.weights;
  const out: { rule: ContributionRule; params: Params }[] = [];
  for (const s of pn.skills) {
    const m = bestSkillMatch(s, expert.skills, ctx.graph, w);
    const held = m.kind !== 'none';
    out.push({ rule: 'skill', params: {
      skillId: s.skillId, requirement: s.required ? 'required' : 'desirable', minLevel: s.minLevel, match: m.kind,
      heldSkillId: held ? m.heldSkillId : null, level: held ? m.level : null, credit: round2(m.credit),
    } });
  }
  const avail = availabilityWithin(expert.availability, pn.windowStart, pn.windowEnd);
  out.push({ rule: 'availability', params: { days: avail.total, windowDays: pn.windowDays } });
  for (const l of pn.languages) {
    const held = expert.languages.find((x) => x.language === l.language);
    out.push({ rule: 'language', params: { language: l.language, minLevel: l.minLevel, level: held?.level ?? null, steps: languageSteps(expert, l.language, l.minRank) } });
  }
  const inSector = expert.sectors.includes(pn.need.sectorCode);
  out.push({ rule: 'sector', params: { sector: pn.need.sectorCode, held: inSector ? 1 : 0 } });
  out.push({ rule: 'experience', params: { years: expert.yearsExperience ?? 0 } });
  if (pn.need.communeCode) {
    out.push({ rule: 'commune', params: { commune: pn.need.communeCode, held: expert.originCommuneCode === pn.need.communeCode ? 1 : 0 } });
  }
  const local = expert.originRegionCode !== null && expert.originRegionCode === pn.need.regionCode;
  out.push({ rule: 'origin', params: { region: pn.need.regionCode, held: local ? 1 : 0 } });
  const count = expert.evaluations?.count ?? 0;
  out.push({ rule: 'evaluations', params: { count, averageRating: count ? round2(expert.evaluations!.averageRating) : null } });
  out.push({ rule: 'stale', params: { days: staleness(expert, ctx.now, w.staleAfterDays).days } });
  return out;
}

/** Raw (unrounded) contributions of a pair; the stale line only when a penalty applies. */
export function rawContributions(pn: PreparedNeed, expert: MatchExpert, ctx: RankContext): Contribution[] {
  const values = new Float64Array(partCount(pn));
  scoreParts(pn, expert, ctx, values);
  const meta = partParams(pn, expert, ctx);
  const n = values[values.length - 1]! < 0 ? meta.length : meta.length - 1;
  const out: Contribution[] = [];
  for (let i = 0; i < n; i++) out.push({ rule: meta[i]!.rule, points: values[i]!, params: meta[i]!.params });
  return out;
}

/** The score of a pair that passed the hard filters, with its contributions. */
export function scorePair(pn: PreparedNeed, expert: MatchExpert, ctx: RankContext): Score {
  const values = new Float64Array(partCount(pn));
  scoreParts(pn, expert, ctx, values);
  const meta = partParams(pn, expert, ctx);
  const n = values[values.length - 1]! < 0 ? meta.length : meta.length - 1;
  const { total, parts } = roundToTotal(values.subarray(0, n));
  const contributions: Contribution[] = [];
  for (let i = 0; i < n; i++) contributions.push({ rule: meta[i]!.rule, points: parts[i]!, params: meta[i]!.params });
  return { score: total, contributions };
}
