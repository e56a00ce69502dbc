import type { PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';

/** An institution administrator rewrites the public description (checked by the route through the policy). */
export async function updateInstitutionDescription(
  prisma: PrismaClient,
  input: { institutionId: string; description: string },
  ctx: { actorId: string; ip?: string },
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.institution.update({ where: { id: input.institutionId }, data: { description: input.description || null } });
    await recordAudit(tx, { actorId: ctx.actorId, action: 'institution.description_updated', entity: 'Institution', entityId: input.institutionId, ip: ctx.ip });
  });
}
