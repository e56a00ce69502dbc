/**
 * Hard filters: a pair (need, expert) that fails one is excluded, and each failure is a stated reason
 * { rule, params } that explain.ts turns into a sentence. Cheap checks run first; with `all = false` the first
 * failure ends the check (rankings that do not list exclusions).
 */
import { cefrRank } from '../reference/codes.js';
import { availabilityWithin, dayNumber, isoDay, neighbourLevel, type PreparedNeed } from './prepare.js';
import type { ExclusionReason, ExpertKind, MatchExpert, MissionMode, RankContext, SkillGraph } from './types.js';

const DIASPORA_ONLY: readonly ExpertKind[] = ['diaspora'];

/**
 * The audience filter: the need is open to the expert's kind, and a South–South expert holds the nationality of a
 * partner country (when the context lists them). Absent values mean diaspora, as the database defaults do.
 */
export function audienceReason(need: { audiences?: readonly ExpertKind[] }, expert: Pick<MatchExpert, 'kind' | 'nationalities'>, ctx: Pick<RankContext, 'partnerCountries'>): ExclusionReason | undefined {
  const kind = expert.kind ?? 'diaspora';
  if (!(need.audiences ?? DIASPORA_ONLY).includes(kind)) return { rule: 'audience_closed', params: { kind } };
  if (kind === 'south_south' && ctx.partnerCountries && !(expert.nationalities ?? []).some((c) => ctx.partnerCountries!.includes(c))) {
    return { rule: 'not_partner_country', params: { nationalities: (expert.nationalities ?? []).join(',') } };
  }
  return undefined;
}

/** Which expert modes accept a need's mode: on site needs on-site willingness, remote accepts remote or hybrid. */
export const COMPATIBLE_MODES: Readonly<Record<MissionMode, readonly MissionMode[]>> = {
  on_site: ['on_site'],
  hybrid: ['hybrid', 'on_site'],
  remote: ['remote', 'hybrid'],
};

/**
 * The skill filter alone (what the skill index retrieves): every required skill held, itself or a neighbour, at
 * no less than one level below the minimum; a need without required skills asks for at least one of its skills
 * (or a neighbour) at any level.
 */
export function passesSkillFilter(pn: PreparedNeed, expert: Pick<MatchExpert, 'skills'>, graph: SkillGraph): boolean {
  if (pn.required.length === 0) return pn.skills.some((s) => neighbourLevel(s, expert.skills, graph) > 0);
  for (const s of pn.required) if (neighbourLevel(s, expert.skills, graph) < s.threshold) return false;
  return true;
}

function skillReasons(pn: PreparedNeed, expert: MatchExpert, graph: SkillGraph, out: ExclusionReason[], all: boolean): void {
  if (pn.required.length === 0) {
    if (!passesSkillFilter(pn, expert, graph)) out.push({ rule: 'no_skill_overlap', params: { skills: pn.skills.length } });
    return;
  }
  for (const s of pn.required) {
    const level = neighbourLevel(s, expert.skills, graph);
    if (level >= s.threshold) continue;
    out.push(
      level === 0
        ? { rule: 'missing_required_skill', params: { skillId: s.skillId, minLevel: s.minLevel } }
        : { rule: 'required_skill_level_too_low', params: { skillId: s.skillId, minLevel: s.minLevel, level, threshold: s.threshold } },
    );
    if (!all) return;
  }
}

function languageReasons(pn: PreparedNeed, expert: MatchExpert, out: ExclusionReason[], all: boolean): void {
  for (const l of pn.languages) {
    const held = expert.languages.find((x) => x.language === l.language);
    if (!held) out.push({ rule: 'missing_language', params: { language: l.language, minLevel: l.minLevel } });
    else if (cefrRank(held.level) < l.minRank) {
      out.push({ rule: 'language_level_too_low', params: { language: l.language, minLevel: l.minLevel, level: held.level } });
    } else continue;
    if (!all) return;
  }
}

function languagesOk(pn: PreparedNeed, expert: MatchExpert): boolean {
  for (const l of pn.languages) {
    let ok = false;
    for (const x of expert.languages) if (x.language === l.language) ok = cefrRank(x.level) >= l.minRank;
    if (!ok) return false;
  }
  return true;
}

/** Whether the pair passes every hard filter: the same rules as hardFilterReasons, without building reasons. */
export function passesHardFilters(pn: PreparedNeed, expert: MatchExpert, ctx: RankContext): boolean {
  if (!expert.active || !expert.consented || !expert.matchable || expert.visibility === 'private') return false;
  if (audienceReason(pn.need, expert, ctx)) return false;
  if (!passesSkillFilter(pn, expert, ctx.graph) || !languagesOk(pn, expert)) return false;
  const need = pn.need;
  const modes = COMPATIBLE_MODES[need.mode];
  let modeOk = false;
  for (const m of expert.missionModes) if (modes.includes(m)) modeOk = true;
  if (!modeOk) return false;
  if (need.mode !== 'remote' && expert.preferredRegions.length > 0 && !expert.preferredRegions.includes(need.regionCode)) return false;
  if (expert.maxMissionDays !== null && expert.maxMissionDays < need.durationDays) return false;
  const relax = need.mode === 'remote' && (ctx.relaxAvailabilityForRemote ?? true);
  if (!relax && availabilityWithin(expert.availability, pn.windowStart, pn.windowEnd).longest < need.durationDays) return false;
  for (const m of expert.busy) if (dayNumber(m.startsOn) <= pn.windowEnd && dayNumber(m.endsOn) >= pn.windowStart) return false;
  return true;
}

/**
 * Every failed hard filter of the pair (or only the first when `all` is false); an empty list means the expert
 * passes. Availability is relaxed for remote needs when the context says so.
 */
export function hardFilterReasons(pn: PreparedNeed, expert: MatchExpert, ctx: RankContext, all = true): ExclusionReason[] {
  const out: ExclusionReason[] = [];
  const done = () => !all && out.length > 0;
  if (!expert.active) out.push({ rule: 'inactive_account', params: {} });
  if (!done() && !expert.consented) out.push({ rule: 'no_consent', params: {} });
  if (!done() && !expert.matchable) out.push({ rule: 'not_matchable', params: {} });
  if (!done() && expert.visibility === 'private') out.push({ rule: 'private_profile', params: {} });
  if (!done()) {
    const audience = audienceReason(pn.need, expert, ctx);
    if (audience) out.push(audience);
  }
  if (!done()) skillReasons(pn, expert, ctx.graph, out, all);
  if (!done()) languageReasons(pn, expert, out, all);
  const need = pn.need;
  if (!done() && !COMPATIBLE_MODES[need.mode].some((m) => expert.missionModes.includes(m))) {
    out.push({ rule: 'mode_incompatible', params: { mode: need.mode } });
  }
  if (!done() && need.mode !== 'remote' && expert.preferredRegions.length > 0 && !expert.preferredRegions.includes(need.regionCode)) {
    out.push({ rule: 'region_not_accepted', params: { region: need.regionCode } });
  }
  if (!done() && expert.maxMissionDays !== null && expert.maxMissionDays < need.durationDays) {
    out.push({ rule: 'mission_too_long', params: { durationDays: need.durationDays, maxDays: expert.maxMissionDays } });
  }
  const relax = need.mode === 'remote' && (ctx.relaxAvailabilityForRemote ?? true);
  if (!done() && !relax && availabilityWithin(expert.availability, pn.windowStart, pn.windowEnd).longest < need.durationDays) {
    out.push({
      rule: 'not_available',
      params: { durationDays: need.durationDays, windowStart: isoDay(need.windowStart), windowEnd: isoDay(need.windowEnd) },
    });
  }
  if (!done()) {
    for (const m of expert.busy) {
      if (dayNumber(m.startsOn) > pn.windowEnd || dayNumber(m.endsOn) < pn.windowStart) continue;
      out.push({ rule: 'mission_overlap', params: { missionId: m.missionId ?? null, startsOn: isoDay(m.startsOn), endsOn: isoDay(m.endsOn) } });
      break;
    }
  }
  return out;
}
