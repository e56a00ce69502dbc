import type { PrismaClient } from '../../src/db/prisma.js';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const at = (s: string) => new Date(`${s}T10:00:00Z`);

/**
 * A small programme whose figures were worked out by hand (see reports.test.ts): the first quarter of 2027, plus
 * rows outside it (a 2026 expert and need, a May mission, a draft) that no figure of that quarter may count.
 */
export async function seedReportFixture(p: PrismaClient, passwordHash: string) {
  const user = (email: string, role: 'expert' | 'staff' | 'officer' | 'admin') =>
    p.user.create({ data: { email, role, passwordHash, emailVerifiedAt: new Date(), displayName: email.split('@')[0] } });
  const officer = await user('officer.reports@example.org', 'officer');
  await user('admin.reports@example.org', 'admin');
  await user('staff.reports@example.org', 'staff');

  const skill = await p.skill.findFirstOrThrow({ where: { sectorCode: 'water_environment' } });
  const expert = async (email: string, data: Record<string, unknown>) => {
    const u = await user(email, 'expert');
    return p.expertProfile.create({ data: { userId: u.id, firstName: 'Prénom', lastName: email.split('@')[0]!, createdAt: at('2027-02-01'), ...data } });
  };
  // A: the only complete profile (every step of the completeness meter), a woman from Souss-Massa living in France.
  const A = await expert('a@example.org', {
    kind: 'diaspora', gender: 'female', countryOfResidence: 'FR', cityOfResidence: 'Lyon', nationalities: ['MA', 'FR'], originRegionCode: 'SM',
    phone: '+33600000000', headline: 'Hydrologue', bio: 'Vingt ans de gestion de l\'eau.', yearsExperience: 20, employer: 'Agence de l\'eau',
    sectors: ['water_environment'], missionModes: ['remote'], maxMissionDays: 20, cvFileKey: 'cv/a.pdf', visibility: 'private',
  });
  await p.expertSkill.create({ data: { expertId: A.id, skillId: skill.id, level: 4 } });
  await p.expertLanguage.create({ data: { expertId: A.id, language: 'fr', level: 'native' } });
  await p.expertDegree.create({ data: { expertId: A.id, title: 'Doctorat' } });
  await p.availability.create({ data: { expertId: A.id, startsOn: d('2027-01-01'), endsOn: d('2030-12-31') } });
  const B = await expert('b@example.org', { kind: 'diaspora', gender: 'male', countryOfResidence: 'FR', originRegionCode: 'CS', phone: '+33611111111', visibility: 'public' });
  const C = await expert('c@example.org', { kind: 'diaspora', gender: 'female', countryOfResidence: 'FR', originRegionCode: 'SM', staleSince: at('2027-03-01') });
  await expert('d@example.org', { kind: 'south_south', gender: 'female', countryOfResidence: 'BE', originRegionCode: 'CS' });
  await expert('e@example.org', { kind: 'south_south', gender: 'male', countryOfResidence: 'BE' });
  await expert('f@example.org', { kind: 'immigrant_resident', gender: 'female', countryOfResidence: 'SN' });
  await expert('old@example.org', { kind: 'diaspora', gender: 'male', countryOfResidence: 'DE', originRegionCode: 'SM', createdAt: at('2026-06-01') });

  const inst = (name: string, kind: 'university' | 'commune', regionCode: string) =>
    p.institution.create({ data: { name, kind, regionCode, city: 'Ville', status: 'verified' } });
  const uni = await inst('Université Ibn Zohr', 'university', 'SM');
  const commune = await inst('Commune de Settat', 'commune', 'CS');
  const need = (data: Record<string, unknown>) => p.need.create({
    data: {
      institutionId: uni.id, title: 'Besoin', description: 'Description', sectorCode: 'water_environment', regionCode: 'SM', mode: 'remote',
      windowStart: d('2027-02-01'), windowEnd: d('2027-06-30'), durationDays: 5, createdAt: at('2027-01-15'), ...data,
    },
  });
  const N1 = await need({ status: 'filled', climateTag: true, publishedAt: at('2027-01-20'), submittedAt: at('2027-01-16') });
  const N2 = await need({ institutionId: commune.id, regionCode: 'CS', sectorCode: 'health', mode: 'on_site', status: 'published', genderTag: true, publishedAt: at('2027-01-25') });
  const N3 = await need({ status: 'closed', publishedAt: at('2027-02-01') });
  await need({ status: 'draft' });
  await need({ status: 'published', createdAt: at('2026-10-01'), publishedAt: at('2026-10-02') });

  const c1 = await p.candidacy.create({ data: { needId: N1.id, expertId: A.id, status: 'selected', createdAt: at('2027-01-22'), respondedAt: at('2027-01-25') } });
  await p.candidacyEvent.create({ data: { candidacyId: c1.id, fromStatus: 'interviewed', toStatus: 'selected', createdAt: at('2027-01-30') } });
  await p.candidacy.create({ data: { needId: N1.id, expertId: B.id, status: 'not_selected', reason: 'other_candidate', createdAt: at('2027-01-23'), respondedAt: at('2027-01-29') } });
  await p.candidacy.create({ data: { needId: N2.id, expertId: C.id, status: 'applied', createdAt: at('2027-01-26') } });

  const fund = await p.fundingSource.create({ data: { donor: 'Union européenne', projectCode: 'EU-TRQN', name: 'Retour temporaire', year: 2027, envelope: '100000.00' } });
  const M1 = await p.mission.create({
    data: { needId: N1.id, expertId: A.id, startsOn: d('2027-02-10'), endsOn: d('2027-02-14'), status: 'completed', travelCost: '3000.00', perDiemDaily: '500.00',
      perDiemDays: 5, budgetTotal: '5500.00', fundingSourceId: fund.id, approvedAt: at('2027-02-01') },
  });
  await p.missionReport.create({ data: { missionId: M1.id, rating: 4, outcomes: 'Bien' } });
  await p.mission.create({
    data: { needId: N2.id, expertId: B.id, startsOn: d('2027-03-01'), endsOn: d('2027-03-03'), status: 'approved', travelCost: '1000.00', perDiemDaily: '400.00',
      perDiemDays: 3, budgetTotal: '2200.00', approvedAt: at('2027-02-20') },
  });
  await p.mission.create({ data: { needId: N3.id, expertId: C.id, startsOn: d('2027-03-20'), endsOn: d('2027-03-22'), status: 'proposed' } });
  await p.mission.create({
    data: { needId: N3.id, expertId: B.id, startsOn: d('2027-05-01'), endsOn: d('2027-05-02'), status: 'approved', budgetTotal: '9999.00', fundingSourceId: fund.id },
  });
  return { officer, fund, experts: { A, B, C } };
}

export const Q1_2027 = 'period=quarter&year=2027&quarter=1';
