import type { PrismaClient } from '../db/prisma.js';

/** The audit actions that mean "someone opened this expert's profile or CV". */
export const VIEW_ACTIONS = ['expert.profile_viewed', 'expert.private_viewed', 'expert.cv_downloaded'] as const;

/** How many openings the expert sees: the latest ones; the audit log keeps the rest for its retention period. */
const SHOWN = 30;

export interface ProfileViewer {
  at: Date;
  what: 'profile' | 'cv';
  /** names of the institutions the viewer acted for; empty for the programme's own officers */
  institutions: string[];
  /** an officer or an admin of the programme, not an institution */
  programme: boolean;
}

/**
 * The institutions that opened the expert's profile or CV, and when, from the audit log. Names of institutions,
 * never the people who acted for them: the expert learns which organisation looked, as the design's data
 * minimisation asks. Entries written since this feature carry the institutions in their details; older ones fall
 * back to the viewer's current memberships. Three queries whatever the number of entries.
 */
export async function listProfileViewers(prisma: PrismaClient, profile: { id: string; userId: string }): Promise<ProfileViewer[]> {
  const rows = await prisma.auditLog.findMany({
    where: { entity: 'ExpertProfile', entityId: profile.id, action: { in: [...VIEW_ACTIONS] }, actorId: { not: profile.userId } },
    select: { action: true, createdAt: true, details: true, actor: { select: { role: true, memberships: { select: { institutionId: true } } } } },
    orderBy: { createdAt: 'desc' },
    take: SHOWN,
  });
  const idsOf = (row: (typeof rows)[number]): string[] => {
    const given = (row.details as { institutionIds?: unknown } | null)?.institutionIds;
    if (Array.isArray(given)) return given.filter((x): x is string => typeof x === 'string');
    return row.actor?.memberships.map((m) => m.institutionId) ?? [];
  };
  const ids = [...new Set(rows.flatMap(idsOf))];
  const names = new Map(
    (await prisma.institution.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((i) => [i.id, i.name]),
  );
  return rows.map((row) => {
    const programme = row.actor?.role === 'officer' || row.actor?.role === 'admin';
    return {
      at: row.createdAt,
      what: row.action === 'expert.cv_downloaded' ? 'cv' : 'profile',
      programme,
      institutions: programme ? [] : idsOf(row).flatMap((id) => names.get(id) ?? []),
    };
  });
}

/**
 * The institutions a staff viewer opens a profile for, written into the audit entry: those of the expert's
 * candidacies when the viewer is one of them, else every active membership (any of them let the viewer in).
 */
export function viewerInstitutionIds(
  actor: { memberships: { institutionId: string; status: string }[] },
  expert: { candidacies?: { institutionId: string }[] },
): string[] {
  const own = actor.memberships.filter((m) => m.status === 'active').map((m) => m.institutionId);
  const linked = own.filter((id) => (expert.candidacies ?? []).some((c) => c.institutionId === id));
  return linked.length ? linked : own;
}
