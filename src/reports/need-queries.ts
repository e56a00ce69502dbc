import { Prisma, type PrismaClient } from '../db/prisma.js';
import type { Counts } from './people-queries.js';
import type { ReportFilter } from './filters.js';
import { candidacyWhere, daysBetween, needWhere } from './sql.js';

const Sql = { fc: Prisma.sql`fc.at`, fs: Prisma.sql`fs.at`, pub: Prisma.sql`b."publishedAt"` };

export interface Delay { n: number; median: number | null; p90: number | null }

export interface NeedFigures {
  posted: number; published: number; filled: number; closed: number; climate: number; gender: number;
  bySector: Counts; byRegion: Counts;
  toFirstCandidacy: Delay; toSelection: Delay;
}

type NeedRow = { sector: string | null; region: string | null; g: number; posted: number; published: number; filled: number; closed: number; climate: number; gender: number };
type DelayRow = { n1: number; m1: number | null; p1: number | null; n2: number; m2: number | null; p2: number | null };

/** Needs posted in the period, by sector and by region (one scan), and the delays from publication. */
export async function needFigures(prisma: PrismaClient, f: ReportFilter): Promise<NeedFigures> {
  const where = needWhere(f);
  const [rows, [d]] = await Promise.all([
    prisma.$queryRaw<NeedRow[]>`
      SELECT n."sectorCode" AS sector, n."regionCode" AS region, GROUPING(n."sectorCode", n."regionCode")::int AS g, count(*)::int AS posted,
             count(*) FILTER (WHERE n."publishedAt" IS NOT NULL)::int AS published, count(*) FILTER (WHERE n.status = 'filled')::int AS filled,
             count(*) FILTER (WHERE n.status = 'closed')::int AS closed, count(*) FILTER (WHERE n."climateTag")::int AS climate,
             count(*) FILTER (WHERE n."genderTag")::int AS gender
      FROM "Need" n JOIN "Institution" i ON i.id = n."institutionId" WHERE ${where}
      GROUP BY GROUPING SETS ((n."sectorCode"), (n."regionCode"), ())`,
    // Aggregated joins rather than a subquery per need: the cost follows the candidacies, not the needs × lookups.
    prisma.$queryRaw<DelayRow[]>`
      WITH base AS (SELECT n.id, n."publishedAt" FROM "Need" n JOIN "Institution" i ON i.id = n."institutionId" WHERE ${where} AND n."publishedAt" IS NOT NULL),
      first_c AS (SELECT c."needId", min(c."createdAt") AS at FROM "Candidacy" c JOIN base b ON b.id = c."needId" GROUP BY 1),
      first_s AS (SELECT c."needId", min(ev."createdAt") AS at FROM "CandidacyEvent" ev JOIN "Candidacy" c ON c.id = ev."candidacyId"
                  JOIN base b ON b.id = c."needId" WHERE ev."toStatus" = 'selected' GROUP BY 1),
      delays AS (SELECT ${daysBetween(Sql.fc, Sql.pub)} AS to_first, ${daysBetween(Sql.fs, Sql.pub)} AS to_sel
                 FROM base b LEFT JOIN first_c fc ON fc."needId" = b.id LEFT JOIN first_s fs ON fs."needId" = b.id)
      SELECT count(to_first)::int AS n1, percentile_cont(0.5) WITHIN GROUP (ORDER BY to_first) AS m1, percentile_cont(0.9) WITHIN GROUP (ORDER BY to_first) AS p1,
             count(to_sel)::int AS n2, percentile_cont(0.5) WITHIN GROUP (ORDER BY to_sel) AS m2, percentile_cont(0.9) WITHIN GROUP (ORDER BY to_sel) AS p2
      FROM delays`,
  ]);
  const out: NeedFigures = {
    posted: 0, published: 0, filled: 0, closed: 0, climate: 0, gender: 0, bySector: new Map(), byRegion: new Map(),
    toFirstCandidacy: { n: d?.n1 ?? 0, median: d?.m1 ?? null, p90: d?.p1 ?? null },
    toSelection: { n: d?.n2 ?? 0, median: d?.m2 ?? null, p90: d?.p2 ?? null },
  };
  for (const r of rows) {
    if (r.g === 3) Object.assign(out, { posted: r.posted, published: r.published, filled: r.filled, closed: r.closed, climate: r.climate, gender: r.gender });
    else if (r.g === 1) out.bySector.set(r.sector!, r.posted);
    else if (r.g === 2) out.byRegion.set(r.region!, r.posted);
  }
  return out;
}

export interface ResponseRow { total: number; answered: number; median: number | null; p90: number | null }
export interface CandidacyFigures {
  all: ResponseRow;
  byInstitutionKind: Map<string, ResponseRow>;
  reasons: Counts;
  selected: number;
  selectedWomen: number;
}

type CRow = { kind: string | null; g: number; total: number; answered: number; median: number | null; p90: number | null; selected: number; women: number };

/** Candidacies made in the period: how institutions answered, and why candidates were not selected. */
export async function candidacyFigures(prisma: PrismaClient, f: ReportFilter): Promise<CandidacyFigures> {
  const where = candidacyWhere(f);
  const from = Prisma.sql`FROM "Candidacy" c JOIN "Need" n ON n.id = c."needId" JOIN "Institution" i ON i.id = n."institutionId" JOIN "ExpertProfile" e ON e.id = c."expertId"`;
  const [rows, reasons] = await Promise.all([
    prisma.$queryRaw<CRow[]>`
      SELECT i.kind::text AS kind, GROUPING(i.kind)::int AS g, count(*)::int AS total, count(c."respondedAt")::int AS answered,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY ${daysBetween(Prisma.sql`c."respondedAt"`, Prisma.sql`c."createdAt"`)}) AS median,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY ${daysBetween(Prisma.sql`c."respondedAt"`, Prisma.sql`c."createdAt"`)}) AS p90,
             count(*) FILTER (WHERE c.status = 'selected')::int AS selected,
             count(*) FILTER (WHERE c.status = 'selected' AND e.gender = 'female')::int AS women
      ${from} WHERE ${where} GROUP BY GROUPING SETS ((i.kind), ())`,
    prisma.$queryRaw<{ reason: string | null; n: number }[]>`
      SELECT c.reason, count(*)::int AS n ${from} WHERE ${where} AND c.status = 'not_selected' GROUP BY 1 ORDER BY n DESC, 1`,
  ]);
  const out: CandidacyFigures = { all: { total: 0, answered: 0, median: null, p90: null }, byInstitutionKind: new Map(), reasons: new Map(), selected: 0, selectedWomen: 0 };
  for (const r of rows) {
    const row = { total: r.total, answered: r.answered, median: r.median, p90: r.p90 };
    if (r.g === 1) Object.assign(out, { all: row, selected: r.selected, selectedWomen: r.women });
    else out.byInstitutionKind.set(r.kind!, row);
  }
  for (const r of reasons) out.reasons.set(r.reason ?? 'other', (out.reasons.get(r.reason ?? 'other') ?? 0) + r.n);
  return out;
}
