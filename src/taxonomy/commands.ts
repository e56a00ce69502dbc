import type { z } from 'zod';
import { recordAudit } from '../audit/record-audit.js';
import { Prisma, type PrismaClient } from '../db/prisma.js';
import { SKILLS_EDITED_KEY } from '../reference/seed-reference.js';
import { announceReferenceChange } from './notify.js';
import type { activeSkillSchema, addSkillSchema, mergeSkillsSchema, moveSkillSchema, renameSkillSchema } from './schemas.js';

/** A refusal shown next to a field; nothing was changed. */
export class TaxonomyError extends Error {
  constructor(readonly field: string, readonly key: string) {
    super(key);
  }
}

export interface Ctx { actorId: string; ip?: string }
type Tx = Prisma.TransactionClient;

async function skillByCode(tx: Tx, code: string, field: string) {
  const skill = await tx.skill.findUnique({ where: { code }, select: { id: true, code: true, broaderId: true, active: true } });
  if (!skill) throw new TaxonomyError(field, 'refAdmin.errors.unknown');
  return skill;
}

/** True when `candidate` is `skill` or lies below it (following broader links up from the candidate). */
async function isSelfOrNarrower(tx: Tx, skillId: number, candidateId: number): Promise<boolean> {
  const rows = await tx.$queryRaw<{ found: boolean }[]>`
    WITH RECURSIVE up(id, broader, depth) AS (
      SELECT id, "broaderId", 0 FROM "Skill" WHERE id = ${candidateId}
      UNION ALL SELECT s.id, s."broaderId", up.depth + 1 FROM "Skill" s JOIN up ON s.id = up.broader WHERE up.depth < 50)
    SELECT EXISTS (SELECT 1 FROM up WHERE id = ${skillId}) AS found`;
  return rows[0]?.found ?? false;
}

/** Every change: one transaction with its audit entry and the notification that every instance hears at commit. */
async function change<T>(prisma: PrismaClient, ctx: Ctx, action: string, code: string, details: Prisma.InputJsonValue, work: (tx: Tx) => Promise<T>) {
  return prisma.$transaction(async (tx) => {
    const result = await work(tx);
    await recordAudit(tx, { actorId: ctx.actorId, action, entity: 'Skill', entityId: code, ip: ctx.ip, details });
    await announceReferenceChange(tx, 'skills');
    // From now on a release's seed adds missing skills only, and never undoes this change (src/reference).
    await tx.appSetting.upsert({ where: { key: SKILLS_EDITED_KEY }, create: { key: SKILLS_EDITED_KEY, value: true }, update: {} });
    return result;
  });
}

export async function addSkill(prisma: PrismaClient, input: z.infer<typeof addSkillSchema>, ctx: Ctx) {
  try {
    await change(prisma, ctx, 'skill.added', input.code, input, async (tx) => {
      if (!(await tx.sector.findUnique({ where: { code: input.sector } }))) throw new TaxonomyError('sector', 'validation.choice');
      const broader = input.broader ? await skillByCode(tx, input.broader, 'broader') : undefined;
      await tx.skill.create({ data: { code: input.code, sectorCode: input.sector, broaderId: broader?.id ?? null, labelFr: input.labelFr, labelAr: input.labelAr, labelEn: input.labelEn } });
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') throw new TaxonomyError('code', 'refAdmin.errors.taken');
    throw err;
  }
}

export async function renameSkill(prisma: PrismaClient, input: z.infer<typeof renameSkillSchema>, ctx: Ctx) {
  await change(prisma, ctx, 'skill.renamed', input.code, input, async (tx) => {
    const skill = await skillByCode(tx, input.code, 'code');
    await tx.skill.update({ where: { id: skill.id }, data: { labelFr: input.labelFr, labelAr: input.labelAr, labelEn: input.labelEn } });
  });
}

/** Puts a skill under a broader one (or at the top); a link that would close a cycle is refused. */
export async function moveSkill(prisma: PrismaClient, input: z.infer<typeof moveSkillSchema>, ctx: Ctx) {
  await change(prisma, ctx, 'skill.moved', input.code, { broader: input.broader ?? null }, async (tx) => {
    const skill = await skillByCode(tx, input.code, 'code');
    const broader = input.broader ? await skillByCode(tx, input.broader, 'broader') : undefined;
    if (broader && (await isSelfOrNarrower(tx, skill.id, broader.id))) throw new TaxonomyError('broader', 'refAdmin.errors.cycle');
    await tx.skill.update({ where: { id: skill.id }, data: { broaderId: broader?.id ?? null } });
  });
}

/**
 * Merges `from` into `into`: every expert and need that held `from` now holds `into`, at the higher of the two
 * levels when they held both (a need keeps `required` if either link was). The narrower skills of `from` move
 * under `into`; `from` is deactivated, not deleted, so old audit entries and exports still name it.
 */
export async function mergeSkills(prisma: PrismaClient, input: z.infer<typeof mergeSkillsSchema>, ctx: Ctx) {
  return change(prisma, ctx, 'skill.merged', input.from, { into: input.into }, async (tx) => {
    const from = await skillByCode(tx, input.from, 'from');
    const into = await skillByCode(tx, input.into, 'into');
    if (from.id === into.id) throw new TaxonomyError('into', 'refAdmin.errors.mergeSelf');
    if (await isSelfOrNarrower(tx, from.id, into.id)) throw new TaxonomyError('into', 'refAdmin.errors.mergeNarrower');
    if (!into.active) throw new TaxonomyError('into', 'refAdmin.errors.inactive');
    const [f, i] = [from.id, into.id];
    await tx.$executeRaw`UPDATE "ExpertSkill" k SET level = GREATEST(k.level, o.level), years = GREATEST(k.years, o.years)
      FROM "ExpertSkill" o WHERE o."skillId" = ${f} AND k."skillId" = ${i} AND k."expertId" = o."expertId"`;
    await tx.$executeRaw`DELETE FROM "ExpertSkill" o WHERE o."skillId" = ${f}
      AND EXISTS (SELECT 1 FROM "ExpertSkill" k WHERE k."skillId" = ${i} AND k."expertId" = o."expertId")`;
    const experts = await tx.$executeRaw`UPDATE "ExpertSkill" SET "skillId" = ${i} WHERE "skillId" = ${f}`;
    await tx.$executeRaw`UPDATE "NeedSkill" k SET "minLevel" = GREATEST(k."minLevel", o."minLevel"),
      requirement = (CASE WHEN k.requirement = 'required' OR o.requirement = 'required' THEN 'required' ELSE 'desirable' END)::"SkillRequirement"
      FROM "NeedSkill" o WHERE o."skillId" = ${f} AND k."skillId" = ${i} AND k."needId" = o."needId"`;
    await tx.$executeRaw`DELETE FROM "NeedSkill" o WHERE o."skillId" = ${f}
      AND EXISTS (SELECT 1 FROM "NeedSkill" k WHERE k."skillId" = ${i} AND k."needId" = o."needId")`;
    await tx.$executeRaw`UPDATE "NeedSkill" SET "skillId" = ${i} WHERE "skillId" = ${f}`;
    await tx.skill.updateMany({ where: { broaderId: f }, data: { broaderId: i } });
    await tx.skill.update({ where: { id: f }, data: { active: false, broaderId: i } });
    return { experts };
  });
}

/** A deactivated skill is hidden from the pickers and kept on the profiles and needs that hold it. */
export async function setSkillActive(prisma: PrismaClient, input: z.infer<typeof activeSkillSchema>, ctx: Ctx) {
  await change(prisma, ctx, input.active === 'true' ? 'skill.activated' : 'skill.deactivated', input.code, {}, async (tx) => {
    const skill = await skillByCode(tx, input.code, 'code');
    await tx.skill.update({ where: { id: skill.id }, data: { active: input.active === 'true' } });
  });
}
