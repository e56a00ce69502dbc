import { z } from 'zod';
import type { PrismaClient } from '../db/prisma.js';
import type { FieldErrors } from '../http/forms.js';
import type { CommandContext } from './deps.js';
import { optionalInt, optionalText, requiredText } from './form-fields.js';
import { saveProfileFields } from './save-profile-fields.js';

export const MAX_DEGREES = 15;

export const degreeSchema = z.object({
  title: requiredText(200),
  field: optionalText(200),
  institution: optionalText(200),
  year: optionalInt(1940, 2100, 'validation.expert.year'),
});
export type DegreeInput = z.infer<typeof degreeSchema>;

export async function addDegree(
  prisma: PrismaClient, input: DegreeInput, ctx: CommandContext,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  if (input.year !== null && input.year > ctx.now.getUTCFullYear() + 1) return { ok: false, errors: { year: { key: 'validation.expert.year' } } };
  const count = await prisma.expertDegree.count({ where: { expert: { userId: ctx.userId } } });
  if (count >= MAX_DEGREES) return { ok: false, errors: { title: { key: 'validation.expert.tooManyDegrees', params: { max: MAX_DEGREES } } } };
  await saveProfileFields(prisma, ctx, 'expert.degree_added', {}, (tx, expertId) => tx.expertDegree.create({ data: { expertId, ...input } }));
  return { ok: true };
}
