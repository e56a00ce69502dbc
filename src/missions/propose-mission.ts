import type { Prisma } from '../db/prisma.js';
import { notify } from '../notifications/notify.js';

/**
 * Selecting a candidate proposes a mission to them: dates at the start of the need's window, as long as the need
 * says (the window bounds them), waiting for the expert's answer. Runs inside the selection's transaction.
 */
export async function proposeMission(
  tx: Prisma.TransactionClient,
  publicUrl: string,
  candidacy: { id: string; needId: string; expertId: string; expertUserId: string },
  actorId: string,
): Promise<string> {
  const need = await tx.need.findUniqueOrThrow({ where: { id: candidacy.needId }, include: { institution: { select: { name: true } } } });
  const startsOn = need.windowStart;
  const endsOn = new Date(Math.min(startsOn.getTime() + (need.durationDays - 1) * 86_400_000, need.windowEnd.getTime()));
  const mission = await tx.mission.create({
    data: { needId: need.id, expertId: candidacy.expertId, candidacyId: candidacy.id, startsOn, endsOn, status: 'proposed' },
  });
  await tx.missionEvent.create({ data: { missionId: mission.id, actorId, toStatus: 'proposed' } });
  await notify(tx, publicUrl, [candidacy.expertUserId], {
    kind: 'mission.proposed', params: { missionTitle: need.title, institution: need.institution.name }, link: `/missions/${mission.id}`,
  });
  return mission.id;
}
