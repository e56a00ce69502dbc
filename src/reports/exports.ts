import { Prisma } from '../db/prisma.js';
import type { Locale } from '../i18n/i18n.js';
import type { ReportFilter } from './filters.js';
import { candidacyWhere, expertWhere, investmentWhere, missionWhere, needWhere } from './sql.js';

export const DATASETS = ['needs', 'candidacies', 'missions', 'experts', 'investments'] as const;
export type Dataset = (typeof DATASETS)[number];
export const isDataset = (v: unknown): v is Dataset => typeof v === 'string' && (DATASETS as readonly string[]).includes(v);

const NAME_COLUMN: Record<Locale, Prisma.Sql> = { fr: Prisma.raw('"nameFr"'), ar: Prisma.raw('"nameAr"'), en: Prisma.raw('"nameEn"') };

/**
 * The rows behind the report, for the same filter: one SQL query per dataset, read through a cursor by the export
 * route. Column names are the keys of reports.exports.columns. Experts: what an officer may see, and no e-mail or
 * phone for a profile its owner keeps private; erased accounts are left out.
 */
export function exportQuery(dataset: Dataset, f: ReportFilter, lng: Locale): Prisma.Sql {
  const name = NAME_COLUMN[lng];
  switch (dataset) {
    case 'needs':
      return Prisma.sql`
        SELECT n.id, n.title, i.name AS institution, i.kind::text AS "institutionKind", s.${name} AS sector, r.${name} AS region, n.city,
               n.mode::text AS mode, n.status::text AS status, n."windowStart"::text AS "windowStart", n."windowEnd"::text AS "windowEnd",
               n."durationDays", n."expertsWanted", n."climateTag", n."genderTag", n."createdAt", n."publishedAt"
        FROM "Need" n JOIN "Institution" i ON i.id = n."institutionId" JOIN "Sector" s ON s.code = n."sectorCode" JOIN "Region" r ON r.code = n."regionCode"
        WHERE ${needWhere(f)} ORDER BY n."createdAt", n.id`;
    case 'candidacies':
      return Prisma.sql`
        SELECT c.id, n.id AS "needId", n.title AS need, i.name AS institution, e.id AS "expertId", e."firstName", e."lastName", e.kind::text AS "expertKind",
               c.status::text AS status, c.reason, c."createdAt", c."respondedAt"
        FROM "Candidacy" c JOIN "Need" n ON n.id = c."needId" JOIN "Institution" i ON i.id = n."institutionId" JOIN "ExpertProfile" e ON e.id = c."expertId"
        WHERE ${candidacyWhere(f)} ORDER BY c."createdAt", c.id`;
    case 'missions':
      return Prisma.sql`
        SELECT m.id, n.title AS need, i.name AS institution, r.${name} AS region, s.${name} AS sector, e."firstName", e."lastName",
               m."startsOn"::text AS "startsOn", m."endsOn"::text AS "endsOn", m.status::text AS status,
               m."travelCost"::float8 AS "travelCost", m."perDiemDaily"::float8 AS "perDiemDaily", m."perDiemDays", m."budgetTotal"::float8 AS "budgetTotal",
               m.currency, fs."projectCode" AS funding, m."approvedAt"
        FROM "Mission" m JOIN "Need" n ON n.id = m."needId" JOIN "Institution" i ON i.id = n."institutionId" JOIN "ExpertProfile" e ON e.id = m."expertId"
        JOIN "Region" r ON r.code = n."regionCode" JOIN "Sector" s ON s.code = n."sectorCode" LEFT JOIN "FundingSource" fs ON fs.id = m."fundingSourceId"
        WHERE ${missionWhere(f)} ORDER BY m."startsOn", m.id`;
    case 'experts':
      return Prisma.sql`
        SELECT e.id, e."firstName", e."lastName", e.kind::text AS kind, e.gender::text AS gender, e."countryOfResidence", e."cityOfResidence",
               r.${name} AS "originRegion", e.headline, e."yearsExperience", e.visibility::text AS visibility,
               CASE WHEN e.visibility = 'private' THEN NULL ELSE u.email END AS email,
               CASE WHEN e.visibility = 'private' THEN NULL ELSE e.phone END AS phone, e."createdAt"
        FROM "ExpertProfile" e JOIN "User" u ON u.id = e."userId" LEFT JOIN "Region" r ON r.code = e."originRegionCode"
        WHERE ${expertWhere(f)} ORDER BY e."createdAt", e.id`;
    case 'investments':
      return Prisma.sql`
        SELECT p.id, p.title, p.status::text AS status, s.${name} AS sector, r.${name} AS region, p.city, p."totalCost"::float8 AS "totalCost",
               p."ownFunds"::float8 AS "ownFunds", p."grantAwarded"::float8 AS "grantAwarded", p.currency,
               p."jobsCreated", p."jobsWomen", p."jobsUnder30", p."submittedAt"
        FROM "InvestmentProject" p JOIN "Region" r ON r.code = p."regionCode" JOIN "InvestmentSector" s ON s.code = p."sectorCode"
        WHERE ${investmentWhere(f)} ORDER BY p."createdAt", p.id`;
  }
}

/** Cell values as a spreadsheet reads them: dates as ISO text, booleans as 1/0, nothing as an empty cell. */
export function cell(v: unknown): string | number {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number' || typeof v === 'string') return v;
  return String(v as string);
}
