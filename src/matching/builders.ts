/**
 * Plain builders with sensible defaults, for tests and benchmarks of the matcher and of the pages built on it:
 * `makeExpert({ ... })`, `makeNeed({ ... })`, and the shipped taxonomy as a graph with ids 1..n in file order.
 */
import { SKILLS, type SkillDef } from '../reference/data/skills.js';
import { buildSkillGraph } from './skill-graph.js';
import type { MatchExpert, MatchNeed, SkillGraph } from './types.js';

export function makeExpert(overrides: Partial<MatchExpert> & { id: string }): MatchExpert {
  return {
    active: true, consented: true, matchable: true, visibility: 'institutions', sectors: [], yearsExperience: 10,
    originRegionCode: null, missionModes: ['on_site', 'remote', 'hybrid'], preferredRegions: [], maxMissionDays: null,
    staleSince: null, lastActiveAt: new Date('2026-01-01T00:00:00Z'), skills: [], languages: [],
    availability: [{ startsOn: new Date('2026-01-01T00:00:00Z'), endsOn: new Date('2026-12-31T00:00:00Z') }],
    busy: [], evaluations: null,
    ...overrides,
  };
}

export function makeNeed(overrides: Partial<MatchNeed> & { id: string }): MatchNeed {
  return {
    sectorCode: 'agriculture', regionCode: 'SM', mode: 'on_site', windowStart: new Date('2026-03-01T00:00:00Z'),
    windowEnd: new Date('2026-03-31T00:00:00Z'), durationDays: 10, expertsWanted: 1, skills: [], languages: [],
    ...overrides,
  };
}

/** The taxonomy with ids 1..n in file order (as a fresh database numbers them): id by code, and the graph. */
export function taxonomy(skills: readonly SkillDef[] = SKILLS): { idOf(code: string): number; graph: SkillGraph; ids: number[] } {
  const ids = new Map(skills.map((s, i) => [s.code, i + 1]));
  const idOf = (code: string) => {
    const id = ids.get(code);
    if (id === undefined) throw new Error(`unknown skill ${code}`);
    return id;
  };
  const graph = buildSkillGraph(skills.map((s) => ({ id: idOf(s.code), broaderId: s.broader ? idOf(s.broader) : null })));
  return { idOf, graph, ids: [...ids.values()] };
}
