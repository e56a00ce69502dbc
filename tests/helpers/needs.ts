import type { PrismaClient } from '../../src/db/prisma.js';

/** A day counted from today, as a date field posts it. */
const fromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A valid need form, as the editor posts it (skills by label, in any language, or by code). Its window is counted
 * from today: a need's window must end today or later, and within three years (src/needs/need-window.ts).
 */
export function needFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    title: 'Modernisation du réseau d\'irrigation goutte-à-goutte',
    description: 'Accompagner la coopérative dans la conception et le pilotage d\'un réseau goutte-à-goutte économe en eau.',
    baseline: 'Consommation actuelle : 9 000 m³/ha/an.',
    sectorCode: 'agriculture', regionCode: 'SM', city: 'Taroudant', mode: 'hybrid',
    windowStart: fromToday(90), windowEnd: fromToday(180), durationDays: '15', expertsWanted: '1',
    climateTag: 'on',
    skill_0: 'Irrigation goutte-à-goutte', level_0: '3', requirement_0: 'required',
    skill_1: 'agriculture.irrigation', level_1: '2', requirement_1: 'desirable',
    lang_0: 'fr', langLevel_0: 'B2',
    ...overrides,
  };
}

export async function staffInstitution(prisma: PrismaClient, email = 'staff@demo.jisr.local') {
  const m = await prisma.institutionMember.findFirstOrThrow({ where: { user: { email }, status: 'active' } });
  return m.institutionId;
}

/** Staff of another verified institution than the demo staff account's. */
export async function otherStaff(prisma: PrismaClient, notInstitutionId: string) {
  return prisma.institutionMember.findFirstOrThrow({
    where: { status: 'active', institutionId: { not: notInstitutionId }, institution: { status: 'verified' }, user: { role: 'staff' } },
    include: { user: true },
  });
}
