import { Prisma, type PrismaClient } from '../db/prisma.js';
import type { ReportFilter } from './filters.js';
import { expertWhere } from './sql.js';

export type Counts = Map<string, number>;

/**
 * A profile is complete when every step of the completeness meter is done (src/experts/completeness.ts,
 * stepsDone): the same rules in SQL, so 100,000 profiles are counted without loading one. Keep both in step.
 */
const complete = (today: Date) => Prisma.sql`(
  btrim(e."firstName") <> '' AND btrim(e."lastName") <> '' AND coalesce(btrim(e.phone), '') <> ''
  AND coalesce(btrim(e."countryOfResidence"), '') <> '' AND coalesce(btrim(e."cityOfResidence"), '') <> '' AND cardinality(e.nationalities) > 0
  AND (e.kind <> 'diaspora' OR coalesce(btrim(e."originRegionCode"), '') <> '')
  AND coalesce(btrim(e.headline), '') <> '' AND coalesce(btrim(e.bio), '') <> '' AND e."yearsExperience" IS NOT NULL
  AND (coalesce(btrim(e.employer), '') <> '' OR coalesce(btrim(e.position), '') <> '') AND cardinality(e.sectors) > 0
  AND cardinality(e."missionModes") > 0 AND e."maxMissionDays" IS NOT NULL
  AND (NOT (e."missionModes" && ARRAY['on_site', 'hybrid']::"MissionMode"[]) OR cardinality(e."preferredRegions") > 0)
  AND coalesce(btrim(e."cvFileKey"), '') <> ''
  AND EXISTS (SELECT 1 FROM "ExpertLanguage" l WHERE l."expertId" = e.id)
  AND EXISTS (SELECT 1 FROM "ExpertSkill" s WHERE s."expertId" = e.id)
  AND EXISTS (SELECT 1 FROM "ExpertDegree" d WHERE d."expertId" = e.id)
  AND EXISTS (SELECT 1 FROM "Availability" a WHERE a."expertId" = e.id AND a."endsOn" >= ${today}::date)
)`;

export interface ExpertFigures {
  total: number;
  complete: number;
  stale: number;
  byKind: Counts;
  byGender: Counts;
  byRegion: Counts;
  byCountry: Counts;
}

type GroupRow = { kind: string | null; gender: string | null; region: string | null; g: number; n: number; complete: number; stale: number };

/** Experts registered in the period: one scan with grouping sets, plus the top 15 countries of residence. */
export async function expertFigures(prisma: PrismaClient, f: ReportFilter, today: Date): Promise<ExpertFigures> {
  const where = expertWhere(f);
  const [rows, countries] = await Promise.all([
    prisma.$queryRaw<GroupRow[]>`
      WITH base AS (
        SELECT e.kind::text AS kind, e.gender::text AS gender, e."originRegionCode" AS region, e."staleSince" IS NOT NULL AS stale,
               ${complete(today)} AS complete
        FROM "ExpertProfile" e JOIN "User" u ON u.id = e."userId" WHERE ${where}
      )
      SELECT kind, gender, region, GROUPING(kind, gender, region)::int AS g, count(*)::int AS n,
             count(*) FILTER (WHERE complete)::int AS complete, count(*) FILTER (WHERE stale)::int AS stale
      FROM base GROUP BY GROUPING SETS ((kind), (gender), (region), ())`,
    prisma.$queryRaw<{ country: string | null; n: number }[]>`
      SELECT e."countryOfResidence" AS country, count(*)::int AS n
      FROM "ExpertProfile" e JOIN "User" u ON u.id = e."userId" WHERE ${where}
      GROUP BY 1 ORDER BY n DESC, country LIMIT 15`,
  ]);
  const out: ExpertFigures = { total: 0, complete: 0, stale: 0, byKind: new Map(), byGender: new Map(), byRegion: new Map(), byCountry: new Map() };
  for (const r of rows) {
    // GROUPING(kind, gender, region) is a bitmask of the columns rolled up: 3 = by kind, 5 = by gender, 6 = by region.
    if (r.g === 7) Object.assign(out, { total: r.n, complete: r.complete, stale: r.stale });
    else if (r.g === 3) out.byKind.set(r.kind ?? 'unknown', r.n);
    else if (r.g === 5) out.byGender.set(r.gender ?? 'unknown', r.n);
    else if (r.g === 6) out.byRegion.set(r.region ?? 'unknown', r.n);
  }
  for (const c of countries) out.byCountry.set(c.country ?? 'unknown', c.n);
  return out;
}
