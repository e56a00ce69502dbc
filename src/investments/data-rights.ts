import type { Tx } from './db.js';
import type { Db } from './db.js';

/**
 * The investment track's part of a user's data (export and erasure of src/experts): their projects with events,
 * evaluations and overrides, and their interests in opportunities with the publishers' answers.
 */
export async function investmentDataOf(db: Db, userId: string) {
  const [investments, investmentInterests] = await Promise.all([
    db.investmentProject.findMany({
      where: { ownerId: userId },
      orderBy: { createdAt: 'asc' },
      include: {
        sector: true, region: { select: { code: true, nameFr: true } }, bank: { select: { name: true } },
        events: { orderBy: { createdAt: 'asc' }, select: { fromStatus: true, toStatus: true, note: true, createdAt: true } },
        evaluations: { orderBy: { createdAt: 'asc' }, select: { ruleSetVersion: true, eligible: true, grant: true, result: true, createdAt: true } },
        overrides: { orderBy: { createdAt: 'asc' }, select: { ruleId: true, passed: true, reason: true, createdAt: true } },
      },
    }),
    db.investmentInterest.findMany({
      where: { userId },
      orderBy: { createdAt: 'asc' },
      include: { opportunity: { select: { id: true, title: true } } },
    }),
  ]);
  // The business plan's bytes stay in their store; the export says the file exists and where the owner gets it.
  return {
    investments: investments.map(({ businessPlanKey, ...p }) => ({
      ...p, businessPlan: businessPlanKey ? { uploadedAt: p.businessPlanUploadedAt, download: `/investments/${p.id}/business-plan` } : null,
    })),
    investmentInterests,
  };
}

/**
 * Erasure: projects stay for the programme's statistics (sector, region, amounts, jobs, statuses, dates) but lose
 * their owner and every text the person wrote; interests keep their date and lose the message. Returns the
 * business-plan keys whose files the caller removes after the transaction.
 */
export async function anonymiseInvestmentData(tx: Tx, userId: string): Promise<string[]> {
  const plans = await tx.investmentProject.findMany({ where: { ownerId: userId, businessPlanKey: { not: null } }, select: { businessPlanKey: true } });
  const projects = await tx.investmentProject.findMany({ where: { ownerId: userId }, select: { id: true } });
  const ids = projects.map((p) => p.id);
  await tx.investmentEvent.updateMany({ where: { projectId: { in: ids }, actorId: userId }, data: { note: null, actorId: null } });
  await tx.investmentProject.updateMany({
    where: { ownerId: userId },
    data: { ownerId: null, title: '', description: '', city: null, businessPlanKey: null, businessPlanUploadedAt: null },
  });
  await tx.investmentInterest.updateMany({ where: { userId }, data: { message: null } });
  return plans.map((p) => p.businessPlanKey!).filter(Boolean);
}
