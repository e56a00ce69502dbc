import { Prisma, type PrismaClient } from '../db/prisma.js';
import { catalogueCards } from '../needs/queries.js';
import { INSTITUTIONS_PAGE_SIZE, type InstitutionListQuery } from './schemas.js';
import { UUID_PATTERN as UUID } from '../lib/uuid.js';

/** Missions whose work is done, whatever paperwork follows (the same set as the home page's figure). */
const PAST_MISSION_STATUSES = ['completed', 'reported', 'evaluated', 'followed_up'] as const;
const NEEDS_SHOWN = 12;
const MISSIONS_SHOWN = 10;

/** Verified institutions, a page at a time, each with the number of its published needs (one query, no N+1). */
export async function listInstitutions(prisma: PrismaClient, query: InstitutionListQuery) {
  const where: Prisma.InstitutionWhereInput = {
    status: 'verified',
    ...(query.region ? { regionCode: query.region } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
  };
  const total = await prisma.institution.count({ where });
  const pages = Math.max(1, Math.ceil(total / INSTITUTIONS_PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const institutions = await prisma.institution.findMany({
    where,
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    skip: (page - 1) * INSTITUTIONS_PAGE_SIZE,
    take: INSTITUTIONS_PAGE_SIZE,
    select: {
      id: true, name: true, nameAr: true, kind: true, city: true, region: true, countryCode: true,
      _count: { select: { needs: { where: { status: 'published' } } } },
    },
  });
  return { institutions, total, page, pages };
}

/** An institution by id (any status: the route asks the policy who may see it); undefined when absent. */
export async function findInstitution(prisma: PrismaClient, id: string) {
  if (!UUID.test(id)) return undefined;
  return (await prisma.institution.findUnique({ where: { id }, include: { region: true } })) ?? undefined;
}

export type InstitutionRecord = NonNullable<Awaited<ReturnType<typeof findInstitution>>>;

export interface ResponseFigures {
  /** applications received (invitations excluded: the institution made those itself) */
  applications: number;
  /** applications the institution answered (respondedAt set) */
  answered: number;
  /** answered / applications, or null without any application */
  rate: number | null;
  /** median days between an application and the institution's first answer, or null */
  medianDays: number | null;
}

/**
 * How the institution answers experts, the figure that keeps a skills portal alive. An invitation is stamped as
 * answered when it is made, so counting invitations would flatter the institution: they are left out (a candidacy
 * whose first event is an invitation).
 */
export async function responseFigures(prisma: PrismaClient, institutionId: string): Promise<ResponseFigures> {
  const [row] = await prisma.$queryRaw<[{ applications: number; answered: number; medianDays: number | null }]>`
    SELECT count(*)::int AS applications,
           count(c."respondedAt")::int AS answered,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c."respondedAt" - c."createdAt") / 86400)
             FILTER (WHERE c."respondedAt" IS NOT NULL) AS "medianDays"
    FROM "Candidacy" c JOIN "Need" n ON n."id" = c."needId"
    WHERE n."institutionId" = ${institutionId}::uuid
      AND NOT EXISTS (SELECT 1 FROM "CandidacyEvent" e
                      WHERE e."candidacyId" = c."id" AND e."fromStatus" IS NULL AND e."toStatus" = 'invited')`;
  const { applications, answered } = row;
  const medianDays = row.medianDays === null ? null : Number(row.medianDays);
  return { applications, answered, rate: applications ? answered / applications : null, medianDays };
}

/** What the institution's page shows besides its card: its published needs and its past missions, anonymous. */
export async function institutionActivity(prisma: PrismaClient, institutionId: string) {
  const pastWhere = { need: { institutionId }, status: { in: [...PAST_MISSION_STATUSES] } } satisfies Prisma.MissionWhereInput;
  const [needs, publishedCount, missions, missionCount, figures] = await Promise.all([
    prisma.need
      .findMany({ where: { institutionId, status: 'published' }, select: { id: true }, orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }], take: NEEDS_SHOWN })
      .then((rows) => catalogueCards(prisma, rows.map((r) => r.id))),
    prisma.need.count({ where: { institutionId, status: 'published' } }),
    // Data minimisation: the mission's need, dates and status, never who the expert was.
    prisma.mission.findMany({
      where: pastWhere,
      select: { id: true, startsOn: true, endsOn: true, status: true, need: { select: { id: true, title: true, status: true, sector: true } } },
      orderBy: [{ startsOn: 'desc' }, { id: 'asc' }],
      take: MISSIONS_SHOWN,
    }),
    prisma.mission.count({ where: pastWhere }),
    responseFigures(prisma, institutionId),
  ]);
  return { needs, publishedCount, missions, missionCount, figures };
}

/** The members page of an institution administrator: requests waiting first, then the team. */
export async function institutionMembers(prisma: PrismaClient, institutionId: string) {
  const members = await prisma.institutionMember.findMany({
    where: { institutionId, status: { in: ['pending', 'active'] } },
    select: {
      id: true, role: true, status: true, jobTitle: true, createdAt: true,
      user: { select: { displayName: true, email: true } },
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return { pending: members.filter((m) => m.status === 'pending'), active: members.filter((m) => m.status === 'active') };
}
