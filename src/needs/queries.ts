import { Prisma, type PrismaClient } from '../db/prisma.js';
import { PAGE_SIZE, type CatalogueQuery } from './schemas.js';

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

export interface CataloguePage {
  needs: NeedCard[];
  total: number;
  page: number;
  pages: number;
}

/** Published needs matching the filters: one count, one ranked id query on indexes, one fetch of the page. */
export async function searchCatalogue(prisma: PrismaClient, query: CatalogueQuery): Promise<CataloguePage> {
  const tsq = toPrefixTsQuery(query.q);
  const where = [Prisma.sql`n."status" = 'published'`];
  if (query.sector) where.push(Prisma.sql`n."sectorCode" = ${query.sector}`);
  if (query.region) where.push(Prisma.sql`n."regionCode" = ${query.region}`);
  if (query.mode) where.push(Prisma.sql`n."mode" = ${query.mode}::"MissionMode"`);
  if (tsq) where.push(Prisma.sql`n."search" @@ to_tsquery('jisr', ${tsq})`);
  const condition = Prisma.join(where, ' AND ');

  const [{ total }] = await prisma.$queryRaw<[{ total: number }]>`
    SELECT count(*)::int AS total FROM "Need" n WHERE ${condition}`;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(query.page, pages);
  if (total === 0) return { needs: [], total, page, pages };

  const order = tsq
    ? Prisma.sql`ts_rank(n."search", to_tsquery('jisr', ${tsq})) DESC, n."publishedAt" DESC NULLS LAST, n."id"`
    : Prisma.sql`n."publishedAt" DESC NULLS LAST, n."id"`;
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT n."id" FROM "Need" n WHERE ${condition}
    ORDER BY ${order} LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`;
  const ids = rows.map((r) => r.id);
  const found = await prisma.need.findMany({ where: { id: { in: ids } }, include: cardInclude });
  const byId = new Map(found.map((n) => [n.id, n]));
  return { needs: ids.map((id) => byId.get(id)).filter((n): n is NeedCard => !!n), total, page, pages };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

export function catalogueFilters(prisma: PrismaClient) {
  return Promise.all([
    prisma.sector.findMany({ orderBy: { code: 'asc' } }),
    prisma.region.findMany({ orderBy: { sortOrder: 'asc' } }),
  ]);
}
