import { z } from 'zod';
import type { PrismaClient } from '../db/prisma.js';
import type { CommandContext } from './deps.js';
import { choice } from './form-fields.js';
import { saveProfileFields } from './save-profile-fields.js';

export const VISIBILITIES = ['private', 'institutions', 'public'] as const;

export const visibilitySchema = z.object({ visibility: choice(VISIBILITIES) });

/** Who may open the profile page (src/auth/policy.ts seeExpertProfile): the expert's choice alone. */
export async function updateVisibility(prisma: PrismaClient, input: z.infer<typeof visibilitySchema>, ctx: CommandContext): Promise<void> {
  await saveProfileFields(prisma, ctx, 'expert.visibility_updated', input);
}
