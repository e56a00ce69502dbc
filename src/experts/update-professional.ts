import { z } from 'zod';
import type { PrismaClient } from '../db/prisma.js';
import { SECTORS } from '../reference/data/sectors.js';
import type { CommandContext } from './deps.js';
import { manyOf, optionalInt, optionalText } from './form-fields.js';
import { saveProfileFields } from './save-profile-fields.js';

export const SECTOR_CODES = SECTORS.map((s) => s.code);

export const professionalSchema = z.object({
  headline: optionalText(160),
  bio: optionalText(3000),
  employer: optionalText(160),
  position: optionalText(160),
  yearsExperience: optionalInt(0, 70, 'validation.expert.years'),
  sectors: manyOf(SECTOR_CODES, 5),
});
export type ProfessionalInput = z.infer<typeof professionalSchema>;

export async function updateProfessional(prisma: PrismaClient, input: ProfessionalInput, ctx: CommandContext): Promise<void> {
  await saveProfileFields(prisma, ctx, 'expert.professional_updated', input);
}
