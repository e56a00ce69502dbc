/**
 * Turns contributions and exclusion reasons into i18n keys and params; the page translates them
 * (src/i18n/locales/<lng>/matching.json). No language is written here: names of skills, regions, languages,
 * sectors and modes, CEFR labels, dates and numbers come from the caller's `labels`, in the reader's language.
 */
import type { Contribution, ExclusionReason, Match, Exclusion, Params } from './types.js';

export interface Labels {
  skill(id: number): string;
  region(code: string): string;
  /** A commune's name (optional: callers without communes show the code). */
  commune?(code: string): string;
  language(code: string): string;
  sector(code: string): string;
  mode(mode: string): string;
  cefr(level: string): string;
  /** 'YYYY-MM-DD' → a date in the reader's language. */
  date(isoDay: string): string;
  /** A number in the reader's language (defaults to String). */
  number?(n: number): string;
}

export interface Explanation {
  /** i18n key, e.g. 'matching.contribution.skill.required.exact'. */
  key: string;
  params: Record<string, string | number>;
  /** The contribution's points (absent for exclusion reasons). */
  points?: number;
}

const num = (labels: Labels, n: unknown) => (typeof n === 'number' ? (labels.number ? labels.number(n) : String(n)) : '');
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

function skillLine(p: Params, labels: Labels): Explanation {
  const held = typeof p.heldSkillId === 'number' ? labels.skill(p.heldSkillId) : '';
  return {
    key: `matching.contribution.skill.${str(p.requirement)}.${p.match === 'exact' && Number(p.level) < Number(p.minLevel) ? 'below' : str(p.match)}`,
    params: { skill: labels.skill(Number(p.skillId)), held, level: num(labels, p.level), minLevel: num(labels, p.minLevel) },
  };
}

/** One contribution as a line: key, params and its points. */
export function explainContribution(c: Contribution, labels: Labels): Explanation {
  const p = c.params;
  let line: Omit<Explanation, 'points'>;
  switch (c.rule) {
    case 'skill':
      line = skillLine(p, labels);
      break;
    case 'availability':
      line = { key: 'matching.contribution.availability', params: { count: Number(p.days), windowDays: num(labels, p.windowDays) } };
      break;
    case 'language':
      line = {
        key: `matching.contribution.language.${p.level === null ? 'missing' : 'held'}`,
        params: { language: labels.language(str(p.language)), level: p.level === null ? '' : labels.cefr(str(p.level)), minLevel: labels.cefr(str(p.minLevel)) },
      };
      break;
    case 'sector':
      line = { key: `matching.contribution.sector.${p.held ? 'held' : 'notHeld'}`, params: { sector: labels.sector(str(p.sector)) } };
      break;
    case 'experience':
      line = { key: 'matching.contribution.experience', params: { count: Number(p.years) } };
      break;
    case 'commune':
      line = { key: `matching.contribution.commune.${p.held ? 'held' : 'notHeld'}`, params: { commune: labels.commune ? labels.commune(str(p.commune)) : str(p.commune) } };
      break;
    case 'origin':
      line = { key: `matching.contribution.origin.${p.held ? 'held' : 'notHeld'}`, params: { region: labels.region(str(p.region)) } };
      break;
    case 'evaluations':
      line = p.count
        ? { key: 'matching.contribution.evaluations.rated', params: { count: Number(p.count), average: num(labels, p.averageRating) } }
        : { key: 'matching.contribution.evaluations.none', params: {} };
      break;
    case 'stale':
      line = { key: 'matching.contribution.stale', params: { count: Number(p.days) } };
      break;
  }
  return { ...line, points: c.points };
}

/** One exclusion reason as a line. */
export function explainExclusion(r: ExclusionReason, labels: Labels): Explanation {
  const p = r.params;
  const key = `matching.exclusion.${r.rule}`;
  switch (r.rule) {
    case 'missing_required_skill':
      return { key, params: { skill: labels.skill(Number(p.skillId)), minLevel: num(labels, p.minLevel) } };
    case 'required_skill_level_too_low':
      return { key, params: { skill: labels.skill(Number(p.skillId)), minLevel: num(labels, p.minLevel), level: num(labels, p.level), threshold: num(labels, p.threshold) } };
    case 'missing_language':
      return { key, params: { language: labels.language(str(p.language)), minLevel: labels.cefr(str(p.minLevel)) } };
    case 'language_level_too_low':
      return { key, params: { language: labels.language(str(p.language)), minLevel: labels.cefr(str(p.minLevel)), level: labels.cefr(str(p.level)) } };
    case 'mode_incompatible':
      return { key, params: { mode: labels.mode(str(p.mode)) } };
    case 'region_not_accepted':
      return { key, params: { region: labels.region(str(p.region)) } };
    case 'mission_too_long':
      return { key, params: { count: Number(p.durationDays), maxDays: num(labels, p.maxDays) } };
    case 'not_available':
      return { key, params: { count: Number(p.durationDays), windowStart: labels.date(str(p.windowStart)), windowEnd: labels.date(str(p.windowEnd)) } };
    // one sentence per kind: "Besoin non ouvert aux experts Sud–Sud"
    case 'audience_closed':
      return { key: `${key}_${str(p.kind)}`, params: {} };
    case 'mission_overlap':
      return { key, params: { startsOn: labels.date(str(p.startsOn)), endsOn: labels.date(str(p.endsOn)) } };
    default:
      return { key, params: {} };
  }
}

/** Every line of a match, in the order of its contributions (they add up to the match's score). */
export function explainMatch(match: Match, labels: Labels): Explanation[] {
  return match.contributions.map((c) => explainContribution(c, labels));
}

export function explainExclusionReasons(exclusion: Exclusion, labels: Labels): Explanation[] {
  return exclusion.reasons.map((r) => explainExclusion(r, labels));
}
