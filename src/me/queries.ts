import type { PrismaClient } from '../db/prisma.js';
import type { SignedInUser } from '../auth/load-actor.js';

/** What each role's dashboard shows: a few indexed queries, each bounded. */
export async function dashboardFor(prisma: PrismaClient, user: SignedInUser) {
  const notifications = await prisma.notification.findMany({ where: { userId: user.id }, orderBy: { createdAt: 'desc' }, take: 10 });
  const base = { notifications, unread: notifications.filter((n) => !n.readAt).length };
  switch (user.role) {
    case 'expert': {
      const profile = await prisma.expertProfile.findUnique({
        where: { userId: user.id },
        include: {
          candidacies: { orderBy: { updatedAt: 'desc' }, take: 5, include: { need: { select: { id: true, title: true } } } },
          missions: { orderBy: { startsOn: 'desc' }, take: 5, include: { need: { select: { id: true, title: true } } } },
          _count: { select: { skills: true, languages: true, availabilities: true } },
        },
      });
      return { ...base, kind: 'expert' as const, profile };
    }
    case 'staff': {
      const memberships = await prisma.institutionMember.findMany({
        where: { userId: user.id },
        include: { institution: { include: { _count: { select: { needs: true } } } } },
      });
      const active = memberships.filter((m) => m.status === 'active').map((m) => m.institutionId);
      const needs = await prisma.need.groupBy({ by: ['status'], where: { institutionId: { in: active } }, _count: true });
      const adminOf = memberships.filter((m) => m.status === 'active' && m.role === 'admin').map((m) => m.institutionId);
      const joinRequests = await prisma.institutionMember.count({ where: { institutionId: { in: adminOf }, status: 'pending' } });
      const recentNeeds = await prisma.need.findMany({
        where: { institutionId: { in: active } }, orderBy: { updatedAt: 'desc' }, take: 10,
        select: { id: true, title: true, status: true, _count: { select: { candidacies: true } } },
      });
      return { ...base, kind: 'staff' as const, memberships, needs, joinRequests, recentNeeds };
    }
    case 'officer': {
      const [pendingInstitutions, submittedNeeds, missionsToApprove] = await Promise.all([
        prisma.institution.count({ where: { status: 'pending' } }),
        prisma.need.count({ where: { status: 'submitted' } }),
        prisma.mission.count({ where: { status: 'accepted' } }),
      ]);
      return { ...base, kind: 'officer' as const, pendingInstitutions, submittedNeeds, missionsToApprove };
    }
    case 'admin': {
      const usersByRole = await prisma.user.groupBy({ by: ['role'], where: { status: 'active' }, _count: true });
      const disabled = await prisma.user.count({ where: { status: 'disabled' } });
      return { ...base, kind: 'admin' as const, usersByRole, disabled };
    }
  }
}
