import { crossCheckFacts } from '../cofinancing/facts-schema.js';
import { centsToDecimal, hundredthsToPercent } from '../cofinancing/money.js';
import { recordAudit } from '../audit/record-audit.js';
import type { FieldErrors } from '../http/forms.js';
import { inTransaction, type CommandContext, type Db } from './db.js';
import { crossCheckProject, type ProjectInput } from './schemas.js';

export type SaveResult = { ok: true; id: string } | { ok: false; errors: FieldErrors } | { ok: false; conflict: true };

/** The checks that read reference data: the sector, the region and an active partner bank must exist. */
async function referenceErrors(db: Db, input: ProjectInput): Promise<FieldErrors> {
  const [sectors, region, bank] = await Promise.all([
    db.investmentSector.findMany({ select: { code: true } }),
    db.region.findUnique({ where: { code: input.region }, select: { code: true } }),
    db.partnerBank.findFirst({ where: { id: input.bankId, active: true }, select: { id: true } }),
  ]);
  return {
    ...crossCheckFacts(input, sectors.map((s) => s.code)),
    ...crossCheckProject(input),
    ...(region ? {} : { region: { key: 'validation.choice' } }),
    ...(bank ? {} : { bankId: { key: 'validation.choice' } }),
  };
}

function columns(input: ProjectInput) {
  return {
    title: input.title, description: input.description, sectorCode: input.sector, regionCode: input.region, city: input.city ?? null,
    kind: input.kind, promoterStatus: input.promoter, returnedMonthsAgo: input.promoter === 'returned' ? (input.returnedMonthsAgo ?? null) : null,
    totalCost: centsToDecimal(input.totalCost), diasporaSharePercent: hundredthsToPercent(input.diasporaShare),
    ownFunds: centsToDecimal(input.ownFunds), otherFunds: centsToDecimal(input.otherFunds ?? 0n), bankId: input.bankId,
    jobsWomen: input.jobsWomen, jobsMen: input.jobsMen, jobsUnder30: input.jobsUnder30, jobsCreated: input.jobsWomen + input.jobsMen,
    climateTags: input.climateTags,
  };
}

/** Files a new project as a draft of its owner; recorded as its first event and audited. Nothing is stored on bad input. */
export async function createProject(db: Db, input: ProjectInput, ctx: CommandContext & { isDemo?: boolean }): Promise<SaveResult> {
  const errors = await referenceErrors(db, input);
  if (Object.keys(errors).length) return { ok: false, errors };
  const now = ctx.now ?? new Date();
  return inTransaction(db, async (tx) => {
    const project = await tx.investmentProject.create({
      data: { ...columns(input), ownerId: ctx.actorId, isDemo: ctx.isDemo ?? false, createdAt: now, updatedAt: now },
    });
    await tx.investmentEvent.create({ data: { projectId: project.id, actorId: ctx.actorId, fromStatus: null, toStatus: 'draft', createdAt: now } });
    await recordAudit(tx, { actorId: ctx.actorId, action: 'investment.create', entity: 'InvestmentProject', entityId: project.id, ip: ctx.ip });
    return { ok: true as const, id: project.id };
  });
}

/** Saves the owner's changes to a draft, guarded by the version the edit started from. */
export async function updateProject(db: Db, projectId: string, input: ProjectInput, ctx: CommandContext): Promise<SaveResult> {
  const errors = await referenceErrors(db, input);
  if (Object.keys(errors).length) return { ok: false, errors };
  return inTransaction(db, async (tx) => {
    const updated = await tx.investmentProject.updateMany({
      where: { id: projectId, ownerId: ctx.actorId, status: 'draft', version: input.version ?? -1 },
      data: { ...columns(input), version: { increment: 1 } },
    });
    if (updated.count !== 1) return { ok: false as const, conflict: true as const };
    await recordAudit(tx, { actorId: ctx.actorId, action: 'investment.update', entity: 'InvestmentProject', entityId: projectId, ip: ctx.ip });
    return { ok: true as const, id: projectId };
  });
}
