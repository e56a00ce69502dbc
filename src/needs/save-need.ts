import type { Prisma, PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import type { FieldErrors } from '../http/forms.js';
import { dayOfIso } from '../lib/iso-day.js';
import { claimSubmission, settleSubmission, type Submission } from '../http/submission-key.js';
import { LANGUAGE_CODES } from '../reference/codes.js';
import { languageRowsOf, skillRowsOf, type NeedForm } from './need-form.js';
import { windowMessage, windowProblem } from './need-window.js';

export type SaveResult = { ok: true; id: string } | { ok: false; errors: FieldErrors } | { ok: false; conflict: true };

interface Ctx {
  actorId: string;
  ip?: string;
  now?: Date;
}

/**
 * Creates a draft need for an institution the actor acts for (checked by the route through the policy). With a
 * submission key, a replay throws ReplayedSubmission (leading to the first need) instead of creating a second one.
 */
export async function createNeed(
  prisma: PrismaClient, institutionId: string, form: NeedForm, ctx: Ctx, submission?: Submission,
): Promise<SaveResult> {
  const resolved = await resolve(prisma, form, ctx.now ?? new Date());
  if (!resolved.ok) return resolved;
  const id = await prisma.$transaction(async (tx) => {
    await claimSubmission(tx, submission);
    const need = await tx.need.create({
      data: { ...resolved.fields, institutionId, createdById: ctx.actorId, status: 'draft', skills: { create: resolved.skills }, languages: { create: resolved.languages } },
    });
    await tx.needEvent.create({ data: { needId: need.id, actorId: ctx.actorId, toStatus: 'draft' } });
    await recordAudit(tx, { actorId: ctx.actorId, action: 'need.created', entity: 'Need', entityId: need.id, ip: ctx.ip });
    await settleSubmission(tx, submission, `/needs/${need.id}`);
    return need.id;
  });
  return { ok: true, id };
}

/**
 * Saves an edited need while it is a draft or awaits review. The version sent with the form must still be the
 * stored one: two people editing at once cannot silently overwrite each other (the second is told).
 */
export async function updateNeed(prisma: PrismaClient, needId: string, form: NeedForm, ctx: Ctx): Promise<SaveResult> {
  const resolved = await resolve(prisma, form, ctx.now ?? new Date());
  if (!resolved.ok) return resolved;
  return prisma.$transaction(async (tx) => {
    const updated = await tx.need.updateMany({
      where: { id: needId, version: form.version ?? -1, status: { in: ['draft', 'submitted'] } },
      data: { ...resolved.fields, version: { increment: 1 } },
    });
    if (updated.count !== 1) return { ok: false as const, conflict: true as const };
    await tx.needSkill.deleteMany({ where: { needId } });
    await tx.needLanguage.deleteMany({ where: { needId } });
    await tx.needSkill.createMany({ data: resolved.skills.map((s) => ({ ...s, needId })) });
    await tx.needLanguage.createMany({ data: resolved.languages.map((l) => ({ ...l, needId })) });
    await recordAudit(tx, { actorId: ctx.actorId, action: 'need.edited', entity: 'Need', entityId: needId, ip: ctx.ip });
    return { ok: true as const, id: needId };
  });
}

type Resolved =
  | {
      ok: true;
      fields: Omit<Prisma.NeedUncheckedCreateInput, 'institutionId' | 'status'>;
      skills: { skillId: number; minLevel: number; requirement: 'required' | 'desirable' }[];
      languages: { language: string; minLevel: 'A1' | 'A2' | 'B1' | 'B2' | 'C1' | 'C2' | 'native' }[];
    }
  | { ok: false; errors: FieldErrors };

/** Checks what only the database knows (sector, region, skills) and turns the form into rows. */
async function resolve(prisma: PrismaClient, form: NeedForm, now: Date): Promise<Resolved> {
  const errors: FieldErrors = {};
  const windowStart = dayOfIso(form.windowStart);
  const windowEnd = dayOfIso(form.windowEnd);
  const problem = windowProblem(windowEnd, now);
  if (problem) errors.windowEnd = windowMessage(problem);
  const [sector, region] = await Promise.all([
    prisma.sector.findUnique({ where: { code: form.sectorCode } }),
    prisma.region.findUnique({ where: { code: form.regionCode } }),
  ]);
  if (!sector) errors.sectorCode = { key: 'validation.choice' };
  if (!region) errors.regionCode = { key: 'validation.choice' };
  // a need's commune is one of the list, in the need's own region
  if (form.communeCode) {
    const commune = await prisma.commune.findUnique({ where: { code: form.communeCode } });
    if (!commune) errors.communeCode = { key: 'validation.choice' };
    else if (commune.regionCode !== form.regionCode) errors.communeCode = { key: 'amedip.errors.communeRegion' };
  }
  const rows = skillRowsOf(form);
  const wanted = rows.map((r) => r.skill.toLowerCase());
  const found = await prisma.skill.findMany({
    where: {
      active: true,
      OR: [
        { code: { in: rows.map((r) => r.skill) } },
        ...wanted.map((w) => ({ OR: [{ labelFr: { equals: w, mode: 'insensitive' as const } }, { labelEn: { equals: w, mode: 'insensitive' as const } }, { labelAr: { equals: w } }] })),
      ],
    },
  });
  const byText = new Map<string, number>();
  for (const s of found) for (const k of [s.code, s.labelFr, s.labelEn, s.labelAr]) byText.set(k.toLowerCase(), s.id);
  const skills = new Map<number, { skillId: number; minLevel: number; requirement: 'required' | 'desirable' }>();
  for (const row of rows) {
    const skillId = byText.get(row.skill.toLowerCase());
    if (!skillId) errors[`skill_${row.index}`] = { key: 'needs.errors.unknownSkill' };
    else if (skills.has(skillId)) errors[`skill_${row.index}`] = { key: 'needs.errors.duplicateSkill' };
    else skills.set(skillId, { skillId, minLevel: row.level, requirement: row.requirement });
  }
  const languages = new Map<string, { language: string; minLevel: 'A1' | 'A2' | 'B1' | 'B2' | 'C1' | 'C2' | 'native' }>();
  for (const row of languageRowsOf(form)) {
    if (!LANGUAGE_CODES.includes(row.language)) errors[`lang_${row.index}`] = { key: 'validation.choice' };
    else languages.set(row.language, { language: row.language, minLevel: row.level });
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    fields: {
      title: form.title, description: form.description, baseline: form.baseline ?? null, sectorCode: form.sectorCode,
      regionCode: form.regionCode, city: form.city ?? null, communeCode: form.communeCode ?? null, mode: form.mode,
      windowStart, windowEnd,
      durationDays: form.durationDays, expertsWanted: form.expertsWanted,
      climateTag: form.climateTag === 'on', genderTag: form.genderTag === 'on',
      audiences: form.audiences?.length ? form.audiences : ['diaspora'],
    },
    skills: [...skills.values()],
    languages: [...languages.values()],
  };
}
