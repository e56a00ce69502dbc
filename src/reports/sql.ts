import { Prisma } from '../db/prisma.js';
import type { ReportFilter } from './filters.js';

/** Mission statuses whose budget is committed: approved and every step after it. */
export const APPROVED_OR_LATER = ['approved', 'briefed', 'in_progress', 'completed', 'reported', 'evaluated', 'followed_up'] as const;
/** Missions whose expertise was delivered: completed and every step after it. */
export const DELIVERED = ['completed', 'reported', 'evaluated', 'followed_up'] as const;

export const inList = (values: readonly string[]) => Prisma.join(values.map((v) => Prisma.sql`${v}`));
export const approvedSql = Prisma.sql`m.status::text IN (${inList(APPROVED_OR_LATER)})`;
export const deliveredSql = Prisma.sql`m.status::text IN (${inList(DELIVERED)})`;

const and = (parts: Prisma.Sql[]) => (parts.length ? Prisma.join(parts, ' AND ') : Prisma.sql`TRUE`);
/** Timestamps are stored in UTC without a zone: the bounds go as plain UTC text, whatever the session's time zone. */
const utcText = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');
const period = (column: Prisma.Sql, f: ReportFilter) =>
  Prisma.sql`${column} >= ${utcText(f.from)}::timestamp AND ${column} < ${utcText(f.to)}::timestamp`;

/**
 * The conditions on a need (alias n) and its institution (alias i) that the filters set. Each section adds its own
 * period column, so that "needs of the quarter" and "missions of the quarter" each mean what an officer expects.
 */
function needConditions(f: ReportFilter): Prisma.Sql[] {
  const c: Prisma.Sql[] = [];
  if (f.region) c.push(Prisma.sql`n."regionCode" = ${f.region}`);
  if (f.sector) c.push(Prisma.sql`n."sectorCode" = ${f.sector}`);
  if (f.institutionKind) c.push(Prisma.sql`i.kind::text = ${f.institutionKind}`);
  if (f.theme === 'climate') c.push(Prisma.sql`n."climateTag"`);
  if (f.theme === 'gender') c.push(Prisma.sql`n."genderTag"`);
  return c;
}

/** Experts (alias e, their user u) registered in the period; region means region of origin. */
export function expertWhere(f: ReportFilter): Prisma.Sql {
  const c = [period(Prisma.sql`e."createdAt"`, f), Prisma.sql`u.status <> 'deleted'`];
  if (f.region) c.push(Prisma.sql`e."originRegionCode" = ${f.region}`);
  if (f.sector) c.push(Prisma.sql`${f.sector} = ANY(e.sectors)`);
  if (f.expertKind) c.push(Prisma.sql`e.kind::text = ${f.expertKind}`);
  return and(c);
}

/** Needs posted (created and no longer a draft) in the period. */
export function needWhere(f: ReportFilter): Prisma.Sql {
  return and([period(Prisma.sql`n."createdAt"`, f), Prisma.sql`n.status <> 'draft'`, ...needConditions(f)]);
}

/** Candidacies made in the period, filtered by their need and their expert. */
export function candidacyWhere(f: ReportFilter): Prisma.Sql {
  const c = [period(Prisma.sql`c."createdAt"`, f), ...needConditions(f)];
  if (f.expertKind) c.push(Prisma.sql`e.kind::text = ${f.expertKind}`);
  return and(c);
}

/** Missions starting in the period, filtered by their need and their expert. */
export function missionWhere(f: ReportFilter): Prisma.Sql {
  const c = [period(Prisma.sql`m."startsOn"`, f), ...needConditions(f)];
  if (f.expertKind) c.push(Prisma.sql`e.kind::text = ${f.expertKind}`);
  return and(c);
}

/** Investment projects created in the period (region and sector are the project's). */
export function investmentWhere(f: ReportFilter): Prisma.Sql {
  const c = [period(Prisma.sql`p."createdAt"`, f), Prisma.sql`p.status <> 'draft'`];
  if (f.region) c.push(Prisma.sql`p."regionCode" = ${f.region}`);
  // Projects have sectors of their own (src/investments: industry, hotels, …), not the programme's: no sector filter.
  return and(c);
}

/**
 * Days between two timestamps, as a decimal (for medians and percentiles); NULL when either is missing (GREATEST
 * alone would turn that NULL into 0 and count a need nobody applied to as answered at once).
 */
export const daysBetween = (later: Prisma.Sql, earlier: Prisma.Sql) =>
  Prisma.sql`CASE WHEN ${later} IS NULL OR ${earlier} IS NULL THEN NULL ELSE GREATEST(extract(epoch FROM (${later} - ${earlier})) / 86400.0, 0) END`;
