import type { PrismaClient } from '../db/prisma.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An expert's profile with what the page may show; the route decides what the viewer actually sees. */
export async function findExpert(prisma: PrismaClient, id: string) {
  if (!UUID.test(id)) return undefined;
  const expert = await prisma.expertProfile.findUnique({
    where: { id },
    include: {
      user: { select: { email: true, status: true } },
      originRegion: true,
      skills: { include: { skill: true }, orderBy: { level: 'desc' } },
      languages: true,
      degrees: true,
    },
  });
  return expert && expert.user.status === 'active' ? expert : undefined;
}
