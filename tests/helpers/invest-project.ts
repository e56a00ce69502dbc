import type { PrismaClient } from '../../src/db/prisma.js';

/** The fields of the project form, valid under MDM Invest v1 unless changed. */
export async function projectForm(prisma: PrismaClient, over: Record<string, string> = {}): Promise<Record<string, string>> {
  const bank = await prisma.partnerBank.findFirstOrThrow({ where: { active: true }, orderBy: { name: 'asc' } });
  return {
    title: 'Unité de conditionnement de câpres', description: 'Tri, calibrage et mise en bocaux de câpres de la région de Safi.',
    region: 'MS', city: 'Safi', sector: 'industry', kind: 'creation', promoter: 'abroad', returnedMonthsAgo: '',
    totalCost: '2 000 000', diasporaShare: '100', ownFunds: '600000', otherFunds: '', bankId: bank.id,
    jobsWomen: '12', jobsMen: '8', jobsUnder30: '9', ...over,
  };
}
