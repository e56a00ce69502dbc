import { Prisma, type PrismaClient } from '../db/prisma.js';
import type { Counts } from './people-queries.js';
import type { ReportFilter } from './filters.js';
import { approvedSql, deliveredSql, investmentWhere, missionWhere } from './sql.js';

/** Sums of one group of missions. Money in the missions' currency (MAD: the per-diem table has no other yet). */
export interface MissionSums {
  missions: number; approved: number; delivered: number; personDays: number;
  travel: number; perDiem: number; total: number;
}

export interface MissionFigures {
  all: MissionSums & { climate: number; gender: number; deliveredWomen: number; local: number; followedUp: number; followUpDue: number; followUpLater: number };
  byStatus: Counts;
  byMode: Map<string, MissionSums>;
  byRegion: Map<string, MissionSums>;
  bySector: Map<string, MissionSums>;
  byFunding: Map<string, MissionSums>;
  ratings: Counts;
  averageRating: number | null;
}

type MRow = MissionSums & {
  status: string | null; region: string | null; sector: string | null; fund: string | null; mode: string | null; g: number;
  climate: number; gender: number; women: number; local: number; followed: number; due: number; later: number;
};

const money = (expr: Prisma.Sql) => Prisma.sql`round(coalesce(sum(${expr}) FILTER (WHERE ${approvedSql}), 0), 2)::float8`;

/** Missions starting in the period: one scan with grouping sets by status, mode, region, sector and funding line. */
export async function missionFigures(prisma: PrismaClient, f: ReportFilter, today: Date): Promise<MissionFigures> {
  const where = missionWhere(f);
  const from = Prisma.sql`FROM "Mission" m JOIN "Need" n ON n.id = m."needId" JOIN "Institution" i ON i.id = n."institutionId" JOIN "ExpertProfile" e ON e.id = m."expertId"`;
  const [rows, ratings] = await Promise.all([
    prisma.$queryRaw<MRow[]>`
      SELECT m.status::text AS status, n."regionCode" AS region, n."sectorCode" AS sector, coalesce(m."fundingSourceId"::text, 'none') AS fund, n.mode::text AS mode,
             GROUPING(m.status, n.mode, n."regionCode", n."sectorCode", coalesce(m."fundingSourceId"::text, 'none'))::int AS g,
             count(*)::int AS missions, count(*) FILTER (WHERE ${approvedSql})::int AS approved, count(*) FILTER (WHERE ${deliveredSql})::int AS delivered,
             coalesce(sum(m."endsOn" - m."startsOn" + 1) FILTER (WHERE ${deliveredSql}), 0)::int AS "personDays",
             ${money(Prisma.sql`m."travelCost"`)} AS travel, ${money(Prisma.sql`m."perDiemDaily" * m."perDiemDays"`)} AS "perDiem",
             ${money(Prisma.sql`m."budgetTotal"`)} AS total,
             count(*) FILTER (WHERE ${approvedSql} AND n."climateTag")::int AS climate, count(*) FILTER (WHERE ${approvedSql} AND n."genderTag")::int AS gender,
             count(*) FILTER (WHERE ${deliveredSql} AND e.gender = 'female')::int AS women,
             count(*) FILTER (WHERE ${approvedSql} AND e."originRegionCode" = n."regionCode")::int AS local,
             count(*) FILTER (WHERE m.status = 'followed_up')::int AS followed,
             count(*) FILTER (WHERE m.status = 'evaluated' AND m."followUpDueOn" <= ${today}::date)::int AS due,
             count(*) FILTER (WHERE m.status = 'evaluated' AND (m."followUpDueOn" IS NULL OR m."followUpDueOn" > ${today}::date))::int AS later
      ${from} WHERE ${where}
      GROUP BY GROUPING SETS ((m.status), (n.mode), (n."regionCode"), (n."sectorCode"), (coalesce(m."fundingSourceId"::text, 'none')), ())`,
    prisma.$queryRaw<{ rating: number | null; n: number; avg: number | null }[]>`
      SELECT r.rating, count(*)::int AS n, avg(r.rating)::float8 AS avg ${from} JOIN "MissionReport" r ON r."missionId" = m.id
      WHERE ${where} AND r.rating IS NOT NULL GROUP BY GROUPING SETS ((r.rating), ()) ORDER BY r.rating NULLS LAST`,
  ]);
  const empty: MissionSums = { missions: 0, approved: 0, delivered: 0, personDays: 0, travel: 0, perDiem: 0, total: 0 };
  const out: MissionFigures = {
    all: { ...empty, climate: 0, gender: 0, deliveredWomen: 0, local: 0, followedUp: 0, followUpDue: 0, followUpLater: 0 },
    byStatus: new Map(), byMode: new Map(), byRegion: new Map(), bySector: new Map(), byFunding: new Map(), ratings: new Map(), averageRating: null,
  };
  for (const r of rows) {
    const sums: MissionSums = { missions: r.missions, approved: r.approved, delivered: r.delivered, personDays: r.personDays, travel: r.travel, perDiem: r.perDiem, total: r.total };
    // GROUPING bits, most significant first: status 16, mode 8, region 4, sector 2, funding 1 (a set bit: rolled up).
    if (r.g === 31) out.all = { ...sums, climate: r.climate, gender: r.gender, deliveredWomen: r.women, local: r.local, followedUp: r.followed, followUpDue: r.due, followUpLater: r.later };
    else if (r.g === 15) out.byStatus.set(r.status!, r.missions);
    else if (r.g === 23) out.byMode.set(r.mode!, sums);
    else if (r.g === 27) out.byRegion.set(r.region!, sums);
    else if (r.g === 29) out.bySector.set(r.sector!, sums);
    else if (r.g === 30) out.byFunding.set(r.fund!, sums);
  }
  for (const r of ratings) {
    if (r.rating === null) out.averageRating = r.avg;
    else out.ratings.set(String(r.rating), r.n);
  }
  return out;
}

/** Sums over investment projects: amounts in MAD, jobs expected. */
export interface InvestmentSums { projects: number; cost: number; ownFunds: number; grants: number; jobs: number; jobsWomen: number; jobsUnder30: number }
export interface InvestmentFigures {
  total: InvestmentSums;
  byStatus: Map<string, InvestmentSums>;
  byRegion: Map<string, InvestmentSums>;
  bySector: Map<string, InvestmentSums>;
}

type InvestmentRow = InvestmentSums & { status: string | null; region: string | null; sector: string | null; g: number };

/**
 * Investment projects submitted in the period, by status, region and investment sector (the track's own list):
 * total cost, own funds, grants actually granted (funded projects), jobs expected with those for women and the
 * under-30s, for gender and youth reporting.
 */
export async function investmentFigures(prisma: PrismaClient, f: ReportFilter): Promise<InvestmentFigures> {
  const money = (col: string) => Prisma.raw(`round(coalesce(sum(p."${col}"), 0), 2)::float8`);
  const rows = await prisma.$queryRaw<InvestmentRow[]>`
    SELECT p.status::text AS status, p."regionCode" AS region, p."sectorCode" AS sector,
           GROUPING(p.status, p."regionCode", p."sectorCode")::int AS g, count(*)::int AS projects,
           ${money('totalCost')} AS cost, ${money('ownFunds')} AS "ownFunds", ${money('grantAwarded')} AS grants,
           coalesce(sum(p."jobsCreated"), 0)::int AS jobs, coalesce(sum(p."jobsWomen"), 0)::int AS "jobsWomen",
           coalesce(sum(p."jobsUnder30"), 0)::int AS "jobsUnder30"
    FROM "InvestmentProject" p WHERE ${investmentWhere(f)}
    GROUP BY GROUPING SETS ((p.status), (p."regionCode"), (p."sectorCode"), ())`;
  const zero: InvestmentSums = { projects: 0, cost: 0, ownFunds: 0, grants: 0, jobs: 0, jobsWomen: 0, jobsUnder30: 0 };
  const out: InvestmentFigures = { total: zero, byStatus: new Map(), byRegion: new Map(), bySector: new Map() };
  for (const { status, region, sector, g, ...sums } of rows) {
    // GROUPING(status, region, sector) is a bitmask of the columns rolled up: 3 = by status, 5 = by region, 6 = by sector.
    if (g === 7) out.total = sums;
    else if (g === 3) out.byStatus.set(status!, sums);
    else if (g === 5) out.byRegion.set(region!, sums);
    else if (g === 6) out.bySector.set(sector!, sums);
  }
  return out;
}
