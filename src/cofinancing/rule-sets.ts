import { z } from 'zod';
import type { Prisma, PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import { isRealDay } from '../lib/iso-day.js';
import type { FieldErrors } from '../http/forms.js';
import { RuleSetDocumentSchema, type RuleSet } from './rules.js';

type Db = PrismaClient | Prisma.TransactionClient;
type Row = { version: number; name: string; effectiveFrom: Date; rules: Prisma.JsonValue };

/** A stored rule set with its document checked again: a row edited by hand in the database fails loudly here. */
export function toRuleSet(row: Row): RuleSet {
  return { version: row.version, name: row.name, effectiveFrom: row.effectiveFrom, document: RuleSetDocumentSchema.parse(row.rules) };
}

/** The rule set in force on a day: the latest active version whose effective date has come. */
export async function activeRuleSet(db: Db, on: Date = new Date()): Promise<RuleSet> {
  const row = await db.cofinancingRuleSet.findFirst({
    where: { active: true, effectiveFrom: { lte: on } },
    orderBy: [{ effectiveFrom: 'desc' }, { version: 'desc' }],
  });
  if (!row) throw new Error('no co-financing rule set in force: the migration seeds version 1');
  return toRuleSet(row);
}

export function listRuleSets(db: Db) {
  return db.cofinancingRuleSet.findMany({ orderBy: { version: 'desc' }, include: { _count: { select: { evaluations: true } } } });
}

// A real calendar day (src/lib), and one a rule set can plausibly take effect on.
const day = z.string().trim().refine((v) => isRealDay(v) && v >= '2000-01-01' && v <= '2100-12-31', 'invest.admin.errors.date');

export const ruleSetFormSchema = z.object({
  name: z.string().trim().min(1, 'validation.required').max(120),
  effectiveFrom: day,
  note: z.string().trim().max(500).optional(),
  rules: z.string().trim().min(1, 'validation.required').max(20_000),
});

/**
 * Saves a new version (never an edit: a version that evaluations used must stay as it was). The document is
 * JSON, checked against the rule schema and against the investment sectors that exist.
 */
export async function createRuleSetVersion(
  prisma: PrismaClient,
  input: z.infer<typeof ruleSetFormSchema>,
  ctx: { actorId: string; ip?: string },
): Promise<{ ok: true; version: number } | { ok: false; errors: FieldErrors }> {
  let json: unknown;
  try {
    json = JSON.parse(input.rules);
  } catch {
    return { ok: false, errors: { rules: { key: 'invest.admin.errors.json' } } };
  }
  const parsed = RuleSetDocumentSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.join('.') || '/';
    const key = issue.message.startsWith('invest.') ? issue.message : 'invest.admin.errors.schema';
    return { ok: false, errors: { rules: { key, params: { where } } } };
  }
  const sectors = new Set((await prisma.investmentSector.findMany({ select: { code: true } })).map((s) => s.code));
  for (const rule of parsed.data.rules) {
    const unknown = rule.kind === 'sector_in' ? rule.sectors.find((s) => !sectors.has(s)) : undefined;
    if (unknown) return { ok: false, errors: { rules: { key: 'invest.admin.errors.unknownSector', params: { code: unknown } } } };
  }
  const row = await prisma.$transaction(async (tx) => {
    const saved = await tx.cofinancingRuleSet.create({
      data: { name: input.name, rules: parsed.data, effectiveFrom: new Date(`${input.effectiveFrom}T00:00:00Z`), note: input.note || null, createdById: ctx.actorId },
    });
    await recordAudit(tx, { actorId: ctx.actorId, action: 'cofinancing.rule_set_created', entity: 'CofinancingRuleSet', entityId: String(saved.version), ip: ctx.ip, details: { name: input.name, effectiveFrom: input.effectiveFrom } });
    return saved;
  });
  return { ok: true, version: row.version };
}
