import { z } from 'zod';
import type { PrismaClient } from '../db/prisma.js';
import { COUNTRY_CODES } from '../reference/codes.js';
import { REGIONS } from '../reference/data/regions.js';
import type { CommandContext } from './deps.js';
import { manyOf, optionalChoice, optionalText } from './form-fields.js';
import { saveProfileFields } from './save-profile-fields.js';

export const REGION_CODES = REGIONS.map((r) => r.code);

export const residenceSchema = z.object({
  countryOfResidence: optionalChoice(COUNTRY_CODES),
  cityOfResidence: optionalText(100),
  nationalities: manyOf(COUNTRY_CODES, 3),
  originRegionCode: optionalChoice(REGION_CODES),
  originCommune: optionalText(100),
});
export type ResidenceInput = z.infer<typeof residenceSchema>;

export async function updateResidence(prisma: PrismaClient, input: ResidenceInput, ctx: CommandContext): Promise<void> {
  const { originRegionCode, ...rest } = input;
  await saveProfileFields(prisma, ctx, 'expert.residence_updated', {
    ...rest,
    originRegion: originRegionCode ? { connect: { code: originRegionCode } } : { disconnect: true },
  });
}
