import { Prisma, type PrismaClient } from '../db/prisma.js';
import { approvedSql } from '../reports/sql.js';

export interface FundingLine {
  id: string; donor: string; projectCode: string; name: string; year: number; currency: string; active: boolean;
  envelope: number; committed: number; remaining: number;
}

type Client = PrismaClient | Prisma.TransactionClient;

/**
 * Funding lines with what is committed on each (budgets of missions approved or later) and what remains: one
 * grouped query. `onlyId`: a single line, for the approval check.
 */
export async function fundingLines(prisma: Client, onlyId?: string): Promise<FundingLine[]> {
  const where = onlyId ? Prisma.sql`WHERE f.id = ${onlyId}::uuid` : Prisma.empty;
  const rows = await prisma.$queryRaw<(Omit<FundingLine, 'remaining'>)[]>`
    SELECT f.id::text AS id, f.donor, f."projectCode", f.name, f.year, f.currency, f.active, f.envelope::float8 AS envelope,
           coalesce(sum(m."budgetTotal") FILTER (WHERE ${approvedSql}), 0)::float8 AS committed
    FROM "FundingSource" f LEFT JOIN "Mission" m ON m."fundingSourceId" = f.id ${where}
    GROUP BY f.id ORDER BY f.year DESC, f."projectCode"`;
  return rows.map((r) => ({ ...r, remaining: Math.round((r.envelope - r.committed) * 100) / 100 }));
}
