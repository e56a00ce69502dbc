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
