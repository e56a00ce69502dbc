import { z } from 'zod';
import type { PrismaClient } from '../db/prisma.js';
import { personName } from '../auth/schemas.js';
import type { CommandContext } from './deps.js';
import { choice, optionalPhone } from './form-fields.js';
import { saveProfileFields } from './save-profile-fields.js';

export const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
export const EXPERT_KINDS = ['diaspora', 'south_south', 'immigrant_resident'] as const;

export const identitySchema = z.object({
  firstName: personName,
  lastName: personName,
  gender: choice(GENDERS),
  phone: optionalPhone,
  kind: choice(EXPERT_KINDS),
});
export type IdentityInput = z.infer<typeof identitySchema>;

/** Names in any script, as typed; the account's display name follows them. */
export async function updateIdentity(prisma: PrismaClient, input: IdentityInput, ctx: CommandContext): Promise<void> {
  await saveProfileFields(prisma, ctx, 'expert.identity_updated', input, (tx) =>
    tx.user.update({ where: { id: ctx.userId }, data: { displayName: `${input.firstName} ${input.lastName}` } }),
  );
}
