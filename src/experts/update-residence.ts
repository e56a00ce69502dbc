import { z } from 'zod';
import type { PrismaClient } from '../db/prisma.js';
import { COUNTRY_CODES } from '../reference/codes.js';
import { REGIONS } from '../reference/data/regions.js';
import type { CommandContext } from './deps.js';
import { manyOf, optionalChoice, optionalText } from './form-fields.js';
import { saveProfileFields } from './save-profile-fields.js';
import type { FieldErrors } from '../http/forms.js';
import { COMMUNE_CODE, regionOfCommune } from '../reference/data/communes.js';
import { RESIDENCE_STATUSES } from '../amedip/audiences.js';

export const REGION_CODES = REGIONS.map((r) => r.code);

export const residenceSchema = z
  .object({
    countryOfResidence: optionalChoice(COUNTRY_CODES),
    cityOfResidence: optionalText(100),
    nationalities: manyOf(COUNTRY_CODES, 3),
    originRegionCode: optionalChoice(REGION_CODES),
    /** immigrants residing in the country: their residence status (absent from the form: unchanged) */
    residenceStatus: optionalChoice(RESIDENCE_STATUSES).optional(),
    /** from the list of communes (reference data), no longer free text */
    originCommuneCode: z.string().trim().max(70).optional().transform((v) => (v ? v : null)),
  })
  .superRefine((v, ctx) => {
    // the code starts with its region's code (src/reference/data/communes.ts): a commune of another region is refused
    if (v.originCommuneCode && (!COMMUNE_CODE.test(v.originCommuneCode) || regionOfCommune(v.originCommuneCode) !== v.originRegionCode)) {
      ctx.addIssue({ code: 'custom', path: ['originCommuneCode'], message: 'amedip.errors.communeRegion' });
    }
  });
export type ResidenceInput = z.infer<typeof residenceSchema>;

export async function updateResidence(prisma: PrismaClient, input: ResidenceInput, ctx: CommandContext): Promise<FieldErrors | void> {
  const { originRegionCode, originCommuneCode, ...rest } = input;
  // admins add communes: the list is checked in the database, not in the form
  if (originCommuneCode && !(await prisma.commune.findUnique({ where: { code: originCommuneCode } }))) {
    return { originCommuneCode: { key: 'validation.choice' } };
  }
  await saveProfileFields(prisma, ctx, 'expert.residence_updated', {
    ...rest,
    originRegion: originRegionCode ? { connect: { code: originRegionCode } } : { disconnect: true },
    originCommuneRef: originCommuneCode ? { connect: { code: originCommuneCode } } : { disconnect: true },
  });
}
