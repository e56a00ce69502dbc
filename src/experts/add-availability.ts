import { z } from 'zod';
import type { PrismaClient } from '../db/prisma.js';
import type { FieldErrors } from '../http/forms.js';
import type { CommandContext } from './deps.js';
import { isoDate } from './form-fields.js';
import { startOfDayUtc } from './own-profile.js';
import { saveProfileFields } from './save-profile-fields.js';
import { claimSubmission, settleSubmission } from '../http/submission-key.js';

export const MAX_WINDOWS = 20;
const DAY_MS = 24 * 3600 * 1000;
/** Plans further ahead than this are guesses, not availability. */
const HORIZON_DAYS = 3 * 366;

export const availabilitySchema = z.object({ startsOn: isoDate, endsOn: isoDate });
export type AvailabilityInput = z.infer<typeof availabilitySchema>;

/** A window of dates (both included) in which the expert could go on a mission. */
export async function addAvailability(
  prisma: PrismaClient, input: AvailabilityInput, ctx: CommandContext,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const today = startOfDayUtc(ctx.now);
  if (input.endsOn < input.startsOn) return { ok: false, errors: { endsOn: { key: 'validation.expert.endBeforeStart' } } };
  if (input.endsOn < today) return { ok: false, errors: { endsOn: { key: 'validation.expert.inThePast' } } };
  if (input.endsOn.getTime() > today.getTime() + HORIZON_DAYS * DAY_MS) return { ok: false, errors: { endsOn: { key: 'validation.expert.tooFar' } } };
  try {
    // The count is read inside the transaction, after saveProfileFields has updated (so row-locked) the profile:
    // concurrent adds for one expert queue on that lock, and each sees the windows the previous ones added.
    await saveProfileFields(prisma, ctx, 'expert.availability_added', {}, async (tx, expertId) => {
      await claimSubmission(tx, ctx.submission);
      const open = await tx.availability.count({ where: { expertId, endsOn: { gte: today } } });
      if (open >= MAX_WINDOWS) throw new CapReached();
      await tx.availability.create({ data: { expertId, startsOn: input.startsOn, endsOn: input.endsOn } });
      await settleSubmission(tx, ctx.submission, '/experts/me/availability');
    });
  } catch (err) {
    if (!(err instanceof CapReached)) throw err;
    return { ok: false, errors: { startsOn: { key: 'validation.expert.tooManyWindows', params: { max: MAX_WINDOWS } } } };
  }
  return { ok: true };
}

/** Thrown inside the transaction so that it rolls back (the profile's update and the submission key with it). */
class CapReached extends Error {}
