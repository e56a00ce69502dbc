import type pg from 'pg';
import { z } from 'zod';
import type { PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import { endSessionsOf } from '../auth/sessions.js';
import { OPEN_MISSION_STATUSES } from '../missions/policy.js';

export const roleSchema = z.object({ role: z.enum(['expert', 'staff', 'officer', 'admin'], { message: 'validation.choice' }) });
export const statusSchema = z.object({ status: z.enum(['active', 'disabled'], { message: 'validation.choice' }) });

interface Deps {
  prisma: PrismaClient;
  pool: pg.Pool;
}
interface Ctx {
  actorId: string;
  ip?: string;
}
export type ManageResult = { ok: true } | { ok: false; reason: 'self' | 'notFound' | 'openMissions' };

/**
 * Admins change roles; never their own, so the last admin cannot lock everyone out by mistake. Nor that of a user
 * whose expert profile has a mission in course: promoted to officer, they would then act on their own mission.
 */
export async function changeUserRole(deps: Deps, userId: string, role: z.infer<typeof roleSchema>['role'], ctx: Ctx): Promise<ManageResult> {
  if (userId === ctx.actorId) return { ok: false, reason: 'self' };
  const user = await deps.prisma.user.findUnique({ where: { id: userId } });
  if (!user || user.status === 'deleted') return { ok: false, reason: 'notFound' };
  const changed = await deps.prisma.$transaction(async (tx) => {
    // Checked inside the transaction, on the row as it is now (a mission proposed in between is seen).
    const open = await tx.mission.count({ where: { expert: { userId }, status: { in: [...OPEN_MISSION_STATUSES] } } });
    if (open > 0 && role !== user.role) return false;
    await tx.user.update({ where: { id: userId }, data: { role } });
    await recordAudit(tx, { actorId: ctx.actorId, action: 'user.role_changed', entity: 'User', entityId: userId, ip: ctx.ip, details: { from: user.role, to: role } });
    return true;
  });
  if (!changed) return { ok: false, reason: 'openMissions' };
  // New rights take effect at once (the user is reloaded on every request); old sessions end for a clean start.
  await endSessionsOf(deps.pool, userId);
  return { ok: true };
}

/** Disabling an account ends its sessions at once. */
export async function setUserStatus(deps: Deps, userId: string, status: 'active' | 'disabled', ctx: Ctx): Promise<ManageResult> {
  if (userId === ctx.actorId) return { ok: false, reason: 'self' };
  const user = await deps.prisma.user.findUnique({ where: { id: userId } });
  if (!user || user.status === 'deleted') return { ok: false, reason: 'notFound' };
  await deps.prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { status, ...(status === 'active' ? { failedLogins: 0, lockedUntil: null } : {}) } });
    await recordAudit(tx, { actorId: ctx.actorId, action: status === 'disabled' ? 'user.disabled' : 'user.enabled', entity: 'User', entityId: userId, ip: ctx.ip });
  });
  if (status === 'disabled') await endSessionsOf(deps.pool, userId);
  return { ok: true };
}

export async function endUserSessions(deps: Deps, userId: string, ctx: Ctx): Promise<ManageResult & { ended?: number }> {
  const user = await deps.prisma.user.findUnique({ where: { id: userId } });
  if (!user) return { ok: false, reason: 'notFound' };
  const ended = await endSessionsOf(deps.pool, userId);
  await recordAudit(deps.prisma, { actorId: ctx.actorId, action: 'user.sessions_ended', entity: 'User', entityId: userId, ip: ctx.ip, details: { ended } });
  return { ok: true, ended };
}
