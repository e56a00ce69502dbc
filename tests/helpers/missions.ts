import type { PrismaClient } from '../../src/db/prisma.js';
import { staffInstitution } from './needs.js';

/** A published need of the demo staff account's institution and a selected candidacy of the demo expert on it. */
export async function needWithSelectedExpert(prisma: PrismaClient, options: { window?: [string, string]; expertEmail?: string; expertsWanted?: number } = {}) {
  const [from, to] = options.window ?? ['2027-09-01', '2027-10-31'];
  const need = await prisma.need.create({
    data: {
      institutionId: await staffInstitution(prisma), title: `Audit énergétique ${Math.random().toString(36).slice(2, 7)}`,
      description: 'Audit énergétique des bâtiments et plan d\'efficacité.', baseline: 'Facture annuelle : 2,1 MDH.',
      sectorCode: 'energy', regionCode: 'SM', city: 'Agadir', mode: 'on_site', windowStart: new Date(from), windowEnd: new Date(to),
      durationDays: 10, expertsWanted: options.expertsWanted ?? 1, status: 'published', publishedAt: new Date(),
    },
  });
  const expert = await prisma.expertProfile.findFirstOrThrow({ where: { user: { email: options.expertEmail ?? 'expert@demo.jisr.local' } } });
  const candidacy = await prisma.candidacy.create({ data: { needId: need.id, expertId: expert.id, status: 'interviewed', respondedAt: new Date() } });
  // another candidate still waiting, who must get an answer when the need is filled
  const other = await prisma.expertProfile.findFirstOrThrow({ where: { id: { not: expert.id }, user: { status: 'active' } }, orderBy: { id: 'asc' } });
  await prisma.candidacy.create({ data: { needId: need.id, expertId: other.id, status: 'applied' } });
  return { need, expert, candidacy };
}

/**
 * A mission of the demo expert ready to start (briefed, budgeted, checklist ticked), on the given planned days: the
 * steps before it are covered by tests/integration/missions.test.ts, so it is written directly.
 */
export async function briefedMission(prisma: PrismaClient, startsOn: string, endsOn: string) {
  const { need, expert, candidacy } = await needWithSelectedExpert(prisma, { window: [startsOn, endsOn] });
  const rate = await prisma.perDiemRate.findFirstOrThrow({ where: { city: 'Agadir' } });
  await prisma.candidacy.update({ where: { id: candidacy.id }, data: { status: 'selected' } });
  return prisma.mission.create({
    data: {
      needId: need.id, expertId: expert.id, candidacyId: candidacy.id, startsOn: new Date(startsOn), endsOn: new Date(endsOn), status: 'briefed', version: 3,
      travelCost: '5000', perDiemDaily: rate.dailyRate, perDiemDays: 10, budgetTotal: (5000 + Number(rate.dailyRate) * 10).toFixed(2), perDiemRateId: rate.id,
      briefing: { documents: true, travel: true, insurance: true, contact: true }, approvedAt: new Date(Date.parse(startsOn) - 30 * 86_400_000),
    },
  });
}
