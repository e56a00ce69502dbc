import type { PrismaClient } from '../db/prisma.js';
import type { CandidacyStatus } from '../generated/prisma/enums.js';
import { UUID_PATTERN as UUID } from '../lib/uuid.js';


/** The expert's candidacies (institution and status): policy.seeExpertContact decides what each one opens. */
const candidateInstitutions = { candidacies: { select: { status: true, need: { select: { institutionId: true } } } } } as const;
const candidaciesOf = (c: { status: CandidacyStatus; need: { institutionId: string } }[]) => c.map((x) => ({ institutionId: x.need.institutionId, status: x.status }));

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
  return { ...rest, candidacies: candidaciesOf(candidacies) };
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
    candidacies: candidaciesOf(expert.candidacies),
  };
}
