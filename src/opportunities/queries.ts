import { Prisma, type PrismaClient } from '../db/prisma.js';
import { toPrefixTsQuery } from '../needs/queries.js';
import { UUID } from '../investments/db.js';
import type { OpportunityQuery } from './schemas.js';

export const OPPORTUNITY_PAGE_SIZE = 12;

/** What ranks opportunities for a signed-in user: their region of origin and the sectors they care about. */
export interface Affinity {
  originRegion?: string;
  sectors: string[];
}

/** The profile's region of origin and sectors, plus the sectors of the user's own projects (codes shared with the track). */
export async function affinityOf(prisma: PrismaClient, userId: string): Promise<Affinity> {
  const [profile, projects] = await Promise.all([
    prisma.expertProfile.findUnique({ where: { userId }, select: { originRegionCode: true, sectors: true } }),
    prisma.investmentProject.findMany({ where: { ownerId: userId }, select: { sectorCode: true }, distinct: ['sectorCode'], take: 20 }),
  ]);
  return { originRegion: profile?.originRegionCode ?? undefined, sectors: [...new Set([...(profile?.sectors ?? []), ...projects.map((p) => p.sectorCode)])] };
}

export interface OpportunityCard {
  id: string;
  title: string;
  description: string;
  kind: 'offer' | 'seek';
  sectorCode: string;
  regionCode: string;
  city: string | null;
  ticketMin: string;
  ticketMax: string;
  createdAt: Date;
  institutionName: string | null;
  region: { code: string; nameFr: string; nameAr: string; nameEn: string };
  inOrigin: boolean;
  inSectors: boolean;
  interests: number;
}

/**
 * Open opportunities matching the search (accent-insensitive, the same `jisr` text search as the needs catalogue)
 * and filters, a page at a time. For a signed-in user, those in their region of origin come first, then those in
 * their sectors, each with the reason shown on the card. One ordered query with the count, on indexed columns.
 */
export async function searchOpportunities(prisma: PrismaClient, q: OpportunityQuery, affinity: Affinity | undefined) {
  const tsq = toPrefixTsQuery(q.q);
  const where = [Prisma.sql`o."status" = 'open'`];
  if (q.sector) where.push(Prisma.sql`o."sectorCode" = ${q.sector}`);
  if (q.region) where.push(Prisma.sql`o."regionCode" = ${q.region}`);
  if (q.kind) where.push(Prisma.sql`o."kind" = ${q.kind}::"OpportunityKind"`);
  if (tsq) where.push(Prisma.sql`o."search" @@ to_tsquery('jisr', ${tsq})`);
  const origin = affinity?.originRegion ?? '';
  const sectors = affinity?.sectors ?? [];
  const rows = await prisma.$queryRaw<(OpportunityCard & { total: number })[]>`
    SELECT o."id", o."title", o."description", o."kind"::text AS "kind", o."sectorCode", o."regionCode", o."city",
      o."ticketMin"::text AS "ticketMin", o."ticketMax"::text AS "ticketMax", o."createdAt", i."name" AS "institutionName",
      json_build_object('code', r."code", 'nameFr', r."nameFr", 'nameAr', r."nameAr", 'nameEn', r."nameEn") AS "region",
      (o."regionCode" = ${origin}) AS "inOrigin", (o."sectorCode" = ANY(${sectors}::text[])) AS "inSectors",
      (SELECT count(*)::int FROM "InvestmentInterest" x WHERE x."opportunityId" = o."id") AS "interests",
      (count(*) OVER ())::int AS "total"
    FROM "InvestmentOpportunity" o JOIN "Region" r ON r."code" = o."regionCode" LEFT JOIN "Institution" i ON i."id" = o."institutionId"
    WHERE ${Prisma.join(where, ' AND ')}
    ORDER BY (o."regionCode" = ${origin}) DESC, (o."sectorCode" = ANY(${sectors}::text[])) DESC,
      ${tsq ? Prisma.sql`ts_rank(o."search", to_tsquery('jisr', ${tsq})) DESC,` : Prisma.empty} o."createdAt" DESC, o."id"
    LIMIT ${OPPORTUNITY_PAGE_SIZE} OFFSET ${(q.page - 1) * OPPORTUNITY_PAGE_SIZE}`;
  const total = rows[0]?.total ?? 0;
  return { cards: rows, total, page: q.page, pages: Math.max(1, Math.ceil(total / OPPORTUNITY_PAGE_SIZE)) };
}

export async function loadOpportunity(prisma: PrismaClient, id: string) {
  if (!UUID.test(id)) return undefined;
  return (await prisma.investmentOpportunity.findUnique({
    where: { id },
    include: { region: true, institution: { select: { id: true, name: true, nameAr: true } }, publisher: { select: { displayName: true } } },
  })) ?? undefined;
}

/** The interests of one opportunity, for those who manage it (checked by the route). */
export function interestsOf(prisma: PrismaClient, opportunityId: string) {
  return prisma.investmentInterest.findMany({
    where: { opportunityId }, orderBy: { createdAt: 'asc' },
    include: { user: { select: { displayName: true, email: true, expertProfile: { select: { countryOfResidence: true, originRegionCode: true } } } } },
  });
}
