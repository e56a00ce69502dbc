import type { PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import type { EventData } from './schemas.js';

/** An officer's new event, open for registration at once (checked by the route through the policy). */
export async function createEvent(prisma: PrismaClient, data: EventData, ctx: { actorId: string; ip?: string }): Promise<string> {
  return prisma.$transaction(async (tx) => {
    const event = await tx.event.create({ data: { ...data, createdById: ctx.actorId } });
    await recordAudit(tx, { actorId: ctx.actorId, action: 'event.created', entity: 'Event', entityId: event.id, ip: ctx.ip, details: { capacity: data.capacity } });
    return event.id;
  });
}
