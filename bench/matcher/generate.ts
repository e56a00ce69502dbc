/**
 * Deterministic data for the matcher benchmark: experts and needs over the real 414-skill taxonomy, with a skewed
 * (Zipf, exponent 1) skill popularity over a seeded shuffle of the skills, and sector clustering (an expert's and a
 * need's skills mostly come from one sector, as in real profiles). Same seed, same data.
 */
import { Rng } from '../../src/demo/random.js';
import { REGIONS } from '../../src/reference/data/regions.js';
import { SKILLS } from '../../src/reference/data/skills.js';
import type { Cefr, MatchExpert, MatchNeed, MissionMode } from '../../src/matching/types.js';

export const TODAY = new Date('2026-06-01T00:00:00Z');
const DAY = 86_400_000;
const day = (offset: number) => new Date(TODAY.getTime() + offset * DAY);
const REGION_CODES = REGIONS.map((r) => r.code);

/** Cumulative weights, sampled by binary search. */
class Sampler {
  private readonly cumulative: Float64Array;
  constructor(private readonly items: readonly number[], weights: readonly number[]) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    weights.forEach((w, i) => (this.cumulative[i] = sum += w));
  }

  pick(rng: Rng): number {
    const c = this.cumulative;
    const r = rng.next() * c[c.length - 1]!;
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (c[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

export interface BenchData {
  experts: MatchExpert[];
  needs: MatchNeed[];
  /** Skill ids are 1..414 in file order (as a fresh database numbers them). */
  popularity: Float64Array;
}

export function generate(seed: number, expertCount: number, needCount: number): BenchData {
  const rng = new Rng(seed);
  const ids = SKILLS.map((_, i) => i + 1);
  const sectorOf = new Map(SKILLS.map((s, i) => [i + 1, s.sector]));
  // Zipf over a shuffled order: the k-th most popular skill weighs 1/k.
  const order = rng.shuffle(ids);
  const popularity = new Float64Array(ids.length + 1);
  order.forEach((id, k) => (popularity[id] = 1 / (k + 1)));
  const global = new Sampler(ids, ids.map((id) => popularity[id]!));
  const bySector = new Map<string, Sampler>();
  for (const sector of new Set(SKILLS.map((s) => s.sector))) {
    const own = ids.filter((id) => sectorOf.get(id) === sector);
    bySector.set(sector, new Sampler(own, own.map((id) => popularity[id]!)));
  }
  const skillSet = (count: number, sameSector: number): number[] => {
    const first = global.pick(rng);
    const set = new Set([first]);
    const sector = bySector.get(sectorOf.get(first)!)!;
    for (let tries = 0; set.size < count && tries < 100; tries++) set.add(rng.chance(sameSector) ? sector.pick(rng) : global.pick(rng));
    return [...set];
  };
  const level = () => rng.weightedKey({ 1: 1, 2: 3, 3: 6, 4: 3 } as Record<number, number>);

  const experts: MatchExpert[] = [];
  for (let i = 0; i < expertCount; i++) {
    const skills = skillSet(rng.int(6, 10), 0.75).map((skillId) => ({ skillId, level: Number(level()) }));
    const sorted = [...skills].sort((a, b) => a.skillId - b.skillId);
    const sectors = [...new Set(skills.slice(0, 3).map((s) => sectorOf.get(s.skillId)!))].slice(0, 2);
    const modes = (['on_site', 'remote', 'hybrid'] as const).filter((_, k) => rng.chance([0.8, 0.55, 0.5][k]!));
    const windows = [];
    let offset = rng.int(0, 60);
    for (let w = rng.int(1, 3); w > 0 && offset < 360; w--) {
      const len = rng.int(14, 90);
      windows.push({ startsOn: day(offset), endsOn: day(offset + len - 1) });
      offset += len + rng.int(7, 90);
    }
    const stale = rng.chance(0.1);
    const ratings = rng.chance(0.2) ? Array.from({ length: rng.int(1, 4) }, () => rng.int(2, 5)) : [];
    experts.push({
      id: rng.uuid(),
      active: rng.chance(0.98), consented: rng.chance(0.98), matchable: rng.chance(0.95),
      visibility: rng.chance(0.05) ? 'private' : rng.chance(0.2) ? 'public' : 'institutions',
      sectors, yearsExperience: rng.int(2, 35),
      originRegionCode: rng.chance(0.8) ? rng.pick(REGION_CODES) : null,
      missionModes: modes.length ? modes : ['remote'],
      preferredRegions: rng.chance(0.4) ? [] : rng.sample(REGION_CODES, rng.int(1, 4)),
      maxMissionDays: rng.chance(0.5) ? null : rng.int(7, 45),
      staleSince: stale ? day(-rng.int(1, 200)) : null,
      lastActiveAt: day(-(stale ? rng.int(200, 500) : rng.int(0, 200))),
      skills: sorted,
      languages: [
        { language: 'fr', level: rng.pick<Cefr>(['B1', 'B2', 'C1', 'C2', 'native']) },
        { language: 'ar', level: rng.pick<Cefr>(['A2', 'B1', 'B2', 'C1', 'native']) },
        ...(rng.chance(0.7) ? [{ language: 'en', level: rng.pick<Cefr>(['B1', 'B2', 'C1', 'C2']) }] : []),
      ],
      availability: rng.chance(0.95) ? windows : [],
      busy: rng.chance(0.03) ? [{ startsOn: day(rng.int(0, 300)), endsOn: day(rng.int(300, 330)) }] : [],
      evaluations: ratings.length ? { count: ratings.length, averageRating: ratings.reduce((a, b) => a + b, 0) / ratings.length } : null,
    });
  }

  const needs: MatchNeed[] = [];
  for (let i = 0; i < needCount; i++) {
    const skillIds = skillSet(rng.int(3, 6), 0.85);
    const required = Math.min(skillIds.length, 1 + (rng.chance(0.5) ? 1 : 0) + (rng.chance(0.2) ? 1 : 0));
    const start = rng.int(14, 300);
    const length = rng.int(30, 120);
    const mode = rng.weightedKey<MissionMode>({ on_site: 50, hybrid: 25, remote: 25 });
    needs.push({
      id: rng.uuid(),
      sectorCode: sectorOf.get(skillIds[0]!)!, regionCode: rng.pick(REGION_CODES), mode,
      windowStart: day(start), windowEnd: day(start + length - 1), durationDays: rng.int(5, 30),
      expertsWanted: rng.weightedKey({ 1: 70, 2: 20, 3: 10 } as Record<number, number>) ,
      skills: skillIds.map((skillId, k) => ({
        skillId, minLevel: Number(rng.weightedKey({ 1: 1, 2: 3, 3: 5, 4: 2 } as Record<number, number>)),
        requirement: k < required ? ('required' as const) : ('desirable' as const),
      })).sort((a, b) => a.skillId - b.skillId),
      languages: [
        ...(rng.chance(0.6) ? [{ language: 'fr', minLevel: 'B2' as const }] : []),
        ...(rng.chance(0.2) ? [{ language: 'ar', minLevel: 'B1' as const }] : []),
      ],
    });
  }
  for (const n of needs) n.expertsWanted = Number(n.expertsWanted);
  return { experts, needs, popularity };
}
