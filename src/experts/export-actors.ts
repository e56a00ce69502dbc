import type { PrismaClient } from '../db/prisma.js';

/** Who acted, as the export tells it. */
export type ActorLabel = { self: true } | { role: string; institution?: string };

/**
 * The expert's export names the people who acted on their data only as much as the expert may know them: a role,
 * and for institution staff the institution. Their user ids and IP addresses are their own personal data, not the
 * expert's (GDPR art. 15(4): the right of access must not adversely affect the rights of others).
 */
export async function actorLabels(prisma: PrismaClient, selfId: string, actorIds: Iterable<string | null>): Promise<(actorId: string | null) => ActorLabel> {
  const ids = [...new Set([...actorIds].filter((id): id is string => !!id && id !== selfId))];
  const users = await prisma.user.findMany({
    where: { id: { in: ids } },
    select: { id: true, role: true, memberships: { where: { status: 'active' }, select: { institution: { select: { name: true } } } } },
  });
  const labels = new Map<string, ActorLabel>(users.map((u) => {
    const institution = u.role === 'staff' ? u.memberships.map((m) => m.institution.name).sort().join(', ') : '';
    return [u.id, institution ? { role: u.role, institution } : { role: u.role }];
  }));
  // no actor: a scheduled job or an anonymous request; an actor since erased: a person whose role is no longer known
  return (actorId) => (actorId === selfId ? { self: true } : actorId ? (labels.get(actorId) ?? { role: 'unknown' }) : { role: 'system' });
}

interface AuditRow {
  id: bigint;
  actorId: string | null;
  action: string;
  createdAt: Date;
}

/** The expert's own entries whole; an entry by anyone else (or by nobody) says only what was done, by whom, when. */
export function exportedAuditEntry<T extends AuditRow>(entry: T, selfId: string, who: (actorId: string | null) => ActorLabel) {
  if (entry.actorId === selfId) return { ...entry, id: entry.id.toString() };
  return { action: entry.action, at: entry.createdAt.toISOString(), by: who(entry.actorId) };
}

/** A lifecycle event (candidacy, mission) without the actor's user id. */
export function exportedEvent<T extends { actorId: string | null }>(event: T, who: (actorId: string | null) => ActorLabel) {
  const { actorId, ...rest } = event;
  return { ...rest, by: who(actorId) };
}

/** The institution's evaluation says who evaluated by role and institution, not by user id. */
export function exportedReport<T extends { evaluatorId: string | null }>(report: T, who: (actorId: string | null) => ActorLabel) {
  const { evaluatorId, ...rest } = report;
  return { ...rest, evaluatedBy: evaluatorId ? who(evaluatorId) : null };
}
