import { centsToDecimal } from '../cofinancing/money.js';
import { recordAudit } from '../audit/record-audit.js';
import type { FieldErrors } from '../http/forms.js';
import { institutionStaff, notify } from '../notifications/notify.js';
import { inTransaction, type CommandContext, type Db } from '../investments/db.js';
import type { OpportunityInput } from './schemas.js';

/**
 * Publishes an opportunity (the route checked who may publish for which institution). Nothing is stored on bad
 * input: unknown sector or region, or a ticket range upside down.
 */
export async function publishOpportunity(
  db: Db,
  input: OpportunityInput,
  ctx: CommandContext & { isDemo?: boolean },
): Promise<{ ok: true; id: string } | { ok: false; errors: FieldErrors }> {
  const [sector, region] = await Promise.all([
    db.investmentSector.findUnique({ where: { code: input.sector }, select: { code: true } }),
    db.region.findUnique({ where: { code: input.region }, select: { code: true } }),
  ]);
  const errors: FieldErrors = {};
  if (!sector) errors.sector = { key: 'validation.choice' };
  if (!region) errors.region = { key: 'validation.choice' };
  if (input.ticketMin > input.ticketMax) errors.ticketMax = { key: 'invest.errors.ticketOrder' };
  if (Object.keys(errors).length) return { ok: false, errors };
  const now = ctx.now ?? new Date();
  return inTransaction(db, async (tx) => {
    const o = await tx.investmentOpportunity.create({
      data: {
        publisherId: ctx.actorId, institutionId: input.institutionId ?? null, title: input.title, description: input.description,
        kind: input.kind, sectorCode: input.sector, regionCode: input.region, city: input.city ?? null,
        ticketMin: centsToDecimal(input.ticketMin), ticketMax: centsToDecimal(input.ticketMax), isDemo: ctx.isDemo ?? false,
        createdAt: now, updatedAt: now,
      },
    });
    await recordAudit(tx, { actorId: ctx.actorId, action: 'opportunity.publish', entity: 'InvestmentOpportunity', entityId: o.id, ip: ctx.ip });
    return { ok: true as const, id: o.id };
  });
}

/** Who hears about an opportunity's interests: its publisher and its institution's staff. */
async function publishers(db: Db, o: { publisherId: string | null; institutionId: string | null }): Promise<string[]> {
  const staff = o.institutionId ? await institutionStaff(db, o.institutionId) : [];
  return [...(o.publisherId ? [o.publisherId] : []), ...staff];
}

/** A signed-in user's interest, once per opportunity (a second one is refused, not duplicated); the publisher is told. */
export async function expressInterest(
  deps: { db: Db; publicUrl: string },
  input: { opportunityId: string; message?: string },
  ctx: CommandContext,
): Promise<{ ok: true } | { ok: false; reason: 'closed' | 'already' }> {
  const now = ctx.now ?? new Date();
  return inTransaction(deps.db, async (tx) => {
    const o = await tx.investmentOpportunity.findUniqueOrThrow({ where: { id: input.opportunityId } });
    if (o.status !== 'open') return { ok: false as const, reason: 'closed' as const };
    // ON CONFLICT DO NOTHING: a double click or a second tab never makes a second interest nor a failed transaction.
    const inserted = await tx.investmentInterest.createMany({
      data: [{ opportunityId: o.id, userId: ctx.actorId, message: input.message ?? null, createdAt: now }],
      skipDuplicates: true,
    });
    if (inserted.count !== 1) return { ok: false as const, reason: 'already' as const };
    await recordAudit(tx, { actorId: ctx.actorId, action: 'opportunity.interest', entity: 'InvestmentOpportunity', entityId: o.id, ip: ctx.ip });
    const to = (await publishers(tx, o)).filter((id) => id !== ctx.actorId);
    await notify(tx, deps.publicUrl, to, { kind: 'opportunity.interest', params: { title: o.title }, link: `/invest/opportunities/${o.id}` });
    return { ok: true as const };
  });
}

/** The publisher's answer to one interest (a later answer replaces the earlier); the interested user is told. */
export async function answerInterest(
  deps: { db: Db; publicUrl: string },
  input: { opportunityId: string; interestId: string; answer: string },
  ctx: CommandContext,
): Promise<{ ok: boolean }> {
  const now = ctx.now ?? new Date();
  return inTransaction(deps.db, async (tx) => {
    const interest = await tx.investmentInterest.findFirst({ where: { id: input.interestId, opportunityId: input.opportunityId }, include: { opportunity: true } });
    if (!interest) return { ok: false };
    await tx.investmentInterest.update({ where: { id: interest.id }, data: { answer: input.answer, answeredAt: now } });
    await recordAudit(tx, { actorId: ctx.actorId, action: 'opportunity.answer', entity: 'InvestmentInterest', entityId: interest.id, ip: ctx.ip });
    await notify(tx, deps.publicUrl, [interest.userId], { kind: 'opportunity.answer', params: { title: interest.opportunity.title }, link: `/invest/opportunities/${input.opportunityId}` });
    return { ok: true };
  });
}

/** Closes an opportunity, guarded by its version; interests stay readable. */
export async function closeOpportunity(db: Db, input: { opportunityId: string; version: number }, ctx: CommandContext): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const r = await tx.investmentOpportunity.updateMany({ where: { id: input.opportunityId, status: 'open', version: input.version }, data: { status: 'closed', version: { increment: 1 } } });
    if (r.count !== 1) return false;
    await recordAudit(tx, { actorId: ctx.actorId, action: 'opportunity.close', entity: 'InvestmentOpportunity', entityId: input.opportunityId, ip: ctx.ip });
    return true;
  });
}
