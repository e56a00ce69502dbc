import type { PrismaClient } from '../db/prisma.js';
import type { Actor } from '../auth/policy.js';
import { needPolicy } from './policy.js';
import { PUBLIC_NEED_STATUSES } from './queries.js';
import { UUID_PATTERN as UUID } from '../lib/uuid.js';


const pageInclude = {
  institution: { include: { region: true } },
  region: true,
  commune: true,
  sector: true,
  skills: { include: { skill: { include: { broader: true } } }, orderBy: [{ requirement: 'asc' as const }, { minLevel: 'desc' as const }] },
  languages: true,
  events: { orderBy: { createdAt: 'asc' as const }, include: { actor: { select: { displayName: true, role: true } } } },
};

/**
 * The need as this viewer may see it: public needs for everyone; drafts, submitted and cancelled ones only for
 * their institution's staff and officers. Anything else is "not found" (its existence is not revealed).
 */
export async function loadNeedFor(prisma: PrismaClient, id: string, actor: Actor | undefined) {
  if (!UUID.test(id)) return undefined;
  const need = await prisma.need.findUnique({ where: { id }, include: pageInclude });
  if (!need) return undefined;
  const isPublic = (PUBLIC_NEED_STATUSES as readonly string[]).includes(need.status);
  return isPublic || needPolicy.seeUnpublished(actor, need) ? need : undefined;
}

export type NeedPage = NonNullable<Awaited<ReturnType<typeof loadNeedFor>>>;
