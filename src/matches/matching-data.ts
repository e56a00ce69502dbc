import { policy, type Actor } from '../auth/policy.js';
import type { Prisma, PrismaClient } from '../db/prisma.js';
import type { CandidacyStatus } from '../generated/prisma/enums.js';
import { buildSkillGraph, DEFAULT_WEIGHTS, neighbourhood, weightsFromRow } from '../matching/index.js';
import type { MatchExpert, MatchNeed, RankContext, SkillGraph, Weights } from '../matching/index.js';

/**
 * The matcher's data access: rows from PostgreSQL turned into the pure module's shapes. Candidates come from the
 * index on ExpertSkill(skillId, level) — only experts holding a wanted skill or one of its neighbours are read —
 * so the cost follows the candidates, not the population.
 */
const BUSY = ['approved', 'briefed', 'in_progress'] as const;

let graphCache: { graph: SkillGraph; labels: Map<number, { labelFr: string; labelAr: string; labelEn: string }> } | undefined;

/** Drops the cached taxonomy: the next use reloads it. Called when an admin changes the skills (LISTEN/NOTIFY). */
export function forgetSkillTaxonomy(): void {
  graphCache = undefined;
}

/** The taxonomy is reference data: read once per process, and again after an announced change (src/taxonomy). */
export async function skillTaxonomy(prisma: PrismaClient) {
  if (!graphCache) {
    const skills = await prisma.skill.findMany({ select: { id: true, broaderId: true, labelFr: true, labelAr: true, labelEn: true } });
    graphCache = { graph: buildSkillGraph(skills), labels: new Map(skills.map((s) => [s.id, s])) };
  }
  return graphCache;
}

export async function currentWeights(prisma: PrismaClient): Promise<Weights> {
  const row = await prisma.matcherWeights.findFirst({ orderBy: { version: 'desc' } });
  return row ? weightsFromRow(row) : { ...DEFAULT_WEIGHTS };
}

/** Active partner countries: a South–South expert reaches South–South needs with one of these nationalities. */
export async function partnerCountryCodes(prisma: PrismaClient): Promise<string[]> {
  return (await prisma.partnerCountry.findMany({ where: { active: true }, select: { code: true } })).map((c) => c.code);
}

export async function rankContext(prisma: PrismaClient, now = new Date()): Promise<RankContext> {
  const [{ graph }, weights, partnerCountries] = await Promise.all([skillTaxonomy(prisma), currentWeights(prisma), partnerCountryCodes(prisma)]);
  return { graph, weights, now, partnerCountries };
}

const needSelect = {
  id: true, sectorCode: true, regionCode: true, mode: true, windowStart: true, windowEnd: true, durationDays: true, expertsWanted: true, audiences: true, communeCode: true,
  skills: { select: { skillId: true, minLevel: true, requirement: true } },
  languages: { select: { language: true, minLevel: true } },
} satisfies Prisma.NeedSelect;

export const toMatchNeed = (n: Prisma.NeedGetPayload<{ select: typeof needSelect }>): MatchNeed => n;

export async function loadMatchNeeds(prisma: PrismaClient, where: Prisma.NeedWhereInput): Promise<MatchNeed[]> {
  return (await prisma.need.findMany({ where, select: needSelect, orderBy: { id: 'asc' } })).map(toMatchNeed);
}

const expertInclude = (today: Date) =>
  ({
    user: { select: { status: true, consents: { where: { withdrawnAt: null }, select: { id: true } } } },
    skills: { select: { skillId: true, level: true } },
    languages: { select: { language: true, level: true } },
    availabilities: { where: { endsOn: { gte: today } }, select: { startsOn: true, endsOn: true } },
    missions: { where: { OR: [{ status: { in: [...BUSY] } }, { report: { rating: { not: null } } }] }, select: { id: true, status: true, startsOn: true, endsOn: true, report: { select: { rating: true } } } },
  }) satisfies Prisma.ExpertProfileInclude;

type ExpertRow = Prisma.ExpertProfileGetPayload<{ include: ReturnType<typeof expertInclude> }>;

/** The matcher's expert, and its account (what the visibility rule needs to know). */
export type LoadedExpert = MatchExpert & { userId: string };

export function toMatchExpert(e: ExpertRow): LoadedExpert {
  const ratings = e.missions.map((m) => m.report?.rating).filter((r): r is number => typeof r === 'number');
  return {
    id: e.id, userId: e.userId, active: e.user.status === 'active', consented: e.user.consents.length > 0, matchable: e.matchable, visibility: e.visibility,
    kind: e.kind, nationalities: e.nationalities, originCommuneCode: e.originCommuneCode,
    sectors: e.sectors, yearsExperience: e.yearsExperience, originRegionCode: e.originRegionCode, missionModes: e.missionModes,
    preferredRegions: e.preferredRegions, maxMissionDays: e.maxMissionDays, staleSince: e.staleSince, lastActiveAt: e.lastActiveAt,
    skills: e.skills, languages: e.languages, availability: e.availabilities,
    busy: e.missions.filter((m) => (BUSY as readonly string[]).includes(m.status)).map((m) => ({ startsOn: m.startsOn, endsOn: m.endsOn, missionId: m.id })),
    evaluations: ratings.length ? { count: ratings.length, averageRating: ratings.reduce((a, b) => a + b, 0) / ratings.length } : null,
  };
}

/** Experts holding at least one of the need's skills or a broader/narrower neighbour of one (the retrieval step). */
export async function candidatesFor(prisma: PrismaClient, needs: readonly MatchNeed[], graph: SkillGraph, today: Date): Promise<Map<string, LoadedExpert>> {
  const skillIds = new Set<number>();
  for (const need of needs) for (const s of need.skills) if (s.requirement === 'required') for (const id of neighbourhood(graph, s.skillId)) skillIds.add(id);
  if (!skillIds.size) return new Map();
  const rows = await prisma.expertProfile.findMany({
    where: { skills: { some: { skillId: { in: [...skillIds] } } } },
    include: expertInclude(today),
  });
  return new Map(rows.map((r) => [r.id, toMatchExpert(r)]));
}

/**
 * The candidates a viewer may see, by the very rule of /experts/:id (policy.seeExpertProfile): a ranked row never
 * names an expert whose profile page would answer 404 to the same viewer.
 */
export async function visibleCandidates(prisma: PrismaClient, actor: Actor, candidates: Map<string, LoadedExpert>): Promise<LoadedExpert[]> {
  const institutionIds = actor.memberships.filter((m) => m.status === 'active').map((m) => m.institutionId);
  const theirs = institutionIds.length && candidates.size
    ? await prisma.candidacy.findMany({
      where: { expertId: { in: [...candidates.keys()] }, need: { institutionId: { in: institutionIds } } },
      select: { expertId: true, status: true, need: { select: { institutionId: true } } },
    })
    : [];
  const candidacies = new Map<string, { institutionId: string; status: CandidacyStatus }[]>();
  for (const c of theirs) candidacies.set(c.expertId, [...(candidacies.get(c.expertId) ?? []), { institutionId: c.need.institutionId, status: c.status }]);
  return [...candidates.values()].filter((e) =>
    policy.seeExpertProfile(actor, { userId: e.userId, visibility: e.visibility, matchable: e.matchable, candidacies: candidacies.get(e.id) }));
}

export async function loadMatchExpert(prisma: PrismaClient, where: Prisma.ExpertProfileWhereUniqueInput, today: Date) {
  const row = await prisma.expertProfile.findUnique({ where, include: expertInclude(today) });
  return row ? toMatchExpert(row) : undefined;
}

/** Published needs asking for one of the expert's skills or a neighbour of it. */
export async function needsForExpert(prisma: PrismaClient, expert: MatchExpert, graph: SkillGraph): Promise<MatchNeed[]> {
  const skillIds = new Set<number>();
  for (const s of expert.skills) for (const id of neighbourhood(graph, s.skillId)) skillIds.add(id);
  if (!skillIds.size) return [];
  // Needs not open to the expert's kind would only be excluded by the audience filter: not read at all.
  return loadMatchNeeds(prisma, { status: 'published', audiences: { has: expert.kind ?? 'diaspora' }, skills: { some: { skillId: { in: [...skillIds] }, requirement: 'required' } } });
}
