import type { Prisma, PrismaClient } from '../db/prisma.js';

export interface AuditEntry {
  actorId?: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  ip?: string | null;
  details?: Prisma.InputJsonValue;
}

/**
 * Appends to the audit log. Called with the transaction of the change it records, so the entry exists exactly
 * when the change does. Details never hold secrets: no password, token or session id goes in.
 */
export async function recordAudit(db: PrismaClient | Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: entry.actorId ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      ip: entry.ip ?? null,
      details: entry.details,
    },
  });
}
