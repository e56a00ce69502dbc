import { Prisma, type PrismaClient } from '../db/prisma.js';
import { cachedPerClient } from '../lib/per-client.js';
import { effectiveSort, PAGE_SIZE, type CatalogueQuery, type CatalogueSort } from './schemas.js';
import type { SkillFilter } from './skill-filter.js';
import { UUID_PATTERN as UUID } from '../lib/uuid.js';

/** Statuses anyone may see: a need becomes public when an officer publishes it. */
export const PUBLIC_NEED_STATUSES = ['published', 'filled', 'closed'] as const;

/**
 * Turns free text into a prefix tsquery ("irrig goutte" → 'irrig:* & goutte:*'). Only letters and digits of any
 * script survive, so the text can never inject tsquery syntax; accents are folded by the `jisr` configuration.
 */
export function toPrefixTsQuery(text: string | undefined): string | undefined {
  if (!text) return undefined;
  // One-letter tokens ("à", "l") would match nearly every word as a prefix.
  const tokens = (text.match(/[\p{L}\p{N}]+/gu) ?? []).filter((t) => t.length > 1).slice(0, 8);
  return tokens.length ? tokens.map((t) => `${t}:*`).join(' & ') : undefined;
}

export const cardInclude = {
  institution: { select: { id: true, name: true, nameAr: true, kind: true } },
  region: true,
  sector: true,
  skills: { include: { skill: true }, orderBy: { requirement: 'asc' } },
} satisfies Prisma.NeedInclude;

export type NeedCard = Prisma.NeedGetPayload<{ include: typeof cardInclude }>;

/** What a need card shows (views/partials/need-card.ejs), read for a whole page in one query. */
export interface CatalogueCard {
  id: string;
  title: string;
  mode: NeedCard['mode'];
  durationDays: number;
  windowStart: Date;
  windowEnd: Date;
  audiences: string[];
  climateTag: boolean;
  genderTag: boolean;
  institution: Pick<NeedCard['institution'], 'id' | 'name' | 'nameAr' | 'kind'>;
  region: { code: string; nameFr: string; nameAr: string; nameEn: string };
  sector: { code: string; nameFr: string; nameAr: string; nameEn: string };
  skills: { requirement: string; minLevel: number; skill: { code: string; labelFr: string; labelAr: string; labelEn: string } }[];
}

export interface CataloguePage {
  needs: CatalogueCard[];
  total: number;
  page: number;
  pages: number;
}

/** UTC calendar day, as the DATE columns hold it. */
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

function orderBy(sort: CatalogueSort, tsq: string | undefined, today: string): Prisma.Sql {
  switch (sort) {
    case 'relevance':
      return tsq
        ? Prisma.sql`ts_rank(n."search", to_tsquery('jisr', ${tsq})) DESC, n."publishedAt" DESC NULLS LAST, n."id"`
        : Prisma.sql`n."publishedAt" DESC NULLS LAST, n."id"`;
    // Open windows first; among them the earliest day a mission could start (today for a window already open).
    case 'start':
      return Prisma.sql`(n."windowEnd" < ${today}::date), GREATEST(n."windowStart", ${today}::date), n."windowEnd", n."id"`;
    // Open windows ending soonest first; windows already over go last.
    case 'closing':
      return Prisma.sql`(n."windowEnd" < ${today}::date), n."windowEnd", n."id"`;
    default:
      return Prisma.sql`n."publishedAt" DESC NULLS LAST, n."id"`;
  }
}

/**
 * Published needs matching the filters, a page at a time: one ordered id query that also counts the matches, on
 * indexes where they are selective (GIN for the text, the partial index of published needs, NeedSkill and
 * NeedLanguage by value), then one fetch of the page's cards. The number of queries never depends on the number
 * of needs.
 */
export async function searchCatalogue(
  prisma: PrismaClient,
  query: CatalogueQuery,
  options: { skill?: SkillFilter; today?: Date } = {},
): Promise<CataloguePage> {
  const tsq = toPrefixTsQuery(query.q);
  const where = [Prisma.sql`n."status" = 'published'`];
  if (query.sector) where.push(Prisma.sql`n."sectorCode" = ${query.sector}`);
  if (query.region) where.push(Prisma.sql`n."regionCode" = ${query.region}`);
  if (query.mode) where.push(Prisma.sql`n."mode" = ${query.mode}::"MissionMode"`);
  // containment, so that the GIN index on audiences serves it
  if (query.audience) where.push(Prisma.sql`n."audiences" @> ARRAY[${query.audience}::"ExpertKind"]`);
  if (query.climate) where.push(Prisma.sql`n."climateTag"`);
  if (query.gender) where.push(Prisma.sql`n."genderTag"`);
  if (tsq) where.push(Prisma.sql`n."search" @@ to_tsquery('jisr', ${tsq})`);
  if (options.skill) {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "NeedSkill" ns WHERE ns."needId" = n."id" AND ns."skillId" = ANY(${options.skill.ids}::int[]))`);
  }
  if (query.language) {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "NeedLanguage" nl WHERE nl."needId" = n."id" AND nl."language" = ${query.language})`);
  }
  // Windows overlapping the asked range: ending on or after its first day, starting on or before its last.
  if (query.from) where.push(Prisma.sql`n."windowEnd" >= ${query.from}::date`);
  if (query.to) where.push(Prisma.sql`n."windowStart" <= ${query.to}::date`);
  const condition = Prisma.join(where, ' AND ');

  const order = orderBy(effectiveSort(query, !!tsq), tsq, dayOf(options.today ?? new Date()));
  // The page and the number of matches in one pass over the matching rows (the text match is not computed twice).
  const pageRows = (page: number) => prisma.$queryRaw<{ id: string; total: number }[]>`
    SELECT n."id", (count(*) OVER ())::int AS total FROM "Need" n WHERE ${condition}
    ORDER BY ${order} LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`;
  let rows = await pageRows(query.page);
  let total = rows[0]?.total ?? 0;
  let page = query.page;
  if (!rows.length && page > 1) {
    // Past the last page (a stale link, a clamped number): count, then show the last page instead.
    const [counted] = await prisma.$queryRaw<[{ total: number }]>`SELECT count(*)::int AS total FROM "Need" n WHERE ${condition}`;
    total = counted.total;
    page = Math.max(1, Math.ceil(total / PAGE_SIZE));
    rows = total ? await pageRows(page) : [];
  }
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (total === 0) return { needs: [], total, page: 1, pages };
  return { needs: await catalogueCards(prisma, rows.map((r) => r.id)), total, page, pages };
}

/** The cards of a page, in the given order: the need with its institution, region, sector and skills, one query. */
export function catalogueCards(prisma: PrismaClient, ids: string[]): Promise<CatalogueCard[]> {
  const names = (t: string) => Prisma.sql`json_build_object('code', ${Prisma.raw(t)}.code, 'nameFr', ${Prisma.raw(t)}."nameFr", 'nameAr', ${Prisma.raw(t)}."nameAr", 'nameEn', ${Prisma.raw(t)}."nameEn")`;
  return prisma.$queryRaw<CatalogueCard[]>`
    SELECT n."id", n."title", n."mode"::text AS "mode", n."durationDays", n."windowStart", n."windowEnd",
      n."audiences"::text[] AS "audiences", n."climateTag", n."genderTag",
      json_build_object('id', i."id", 'name', i."name", 'nameAr', i."nameAr", 'kind', i."kind") AS "institution",
      ${names('r')} AS "region", ${names('s')} AS "sector",
      coalesce((SELECT json_agg(json_build_object('requirement', ns."requirement", 'minLevel', ns."minLevel",
                  'skill', json_build_object('code', k."code", 'labelFr', k."labelFr", 'labelAr', k."labelAr", 'labelEn', k."labelEn"))
                ORDER BY ns."requirement", k."id")
                FROM "NeedSkill" ns JOIN "Skill" k ON k."id" = ns."skillId" WHERE ns."needId" = n."id"), '[]') AS "skills"
    FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS p("id", "ord")
    JOIN "Need" n ON n."id" = p."id" JOIN "Institution" i ON i."id" = n."institutionId"
    JOIN "Region" r ON r."code" = n."regionCode" JOIN "Sector" s ON s."code" = n."sectorCode"
    ORDER BY p."ord"`;
}


/** A need anyone may read, with what an expert needs to decide; undefined when absent or not public. */
export async function findPublicNeed(prisma: PrismaClient, id: string) {
  if (!UUID.test(id)) return undefined;
  const need = await prisma.need.findFirst({
    where: { id, status: { in: [...PUBLIC_NEED_STATUSES] } },
    include: {
      institution: { include: { region: true } },
      region: true,
      sector: true,
      skills: { include: { skill: { include: { broader: true } } }, orderBy: [{ requirement: 'asc' }, { minLevel: 'desc' }] },
      languages: true,
      _count: { select: { candidacies: true } },
    },
  });
  return need ?? undefined;
}

type Filters = Awaited<ReturnType<typeof loadFilters>>;

function loadFilters(prisma: PrismaClient) {
  return Promise.all([
    prisma.sector.findMany({ orderBy: { code: 'asc' } }),
    prisma.region.findMany({ orderBy: { sortOrder: 'asc' } }),
  ]);
}

/** Sectors and regions are reference data, loaded at start-up and never edited: read once per database client. */
export const catalogueFilters: (prisma: PrismaClient) => Promise<Filters> = cachedPerClient(loadFilters);
