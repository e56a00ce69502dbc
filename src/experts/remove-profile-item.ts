import { z } from 'zod';
import type { PrismaClient } from '../db/prisma.js';
import type { CommandContext } from './deps.js';
import { saveProfileFields } from './save-profile-fields.js';

/** The lists an expert removes entries from, and what names an entry in the form. */
export const removalSchemas = {
  skills: z.object({ skillId: z.string().regex(/^\d{1,9}$/, 'validation.choice').transform(Number) }),
  languages: z.object({ language: z.string().regex(/^[a-z]{2,3}$/, 'validation.choice') }),
  availability: z.object({ id: z.uuid('validation.choice') }),
  degrees: z.object({ id: z.uuid('validation.choice') }),
} as const;
export type RemovableList = keyof typeof removalSchemas;

/**
 * Removes one entry of the expert's own lists. Every delete is scoped to the profile of the session's user, so an
 * id of someone else's entry matches nothing: removing it is a no-op, never a way to touch another profile.
 */
export async function removeProfileItem<L extends RemovableList>(
  prisma: PrismaClient, list: L, input: z.infer<(typeof removalSchemas)[L]>, ctx: CommandContext,
): Promise<boolean> {
  let removed = 0;
  await saveProfileFields(prisma, ctx, `expert.${list}_removed`, {}, async (tx, expertId) => {
    const i = input as Record<string, string | number>;
    const result =
      list === 'skills' ? await tx.expertSkill.deleteMany({ where: { expertId, skillId: Number(i.skillId) } })
      : list === 'languages' ? await tx.expertLanguage.deleteMany({ where: { expertId, language: String(i.language) } })
      : list === 'availability' ? await tx.availability.deleteMany({ where: { expertId, id: String(i.id) } })
      : await tx.expertDegree.deleteMany({ where: { expertId, id: String(i.id) } });
    removed = result.count;
  });
  return removed === 1;
}
