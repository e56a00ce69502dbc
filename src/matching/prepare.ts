/**
 * What a ranking computes once per need before looking at experts: day numbers of the window, the skills with
 * their thresholds and weights, CEFR ranks, and the scale that brings the applicable points to 100. Also the
 * per-skill credit rule shared by the hard filters, the score and the index.
 */
import { cefrRank } from '../reference/codes.js';
import type { Cefr, DayRange, ExpertSkillHeld, MatchNeed, SkillGraph, Weights } from './types.js';

export const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a UTC-midnight date (any time of day falls on its UTC day). */
export const dayNumber = (d: Date): number => Math.floor(d.getTime() / DAY_MS);

/** 'YYYY-MM-DD' of a date, for explanation params (the page formats it with Intl). */
export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

export interface PreparedSkill {
  skillId: number;
  minLevel: number;
  required: boolean;
  /** The lowest level that passes the hard filter: one below the minimum. */
  threshold: number;
  /** The skill's broader skill, -1 when it is broad. */
  broader: number;
  /** requiredSkillFactor or desirableSkillFactor. */
  factor: number;
}

export interface PreparedNeed {
  need: MatchNeed;
  skills: PreparedSkill[];
  required: PreparedSkill[];
  languages: { language: string; minLevel: Cefr; minRank: number }[];
  windowStart: number;
  windowEnd: number;
  windowDays: number;
  factorTotal: number;
  /** 100 ÷ the points that apply to this need (languages only apply when the need asks for some). */
  scale: number;
}

export function prepareNeed(need: MatchNeed, graph: SkillGraph, weights: Weights): PreparedNeed {
  const skills = need.skills.map((s) => ({
    skillId: s.skillId,
    minLevel: s.minLevel,
    required: s.requirement === 'required',
    threshold: Math.max(1, s.minLevel - 1),
    broader: graph.broaderOf(s.skillId) ?? -1,
    factor: s.requirement === 'required' ? weights.requiredSkillFactor : weights.desirableSkillFactor,
  }));
  const factorTotal = skills.reduce((sum, s) => sum + s.factor, 0);
  const languages = need.languages.map((l) => ({ language: l.language, minLevel: l.minLevel, minRank: cefrRank(l.minLevel) }));
  const windowStart = dayNumber(need.windowStart);
  const windowEnd = dayNumber(need.windowEnd);
  const applicable =
    (factorTotal > 0 ? weights.skills : 0) + weights.availability + weights.sector + weights.experience +
    weights.origin + weights.evaluations + (languages.length ? weights.languages : 0) + (need.communeCode ? weights.commune : 0);
  return {
    need, skills, required: skills.filter((s) => s.required), languages, windowStart, windowEnd,
    windowDays: Math.max(1, windowEnd - windowStart + 1), factorTotal, scale: applicable > 0 ? 100 / applicable : 0,
  };
}

export type SkillMatchKind = 'exact' | 'narrower' | 'broader' | 'none';

export interface SkillMatch {
  kind: SkillMatchKind;
  heldSkillId: number;
  level: number;
  credit: number;
}

const NONE: SkillMatch = Object.freeze({ kind: 'none', heldSkillId: -1, level: 0, credit: 0 });

/**
 * The expert's best credit for one skill of the need: the same skill 1.0 at or above the level wanted, else
 * level held ÷ level wanted; a narrower skill `narrowerCredit`, a broader one `broaderCredit`, each times the
 * same level ratio (capped at 1). Best over every held skill; on equal credit the exact skill wins.
 */
export function bestSkillMatch(ps: PreparedSkill, held: readonly ExpertSkillHeld[], graph: SkillGraph, weights: Weights): SkillMatch {
  let best = NONE;
  for (const h of held) {
    let factor: number;
    let kind: SkillMatchKind;
    if (h.skillId === ps.skillId) {
      factor = 1;
      kind = 'exact';
    } else if (h.skillId === ps.broader) {
      factor = weights.broaderCredit;
      kind = 'broader';
    } else if (graph.broaderOf(h.skillId) === ps.skillId) {
      factor = weights.narrowerCredit;
      kind = 'narrower';
    } else continue;
    const credit = factor * Math.min(1, h.level / ps.minLevel);
    if (credit > best.credit || (credit === best.credit && kind === 'exact') || best.kind === 'none') {
      best = { kind, heldSkillId: h.skillId, level: h.level, credit };
    }
  }
  return best;
}

/** The same credit as bestSkillMatch, as a number only (no allocation): the ranking's hot loop. */
export function bestCredit(ps: PreparedSkill, held: readonly ExpertSkillHeld[], graph: SkillGraph, weights: Weights): number {
  let best = 0;
  for (const h of held) {
    let factor: number;
    if (h.skillId === ps.skillId) factor = 1;
    else if (h.skillId === ps.broader) factor = weights.broaderCredit;
    else if (graph.broaderOf(h.skillId) === ps.skillId) factor = weights.narrowerCredit;
    else continue;
    const credit = factor * Math.min(1, h.level / ps.minLevel);
    if (credit > best) best = credit;
  }
  return best;
}

/** The highest level at which the expert holds the skill or one of its neighbours (0 when none). */
export function neighbourLevel(ps: PreparedSkill, held: readonly ExpertSkillHeld[], graph: SkillGraph): number {
  let level = 0;
  for (const h of held) {
    if (h.level <= level) continue;
    if (h.skillId === ps.skillId || h.skillId === ps.broader || graph.broaderOf(h.skillId) === ps.skillId) level = h.level;
  }
  return level;
}

/** Availability as sorted day pairs [start, end, …], overlapping or adjacent ranges merged. */
export function mergedDays(ranges: readonly DayRange[]): number[] {
  const pairs = ranges.map((r) => [dayNumber(r.startsOn), dayNumber(r.endsOn)] as const).filter(([a, b]) => a <= b).sort((x, y) => x[0] - y[0]);
  const out: number[] = [];
  for (const [a, b] of pairs) {
    const last = out.length - 1;
    if (last > 0 && a <= out[last]! + 1) out[last] = Math.max(out[last]!, b);
    else out.push(a, b);
  }
  return out;
}

/** The expert's availability clipped to [start, end] as merged day intervals: total days and the longest run. */
export function availabilityWithin(ranges: readonly DayRange[], start: number, end: number): { total: number; longest: number } {
  if (ranges.length === 1) {
    const a = Math.max(start, dayNumber(ranges[0]!.startsOn));
    const b = Math.min(end, dayNumber(ranges[0]!.endsOn));
    const days = a <= b ? b - a + 1 : 0;
    return { total: days, longest: days };
  }
  const clipped: [number, number][] = [];
  for (const r of ranges) {
    const a = Math.max(start, dayNumber(r.startsOn));
    const b = Math.min(end, dayNumber(r.endsOn));
    if (a <= b) clipped.push([a, b]);
  }
  if (clipped.length > 1) clipped.sort((x, y) => x[0] - y[0]);
  let total = 0;
  let longest = 0;
  let curA = NaN;
  let curB = NaN;
  for (const [a, b] of clipped) {
    if (!Number.isNaN(curB) && a <= curB + 1) {
      curB = Math.max(curB, b);
      continue;
    }
    if (!Number.isNaN(curB)) {
      total += curB - curA + 1;
      longest = Math.max(longest, curB - curA + 1);
    }
    curA = a;
    curB = b;
  }
  if (!Number.isNaN(curB)) {
    total += curB - curA + 1;
    longest = Math.max(longest, curB - curA + 1);
  }
  return { total, longest };
}
