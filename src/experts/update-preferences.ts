import { z } from 'zod';
import type { PrismaClient } from '../db/prisma.js';
import type { CommandContext } from './deps.js';
import { manyOf, optionalInt } from './form-fields.js';
import { saveProfileFields } from './save-profile-fields.js';
import { REGION_CODES } from './update-residence.js';

export const MISSION_MODES = ['on_site', 'remote', 'hybrid'] as const;

export const preferencesSchema = z.object({
  missionModes: manyOf(MISSION_MODES, 3),
  preferredRegions: manyOf(REGION_CODES, REGION_CODES.length),
  maxMissionDays: optionalInt(1, 365, 'validation.expert.maxDays'),
});
export type PreferencesInput = z.infer<typeof preferencesSchema>;

export async function updatePreferences(prisma: PrismaClient, input: PreferencesInput, ctx: CommandContext): Promise<void> {
  await saveProfileFields(prisma, ctx, 'expert.preferences_updated', input);
}
