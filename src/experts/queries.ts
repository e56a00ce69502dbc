import type { PrismaClient } from '../db/prisma.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The institutions with a need this expert is a candidate for: what lets their staff see contact details and CV. */
const candidateInstitutions = { candidacies: { select: { need: { select: { institutionId: true } } } } } as const;
const institutionIds = (c: { need: { institutionId: string } }[]) => [...new Set(c.map((x) => x.need.institutionId))];

/** An expert's profile with what the page may show; the route decides what the viewer actually sees. */
export async function findExpert(prisma: PrismaClient, id: string) {
  if (!UUID.test(id)) return undefined;
  const expert = await prisma.expertProfile.findUnique({
    where: { id },
    include: {
      user: { select: { email: true, status: true } },
      originRegion: true,
      skills: { include: { skill: { include: { broader: true } } }, orderBy: { level: 'desc' } },
      languages: true,
      degrees: { orderBy: { year: 'desc' } },
      ...candidateInstitutions,
    },
  });
  if (!expert || expert.user.status !== 'active') return undefined;
  const { candidacies, ...rest } = expert;
  return { ...rest, candidateOfInstitutionIds: institutionIds(candidacies) };
}

/** What the CV download needs to decide and serve: the owner, the file key, the candidacies' institutions. */
export async function findExpertFacts(prisma: PrismaClient, id: string) {
  if (!UUID.test(id)) return undefined;
  const expert = await prisma.expertProfile.findUnique({
    where: { id },
    select: { id: true, userId: true, cvFileKey: true, matchable: true, user: { select: { status: true } }, ...candidateInstitutions },
  });
  if (!expert || expert.user.status !== 'active') return undefined;
  return {
    id: expert.id, userId: expert.userId, cvFileKey: expert.cvFileKey, matchable: expert.matchable,
    candidateOfInstitutionIds: institutionIds(expert.candidacies),
  };
}
