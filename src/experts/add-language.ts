import { z } from 'zod';
import type { PrismaClient } from '../db/prisma.js';
import { CEFR_LEVELS, LANGUAGE_CODES } from '../reference/codes.js';
import type { CommandContext } from './deps.js';
import { choice } from './form-fields.js';
import { saveProfileFields } from './save-profile-fields.js';

export const languageSchema = z.object({ language: choice(LANGUAGE_CODES), level: choice(CEFR_LEVELS) });

/** Adds a language, or changes its level when the expert already listed it. */
export async function addLanguage(prisma: PrismaClient, input: z.infer<typeof languageSchema>, ctx: CommandContext): Promise<void> {
  await saveProfileFields(prisma, ctx, 'expert.language_saved', {}, (tx, expertId) =>
    tx.expertLanguage.upsert({
      where: { expertId_language: { expertId, language: input.language } },
      create: { expertId, language: input.language, level: input.level },
      update: { level: input.level },
    }),
  );
}
