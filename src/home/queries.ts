import type { PrismaClient } from '../db/prisma.js';
import { cardInclude } from '../needs/queries.js';

export interface HomeFigures {
  experts: number;
  verifiedInstitutions: number;
  openNeeds: number;
  completedMissions: number;
}

/** Missions count as completed once the work is done, whatever paperwork follows. */
const DONE_MISSION_STATUSES = ['completed', 'reported', 'evaluated', 'followed_up'] as const;

export async function homeFigures(prisma: PrismaClient): Promise<HomeFigures> {
  const [experts, verifiedInstitutions, openNeeds, completedMissions] = await Promise.all([
    prisma.expertProfile.count({ where: { user: { status: 'active' } } }),
    prisma.institution.count({ where: { status: 'verified' } }),
    prisma.need.count({ where: { status: 'published' } }),
    prisma.mission.count({ where: { status: { in: [...DONE_MISSION_STATUSES] } } }),
  ]);
  return { experts, verifiedInstitutions, openNeeds, completedMissions };
}

export function latestNeeds(prisma: PrismaClient, take = 3) {
  return prisma.need.findMany({
    where: { status: 'published' },
    orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
    take,
    include: cardInclude,
  });
}
