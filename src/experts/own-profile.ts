import type { PrismaClient } from '../db/prisma.js';
import { AppError } from '../http/app-error.js';
import { completeness } from './completeness.js';

/** Today at 00:00 UTC: availability windows are dates, and a window ending today is still current. */
export function startOfDayUtc(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/**
 * The signed-in expert's profile with what every editor step shows: the lists and the completeness meter.
 * One query with its relations (each list small and bounded by the commands that fill it).
 */
export async function loadOwnProfile(prisma: PrismaClient, userId: string, now = new Date()) {
  const today = startOfDayUtc(now);
  const profile = await prisma.expertProfile.findUnique({
    where: { userId },
    include: {
      user: { select: { email: true, locale: true } },
      skills: { include: { skill: { include: { broader: true } } }, orderBy: [{ level: 'desc' }, { skillId: 'asc' }] },
      languages: { orderBy: { language: 'asc' } },
      // Past windows are hidden: they no longer say anything about the expert.
      availabilities: { where: { endsOn: { gte: today } }, orderBy: { startsOn: 'asc' } },
      degrees: { orderBy: [{ year: 'desc' }, { title: 'asc' }] },
    },
  });
  // Only experts have a profile; a staff member or an officer opening the editor has nothing to edit.
  if (!profile) throw new AppError(403, 'errors.forbidden');
  const meter = completeness({
    ...profile,
    counts: {
      skills: profile.skills.length,
      languages: profile.languages.length,
      degrees: profile.degrees.length,
      futureAvailabilities: profile.availabilities.length,
    },
  });
  return { profile, meter };
}

export type OwnProfile = Awaited<ReturnType<typeof loadOwnProfile>>['profile'];
