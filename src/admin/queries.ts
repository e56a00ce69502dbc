import type { Prisma, PrismaClient } from '../db/prisma.js';

export const ADMIN_PAGE_SIZE = 25;

export async function listUsers(prisma: PrismaClient, filter: { q?: string; role?: string; page: number }) {
  const where: Prisma.UserWhereInput = {
    status: { not: 'deleted' },
    ...(filter.role ? { role: filter.role as Prisma.UserWhereInput['role'] } : {}),
    ...(filter.q ? { OR: [{ email: { contains: filter.q, mode: 'insensitive' } }, { displayName: { contains: filter.q, mode: 'insensitive' } }] } : {}),
  };
  const [total, users] = await Promise.all([
    prisma.user.count({ where }),
    prisma.user.findMany({
      where, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], skip: (filter.page - 1) * ADMIN_PAGE_SIZE, take: ADMIN_PAGE_SIZE,
      select: { id: true, email: true, displayName: true, role: true, status: true, lastLoginAt: true, lockedUntil: true, isDemo: true, createdAt: true },
    }),
  ]);
  return { total, users, pages: Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE)) };
}

export async function listAudit(prisma: PrismaClient, filter: { action?: string; page: number }) {
  const where: Prisma.AuditLogWhereInput = filter.action ? { action: { startsWith: filter.action } } : {};
  const [total, entries] = await Promise.all([
    prisma.auditLog.count({ where }),
    prisma.auditLog.findMany({
      where, orderBy: { id: 'desc' }, skip: (filter.page - 1) * ADMIN_PAGE_SIZE, take: ADMIN_PAGE_SIZE,
      include: { actor: { select: { email: true, displayName: true } } },
    }),
  ]);
  return { total, entries, pages: Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE)) };
}
