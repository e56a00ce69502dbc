import type { PrismaClient } from '../db/prisma.js';
import { localized, type Locale } from '../i18n/i18n.js';
import { toPrefixTsQuery } from '../needs/queries.js';
import { afterCursor, encodeCursor, type Cursor } from './cursor.js';
import type { InstitutionOut, NeedOut, OpportunityOut } from './schemas.js';

/**
 * What the partner API reads. Public facts only, the same the public pages show: published needs, verified
 * institutions, open opportunities. No expert, no staff member, no publisher is ever selected, so no personal
 * data can leave by mistake. Each page is one indexed query with its relations, limit + 1 rows to know if more.
 */
export interface PageArgs { cursor?: Cursor; limit: number; lng: Locale }

const iso = (d: Date) => d.toISOString();
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const named = (r: { code: string } & Record<string, unknown>, lng: Locale) => ({ code: r.code, name: localized(r, 'name', lng) });

function paged<R extends { id: string }, O>(rows: R[], limit: number, at: (r: R) => Date, out: (r: R) => O) {
  const more = rows.length > limit;
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return { data: shown.map(out), next: more && last ? encodeCursor({ at: at(last), id: last.id }) : null };
}

export interface NeedFilters { q?: string; sector?: string; region?: string; mode?: 'on_site' | 'remote' | 'hybrid'; skill?: string; language?: string; from?: string; to?: string }

export async function listNeeds(prisma: PrismaClient, f: NeedFilters, p: PageArgs) {
  // The catalogue's text search (the generated tsvector), as a set of ids: pages stay in publication order so
  // that the cursor holds; relevance ranking is the catalogue's business.
  const tsq = toPrefixTsQuery(f.q);
  const matching = tsq
    ? (await prisma.$queryRaw<{ id: string }[]>`SELECT id FROM "Need" WHERE status = 'published' AND search @@ to_tsquery('jisr', ${tsq})`).map((r) => r.id)
    : undefined;
  const rows = await prisma.need.findMany({
    where: {
      status: 'published', ...(matching ? { id: { in: matching } } : {}), sectorCode: f.sector, regionCode: f.region, mode: f.mode,
      ...(f.skill ? { skills: { some: { skill: { OR: [{ code: f.skill }, { broader: { code: f.skill } }] } } } } : {}),
      ...(f.language ? { languages: { some: { language: f.language } } } : {}),
      ...(f.from ? { windowEnd: { gte: new Date(f.from) } } : {}),
      ...(f.to ? { windowStart: { lte: new Date(f.to) } } : {}),
      ...afterCursor('publishedAt', p.cursor),
    },
    include: needRelations,
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    take: p.limit + 1,
  });
  return paged(rows, p.limit, (r) => r.publishedAt!, (r) => needOut(r, p.lng));
}

export async function findNeed(prisma: PrismaClient, id: string, lng: Locale) {
  const row = await prisma.need.findFirst({ where: { id, status: 'published' }, include: needRelations });
  return row ? needOut(row, lng) : undefined;
}

const needRelations = {
  institution: { select: { id: true, name: true } },
  sector: true,
  region: true,
  skills: { include: { skill: true }, orderBy: [{ requirement: 'asc' as const }, { minLevel: 'desc' as const }] },
  languages: { orderBy: { language: 'asc' as const } },
};
type NeedRow = NonNullable<Awaited<ReturnType<PrismaClient['need']['findFirst']>>> & {
  institution: { id: string; name: string };
  sector: { code: string; nameFr: string; nameAr: string; nameEn: string };
  region: { code: string; nameFr: string; nameAr: string; nameEn: string };
  skills: { minLevel: number; requirement: 'required' | 'desirable'; skill: { code: string; labelFr: string; labelAr: string; labelEn: string } }[];
  languages: { language: string; minLevel: NeedOut['languages'][number]['minLevel'] }[];
};

function needOut(n: NeedRow, lng: Locale): NeedOut {
  const languageName = new Intl.DisplayNames([lng], { type: 'language' });
  return {
    id: n.id, title: n.title, description: n.description,
    institution: n.institution, sector: named(n.sector, lng), region: named(n.region, lng), city: n.city, mode: n.mode,
    window: { start: isoDay(n.windowStart), end: isoDay(n.windowEnd) },
    durationDays: n.durationDays, expertsWanted: n.expertsWanted, audiences: n.audiences, tags: { climate: n.climateTag, gender: n.genderTag },
    skills: n.skills.map((s) => ({ code: s.skill.code, label: localized(s.skill, 'label', lng), minLevel: s.minLevel, requirement: s.requirement })),
    languages: n.languages.map((l) => ({ code: l.language, name: languageName.of(l.language) ?? l.language, minLevel: l.minLevel })),
    publishedAt: iso(n.publishedAt!),
  };
}

export async function listInstitutions(prisma: PrismaClient, f: { region?: string; kind?: string }, p: PageArgs) {
  const rows = await prisma.institution.findMany({
    where: { status: 'verified', regionCode: f.region, ...(f.kind ? { kind: f.kind as never } : {}), ...afterCursor('createdAt', p.cursor) },
    select: { id: true, name: true, nameAr: true, kind: true, countryCode: true, city: true, website: true, verifiedAt: true, createdAt: true, region: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: p.limit + 1,
  });
  return paged(rows, p.limit, (r) => r.createdAt, (r): InstitutionOut => ({
    id: r.id, name: r.name, nameAr: r.nameAr, kind: r.kind, country: r.countryCode, region: r.region ? named(r.region, p.lng) : null, city: r.city, website: r.website,
    verifiedAt: r.verifiedAt ? iso(r.verifiedAt) : null,
  }));
}

export async function listOpportunities(prisma: PrismaClient, f: { sector?: string; region?: string; kind?: 'offer' | 'seek' }, p: PageArgs) {
  const rows = await prisma.investmentOpportunity.findMany({
    where: { status: 'open', sectorCode: f.sector, regionCode: f.region, kind: f.kind, ...afterCursor('createdAt', p.cursor) },
    // Never the publisher: a person. The institution, when there is one, is public.
    include: { sector: true, region: true, institution: { select: { id: true, name: true } } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: p.limit + 1,
  });
  return paged(rows, p.limit, (r) => r.createdAt, (r): OpportunityOut => ({
    id: r.id, title: r.title, description: r.description, kind: r.kind, sector: named(r.sector, p.lng), region: named(r.region, p.lng), city: r.city,
    ticket: { min: r.ticketMin.toFixed(2), max: r.ticketMax.toFixed(2), currency: r.currency }, institution: r.institution, createdAt: iso(r.createdAt),
  }));
}
