import { z } from 'zod';
import type { Prisma, PrismaClient } from '../db/prisma.js';
import { UUID } from './db.js';

export const QUEUE_PAGE_SIZE = 20;

export function listOwnProjects(prisma: PrismaClient, ownerId: string) {
  return prisma.investmentProject.findMany({
    where: { ownerId }, orderBy: { updatedAt: 'desc' }, take: 200,
    select: { id: true, title: true, status: true, totalCost: true, sectorCode: true, updatedAt: true, region: true },
  });
}

const projectInclude = {
  region: true,
  bank: true,
  owner: { select: { id: true, displayName: true, email: true } },
  events: { orderBy: { createdAt: 'asc' }, include: { actor: { select: { displayName: true } } } },
  overrides: { orderBy: { createdAt: 'asc' }, include: { officer: { select: { displayName: true } } } },
  evaluations: { orderBy: { createdAt: 'desc' }, take: 1, select: { ruleSetVersion: true, createdAt: true } },
} satisfies Prisma.InvestmentProjectInclude;

export type ProjectPage = Prisma.InvestmentProjectGetPayload<{ include: typeof projectInclude }>;

export async function loadProject(prisma: PrismaClient, id: string): Promise<ProjectPage | undefined> {
  if (!UUID.test(id)) return undefined;
  return (await prisma.investmentProject.findUnique({ where: { id }, include: projectInclude })) ?? undefined;
}

const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (v === '' || v === undefined ? undefined : v), schema.optional());

/** The officer's queue filters; a malformed value is refused next to its field. */
export const queueFilterSchema = z.object({
  status: optional(z.enum(['draft', 'submitted', 'under_review', 'eligible', 'ineligible', 'funded', 'withdrawn'], { message: 'errors.filterInvalid' })),
  sector: optional(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'errors.filterInvalid')),
  region: optional(z.string().regex(/^[A-Z]{1,8}$/, 'errors.filterInvalid')),
  bank: optional(z.string().regex(UUID, 'errors.filterInvalid')),
  page: z.preprocess((v) => {
    const n = typeof v === 'string' ? Number.parseInt(v, 10) : NaN;
    return Number.isFinite(n) ? Math.min(Math.max(n, 1), 10_000) : 1;
  }, z.number().int()),
});
export type QueueFilter = z.infer<typeof queueFilterSchema>;

/** Drafts are the investor's own business: the queue starts at submission. */
function where(f: QueueFilter): Prisma.InvestmentProjectWhereInput {
  return {
    status: f.status ?? { not: 'draft' },
    ...(f.status === 'draft' ? { id: { in: [] } } : {}),
    ...(f.sector ? { sectorCode: f.sector } : {}),
    ...(f.region ? { regionCode: f.region } : {}),
    ...(f.bank ? { bankId: f.bank } : {}),
  };
}

const queueSelect = {
  id: true, title: true, status: true, sectorCode: true, regionCode: true, city: true, totalCost: true, ownFunds: true,
  diasporaSharePercent: true, grantAwarded: true, fundedOn: true, jobsWomen: true, jobsMen: true, jobsUnder30: true,
  climateTags: true, submittedAt: true, eligibility: true, decisionReason: true,
  region: { select: { code: true, nameFr: true, nameAr: true, nameEn: true } },
  bank: { select: { name: true } },
  overrides: { orderBy: { createdAt: 'asc' }, select: { ruleId: true, passed: true, reason: true, createdAt: true } },
} satisfies Prisma.InvestmentProjectSelect;
export type QueueRow = Prisma.InvestmentProjectGetPayload<{ select: typeof queueSelect }>;

/** One page of the queue, oldest submission first (first come, first served), in two indexed queries. */
export async function officerQueue(prisma: PrismaClient, f: QueueFilter) {
  const [total, rows] = await Promise.all([
    prisma.investmentProject.count({ where: where(f) }),
    prisma.investmentProject.findMany({
      where: where(f), select: queueSelect, orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
      skip: (f.page - 1) * QUEUE_PAGE_SIZE, take: QUEUE_PAGE_SIZE,
    }),
  ]);
  return { total, rows, page: f.page, pages: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)) };
}

/** Every project matching the filters, for the CSV export (bounded). */
export function exportRows(prisma: PrismaClient, f: QueueFilter): Promise<QueueRow[]> {
  return prisma.investmentProject.findMany({ where: where(f), select: queueSelect, orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }], take: 10_000 });
}
