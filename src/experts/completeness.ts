/**
 * How complete an expert's profile is: a pure function of the profile, so the meter, the dashboard and the tests
 * agree. Each editor step that feeds the matcher is worth a share of 100; a step counts once it holds what an
 * institution needs to judge the expert.
 */
export const SCORED_STEPS = {
  identity: 10,
  residence: 10,
  professional: 15,
  preferences: 10,
  languages: 10,
  skills: 20,
  availability: 10,
  degrees: 5,
  cv: 10,
} as const;

export type ScoredStep = keyof typeof SCORED_STEPS;

export interface CompletenessInput {
  kind: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  countryOfResidence: string | null;
  cityOfResidence: string | null;
  nationalities: readonly string[];
  originRegionCode: string | null;
  headline: string | null;
  bio: string | null;
  yearsExperience: number | null;
  employer: string | null;
  position: string | null;
  sectors: readonly string[];
  missionModes: readonly string[];
  preferredRegions: readonly string[];
  maxMissionDays: number | null;
  cvFileKey: string | null;
  /** how many skills, languages, degrees, and availability windows not yet over */
  counts: { skills: number; languages: number; degrees: number; futureAvailabilities: number };
}

const filled = (s: string | null | undefined) => !!s && s.trim().length > 0;

/** Whether each scored step is done. */
export function stepsDone(p: CompletenessInput): Record<ScoredStep, boolean> {
  const travels = p.missionModes.some((m) => m === 'on_site' || m === 'hybrid');
  return {
    identity: filled(p.firstName) && filled(p.lastName) && filled(p.phone),
    // A region of origin in the country only makes sense for members of its diaspora.
    residence:
      filled(p.countryOfResidence) && filled(p.cityOfResidence) && p.nationalities.length > 0 &&
      (p.kind !== 'diaspora' || filled(p.originRegionCode)),
    professional:
      filled(p.headline) && filled(p.bio) && p.yearsExperience !== null && (filled(p.employer) || filled(p.position)) && p.sectors.length > 0,
    // Regions to travel to matter only to someone willing to travel.
    preferences: p.missionModes.length > 0 && p.maxMissionDays !== null && (!travels || p.preferredRegions.length > 0),
    languages: p.counts.languages > 0,
    skills: p.counts.skills > 0,
    availability: p.counts.futureAvailabilities > 0,
    degrees: p.counts.degrees > 0,
    cv: filled(p.cvFileKey),
  };
}

export interface Completeness {
  /** 0 to 100 */
  percent: number;
  done: Record<ScoredStep, boolean>;
  /** the steps still to do, in editor order */
  missing: ScoredStep[];
}

export function completeness(p: CompletenessInput): Completeness {
  const done = stepsDone(p);
  const steps = Object.keys(SCORED_STEPS) as ScoredStep[];
  const percent = steps.reduce((sum, s) => sum + (done[s] ? SCORED_STEPS[s] : 0), 0);
  return { percent, done, missing: steps.filter((s) => !done[s]) };
}
