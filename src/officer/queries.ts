import type { PrismaClient } from '../db/prisma.js';

/** Each list of the queue shows its oldest items first, this many at most (the count tells how many wait). */
export const QUEUE_LIMIT = 50;

/**
 * The officer's queue: institutions to verify, needs to publish, and applications left unanswered past the alert
 * deadline. Six bounded queries whatever the size of the queues (relations are loaded in batches by Prisma).
 */
export async function officerQueue(prisma: PrismaClient) {
  const overdueWhere = { status: 'applied', alertedAt: { not: null }, respondedAt: null } as const;
  const [institutions, institutionCount, needs, needCount, overdue, overdueCount] = await Promise.all([
    prisma.institution.findMany({
      where: { status: 'pending' },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: QUEUE_LIMIT,
      include: {
        region: true,
        // who asked, for the officer to check their mandate
        members: { where: { role: 'admin' }, select: { jobTitle: true, user: { select: { displayName: true, email: true } } } },
      },
    }),
    prisma.institution.count({ where: { status: 'pending' } }),
    prisma.need.findMany({
      where: { status: 'submitted' },
      orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
      take: QUEUE_LIMIT,
      select: { id: true, title: true, submittedAt: true, institution: { select: { id: true, name: true, nameAr: true } }, sector: true },
    }),
    prisma.need.count({ where: { status: 'submitted' } }),
    prisma.candidacy.findMany({
      where: overdueWhere,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: QUEUE_LIMIT,
      select: {
        id: true, createdAt: true, alertedAt: true,
        expert: { select: { id: true, firstName: true, lastName: true } },
        need: { select: { id: true, title: true, institution: { select: { id: true, name: true, nameAr: true } } } },
      },
    }),
    prisma.candidacy.count({ where: overdueWhere }),
  ]);
  return { institutions, institutionCount, needs, needCount, overdue, overdueCount };
}

export type OfficerQueue = Awaited<ReturnType<typeof officerQueue>>;
