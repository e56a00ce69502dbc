import { evaluate } from '../cofinancing/evaluate.js';
import { activeRuleSet } from '../cofinancing/rule-sets.js';
import { centsToDecimal, toCents } from '../cofinancing/money.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Prisma } from '../db/prisma.js';
import { notify, officers } from '../notifications/notify.js';
import { inTransaction, type CommandContext, type Db, type Tx } from './db.js';
import { PROJECT_TRANSITIONS, type ProjectAction } from './policy.js';
import { effectiveOutcomes, evaluationOf, factsOf } from './precheck.js';

export interface ProjectTransitionInput {
  projectId: string;
  action: ProjectAction;
  version: number;
  reason?: string;
  /** funded: the grant actually granted (centimes) and its date */
  grantAwarded?: bigint;
  fundedOn?: Date;
}

export type ProjectTransitionResult =
  | { ok: true }
  | { ok: false; reason: 'conflict' | 'reasonRequired' | 'detailsRequired' | 'precheckFailed' | 'grantAboveCost' };

/** Runs the rule set in force on the project and stores the result with the version used and each rule's outcome. */
export async function evaluateProject(tx: Tx, projectId: string, now: Date) {
  const project = await tx.investmentProject.findUniqueOrThrow({ where: { id: projectId } });
  const ruleSet = await activeRuleSet(tx, now);
  const result = evaluate(ruleSet, factsOf(project));
  const json = result as unknown as Prisma.InputJsonValue;
  await tx.investmentEvaluation.create({
    data: { projectId, ruleSetVersion: ruleSet.version, eligible: result.eligible, grant: result.grant, result: json, createdAt: now },
  });
  await tx.investmentProject.update({ where: { id: projectId }, data: { eligibility: json } });
  return result;
}

/**
 * One guarded step of a project's lifecycle: the update only happens from the expected status and version (of two
 * officers acting at once exactly one wins), is recorded as an event, audited, and notified in-app and by e-mail
 * in each recipient's language. Submitting runs the co-financing pre-check; an officer marks a project eligible
 * only when every rule passes, automatically or by an override with its reason.
 */
export async function transitionProject(
  deps: { db: Db; publicUrl: string },
  input: ProjectTransitionInput,
  ctx: CommandContext,
): Promise<ProjectTransitionResult> {
  const t = PROJECT_TRANSITIONS[input.action];
  const reason = input.reason?.trim() || undefined;
  if (t.reason && !reason) return { ok: false, reason: 'reasonRequired' };
  if (input.action === 'fund' && (input.grantAwarded === undefined || !input.fundedOn)) return { ok: false, reason: 'detailsRequired' };
  const now = ctx.now ?? new Date();
  return inTransaction(deps.db, async (tx) => {
    const p = await tx.investmentProject.findUniqueOrThrow({ where: { id: input.projectId }, include: { overrides: true } });
    if (p.version !== input.version || !t.from.includes(p.status)) return fail('conflict');
    if (input.action === 'approve') {
      const evaluation = evaluationOf(p.eligibility);
      if (!evaluation || !effectiveOutcomes(evaluation, p.overrides).eligible) return fail('precheckFailed');
    }
    if (input.action === 'fund' && input.grantAwarded! > toCents(p.totalCost)) return fail('grantAboveCost');
    const updated = await tx.investmentProject.updateMany({
      where: { id: p.id, status: p.status, version: input.version },
      data: {
        status: t.to, version: { increment: 1 }, updatedAt: now,
        ...(input.action === 'submit' ? { submittedAt: now } : {}),
        ...(input.action === 'reject' ? { decisionReason: reason } : {}),
        ...(input.action === 'fund' ? { grantAwarded: centsToDecimal(input.grantAwarded!), fundedOn: input.fundedOn } : {}),
      },
    });
    if (updated.count !== 1) return fail('conflict');
    if (input.action === 'submit') await evaluateProject(tx, p.id, now);
    await tx.investmentEvent.create({ data: { projectId: p.id, actorId: ctx.actorId, fromStatus: p.status, toStatus: t.to, note: reason, createdAt: now } });
    await recordAudit(tx, {
      actorId: ctx.actorId, action: `investment.${input.action}`, entity: 'InvestmentProject', entityId: p.id, ip: ctx.ip,
      details: { from: p.status, to: t.to, ...(input.grantAwarded !== undefined ? { grantAwarded: centsToDecimal(input.grantAwarded) } : {}) },
    });
    const toOfficers = input.action === 'submit' || (input.action === 'withdraw' && p.status !== 'draft') ? await officers(tx) : [];
    const recipients = [...(p.ownerId ? [p.ownerId] : []), ...toOfficers].filter((id) => id !== ctx.actorId);
    await notify(tx, deps.publicUrl, recipients, { kind: `investment.${t.to}`, params: { title: p.title }, link: `/investments/${p.id}` });
    return { ok: true as const };
  });
}

function fail(reason: Exclude<ProjectTransitionResult, { ok: true }>['reason']): ProjectTransitionResult {
  return { ok: false, reason };
}

/** An officer's decision on one rule, with its mandatory reason, kept beside the automatic outcome and audited. */
export async function overrideRule(
  db: Db,
  input: { projectId: string; ruleId: string; passed: boolean; reason: string },
  ctx: CommandContext,
): Promise<{ ok: true } | { ok: false; reason: 'reasonRequired' | 'unknownRule' | 'conflict' }> {
  const reason = input.reason.trim();
  if (!reason) return { ok: false, reason: 'reasonRequired' };
  return inTransaction(db, async (tx) => {
    const p = await tx.investmentProject.findUniqueOrThrow({ where: { id: input.projectId } });
    if (!['submitted', 'under_review'].includes(p.status)) return { ok: false as const, reason: 'conflict' as const };
    const evaluation = evaluationOf(p.eligibility);
    if (!evaluation?.outcomes.some((o) => o.ruleId === input.ruleId)) return { ok: false as const, reason: 'unknownRule' as const };
    await tx.investmentRuleOverride.create({
      data: { projectId: p.id, ruleId: input.ruleId, passed: input.passed, reason, officerId: ctx.actorId, createdAt: ctx.now ?? new Date() },
    });
    await recordAudit(tx, {
      actorId: ctx.actorId, action: 'investment.rule_overridden', entity: 'InvestmentProject', entityId: p.id, ip: ctx.ip,
      details: { ruleId: input.ruleId, passed: input.passed, automatic: evaluation.outcomes.find((o) => o.ruleId === input.ruleId)?.passed ?? null },
    });
    return { ok: true as const };
  });
}
