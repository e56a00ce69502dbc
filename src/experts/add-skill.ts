import { z } from 'zod';
import type { PrismaClient } from '../db/prisma.js';
import type { FieldErrors } from '../http/forms.js';
import type { CommandContext } from './deps.js';
import { optionalInt, requiredInt } from './form-fields.js';
import { saveProfileFields } from './save-profile-fields.js';

/** An expert lists at most this many skills: enough for a career, few enough for a profile to stay readable. */
export const MAX_SKILLS = 30;

export const skillSchema = z.object({
  skillId: requiredInt(1, 9999, 'validation.expert.skill'),
  level: requiredInt(1, 4, 'validation.expert.skillLevel'),
  years: optionalInt(0, 70, 'validation.expert.years'),
  // the search that led to the choice, kept so the page can come back to it
  q: z.string().max(100).optional(),
});
export type SkillInput = z.infer<typeof skillSchema>;

/** Adds a skill of the taxonomy with a level and years, or updates them when the skill is already listed. */
export async function addSkill(
  prisma: PrismaClient, input: SkillInput, ctx: CommandContext,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const skill = await prisma.skill.findFirst({ where: { id: input.skillId, active: true }, select: { id: true } });
  if (!skill) return { ok: false, errors: { skillId: { key: 'validation.expert.skill' } } };
  const profile = await prisma.expertProfile.findUniqueOrThrow({
    where: { userId: ctx.userId }, select: { _count: { select: { skills: true } }, skills: { where: { skillId: skill.id }, select: { skillId: true } } },
  });
  if (!profile.skills.length && profile._count.skills >= MAX_SKILLS) {
    return { ok: false, errors: { skillId: { key: 'validation.expert.tooManySkills', params: { max: MAX_SKILLS } } } };
  }
  const data = { level: input.level, years: input.years };
  await saveProfileFields(prisma, ctx, 'expert.skill_saved', {}, (tx, expertId) =>
    tx.expertSkill.upsert({ where: { expertId_skillId: { expertId, skillId: skill.id } }, create: { expertId, skillId: skill.id, ...data }, update: data }),
  );
  return { ok: true };
}
