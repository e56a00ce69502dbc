import { z } from 'zod';
import { isoDay, dayOfIso } from '../lib/iso-day.js';
import type { Prisma, PrismaClient } from '../db/prisma.js';
import type { SignedInUser } from '../auth/load-actor.js';
import { UUID_PATTERN as UUID } from '../lib/uuid.js';

export const MISSIONS_PAGE = 20;

/** Filters of /missions; a malformed value is dropped (the list is then simply wider), never an error page. */
export const missionFilterSchema = z.object({
  status: z.enum(['proposed', 'accepted', 'approved', 'briefed', 'in_progress', 'completed', 'reported', 'evaluated', 'followed_up', 'declined', 'rejected', 'cancelled']).optional().catch(undefined),
  institution: z.string().regex(UUID).optional().catch(undefined),
  expert: z.string().trim().max(100).transform((v) => v.replace(/\p{Cc}/gu, '')).optional().catch(undefined),
  region: z.string().regex(/^[A-Z]{1,5}$/).optional().catch(undefined),
  from: isoDay.optional().catch(undefined),
  to: isoDay.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type MissionFilter = z.infer<typeof missionFilterSchema>;

/** Officers and admins see every mission; experts their own; staff their institutions'. */
function scopeOf(user: SignedInUser): Prisma.MissionWhereInput {
  if (user.role === 'officer' || user.role === 'admin') return {};
  if (user.role === 'expert') return { expert: { userId: user.id } };
  const mine = user.memberships.filter((m) => m.status === 'active').map((m) => m.institutionId);
  return { need: { institutionId: { in: mine } } };
}

export async function listMissions(prisma: PrismaClient, user: SignedInUser, f: MissionFilter) {
  const where: Prisma.MissionWhereInput = {
    AND: [
      scopeOf(user),
      f.status ? { status: f.status } : {},
      f.institution ? { need: { institutionId: f.institution } } : {},
      f.region ? { need: { regionCode: f.region } } : {},
      f.expert ? { expert: { OR: [{ firstName: { contains: f.expert, mode: 'insensitive' } }, { lastName: { contains: f.expert, mode: 'insensitive' } }] } } : {},
      f.from ? { endsOn: { gte: dayOfIso(f.from) } } : {},
      f.to ? { startsOn: { lte: dayOfIso(f.to) } } : {},
    ],
  };
  const [total, missions] = await Promise.all([
    prisma.mission.count({ where }),
    prisma.mission.findMany({
      where, orderBy: [{ startsOn: 'desc' }, { id: 'asc' }], skip: (f.page - 1) * MISSIONS_PAGE, take: MISSIONS_PAGE,
      include: {
        need: { select: { id: true, title: true, regionCode: true, institution: { select: { id: true, name: true, nameAr: true } } } },
        expert: { select: { id: true, firstName: true, lastName: true } },
      },
    }),
  ]);
  return { total, missions, pages: Math.max(1, Math.ceil(total / MISSIONS_PAGE)) };
}

export async function loadMission(prisma: PrismaClient, id: string) {
  if (!UUID.test(id)) return undefined;
  const m = await prisma.mission.findUnique({
    where: { id },
    include: {
      need: { include: { institution: true, region: true } },
      expert: { select: { id: true, userId: true, firstName: true, lastName: true, countryOfResidence: true } },
      events: { orderBy: { createdAt: 'asc' }, include: { actor: { select: { displayName: true, role: true } } } },
      report: true,
      perDiemRate: true,
    },
  });
  return m ?? undefined;
}

export type MissionPage = NonNullable<Awaited<ReturnType<typeof loadMission>>>;
