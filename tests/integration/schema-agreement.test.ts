import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../../src/db/prisma.js';
import * as Enums from '../../src/generated/prisma/enums.js';
import type { Database } from '../../src/db/database.js';
import { createTestDatabase } from '../helpers/db.js';

/** Prisma keeps these in the schema as Unsupported(...): the SQL has them, the client does not read them. */
const UNSUPPORTED_COLUMNS: Record<string, string[]> = { Need: ['search'], InvestmentOpportunity: ['search'] };
const TABLE_OF: Record<string, string> = { Session: 'session' };

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

describe('the hand-written SQL and prisma/schema.prisma agree', () => {
  it('has a table with exactly the columns of every model', async () => {
    const rows = await db.pool.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const columns = new Map<string, Set<string>>();
    for (const r of rows.rows) columns.set(r.table_name, (columns.get(r.table_name) ?? new Set()).add(r.column_name));
    const namespace = Prisma as unknown as Record<string, Record<string, string>>;
    for (const model of Object.values(Prisma.ModelName)) {
      const fields = Object.values(namespace[`${model}ScalarFieldEnum`]!).sort();
      const table = columns.get(TABLE_OF[model] ?? model);
      expect(table, `table for ${model}`).toBeDefined();
      const expected = [...fields, ...(UNSUPPORTED_COLUMNS[model] ?? [])].sort();
      expect([...table!].sort(), `columns of ${model}`).toEqual(expected);
    }
  });

  it('has the same values in every enum type', async () => {
    const rows = await db.pool.query<{ typname: string; labels: string[] }>(
      `SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    const inDb = Object.fromEntries(rows.rows.map((r) => [r.typname, r.labels]));
    const inSchema = Object.fromEntries(Object.entries(Enums).map(([name, values]) => [name, Object.values(values as object)]));
    expect(inDb).toEqual(inSchema);
  });

  it('creates, reads and updates a row of every model through Prisma Client', async () => {
    const p = db.prisma;
    const touched = new Set<string>();
    const mark = (m: string) => touched.add(m);
    const region = await p.region.update({ where: { code: 'SM' }, data: { sortOrder: 8 } }); mark('Region');
    await p.partnerCountry.create({ data: { code: 'ZZ', nameFr: 'Essai', nameAr: 'اختبار', nameEn: 'Test' } });
    await p.partnerCountry.update({ where: { code: 'ZZ' }, data: { active: false } }); mark('PartnerCountry');
    const ev = await p.event.create({ data: { title: 'Atelier', description: 'Essai', theme: 'skills', startsAt: new Date('2027-01-01T09:00:00Z'), endsAt: new Date('2027-01-01T10:00:00Z'), timeZone: 'UTC', place: 'Rabat', capacity: 5, registrationDeadline: new Date('2027-01-01T09:00:00Z') } });
    await p.event.update({ where: { id: ev.id }, data: { version: { increment: 1 } } }); mark('Event');
    const anyUser = await p.user.create({ data: { email: 'event.participant@example.org', passwordHash: 'h', role: 'expert' } });
    const reg = await p.eventRegistration.create({ data: { eventId: ev.id, userId: anyUser.id, status: 'waitlisted' } });
    await p.eventRegistration.update({ where: { id: reg.id }, data: { status: 'confirmed', attended: true } }); mark('EventRegistration');
    await p.commune.create({ data: { code: 'SM-essai', regionCode: 'SM', nameFr: 'Essai', nameAr: 'اختبار', nameEn: 'Test' } });
    await p.commune.update({ where: { code: 'SM-essai' }, data: { nameEn: 'Trial' } }); mark('Commune');
    const instA = await p.institution.create({ data: { name: 'Agence A', kind: 'ministry', regionCode: 'SM', city: 'Agadir' } });
    const instB = await p.institution.create({ data: { name: 'Agence B', kind: 'ministry', regionCode: 'SM', city: 'Tiznit' } });
    const listingData = { title: 'Pratique', description: 'Une pratique', theme: 'skills_register', sectorCode: 'governance', formats: ['workshop' as const], languages: ['fr'] };
    const xo = await p.exchangeOffer.create({ data: { ...listingData, institutionId: instA.id } });
    await p.exchangeOffer.update({ where: { id: xo.id }, data: { open: false } }); mark('ExchangeOffer');
    const xr = await p.exchangeRequest.create({ data: { ...listingData, institutionId: instB.id } });
    await p.exchangeRequest.update({ where: { id: xr.id }, data: { open: false } }); mark('ExchangeRequest');
    const xc = await p.exchange.create({ data: { offerId: xo.id, requestId: xr.id } });
    await p.exchange.update({ where: { id: xc.id }, data: { status: 'agreed', version: 1 } }); mark('Exchange');
    const xe = await p.exchangeEvent.create({ data: { exchangeId: xc.id, toStatus: 'proposed' } });
    await p.exchangeEvent.update({ where: { id: xe.id }, data: { note: 'ok' } }); mark('ExchangeEvent');
    const sector = await p.sector.update({ where: { code: 'water_environment' }, data: { nameEn: 'Water' } }); mark('Sector');
    const skill = await p.skill.create({ data: { code: 'test.skill', sectorCode: sector.code, labelFr: 'Essai', labelAr: 'اختبار', labelEn: 'Test' } });
    await p.skill.update({ where: { id: skill.id }, data: { active: false } }); mark('Skill');

    const user = await p.user.create({ data: { email: 'ⵜⴰⵎⴰⵣⵉⵖⵜ@example.org', passwordHash: 'h', role: 'expert' } });
    await p.user.update({ where: { id: user.id }, data: { locale: 'ar' } }); mark('User');
    const consent = await p.consent.create({ data: { userId: user.id, purpose: 'profile_processing', textVersion: 'v1' } });
    await p.consent.update({ where: { id: consent.id }, data: { withdrawnAt: new Date() } }); mark('Consent');
    const token = await p.userToken.create({ data: { userId: user.id, purpose: 'verify_email', tokenHash: 'abc', expiresAt: new Date() } });
    await p.userToken.update({ where: { id: token.id }, data: { usedAt: new Date() } }); mark('UserToken');
    const expert = await p.expertProfile.create({
      data: { userId: user.id, firstName: 'تيليلي', lastName: "Aït M'Hand", nationalities: ['MA', 'FR'], sectors: [sector.code],
        missionModes: ['remote', 'on_site'], preferredRegions: [region.code], originRegionCode: region.code },
    });
    await p.expertProfile.update({ where: { id: expert.id }, data: { headline: 'Hydrologue' } }); mark('ExpertProfile');
    const degree = await p.expertDegree.create({ data: { expertId: expert.id, title: 'Doctorat', year: 2010 } });
    await p.expertDegree.update({ where: { id: degree.id }, data: { field: 'Hydrologie' } }); mark('ExpertDegree');
    await p.expertSkill.create({ data: { expertId: expert.id, skillId: skill.id, level: 3, years: 5 } });
    await p.expertSkill.update({ where: { expertId_skillId: { expertId: expert.id, skillId: skill.id } }, data: { level: 4 } }); mark('ExpertSkill');
    await p.expertLanguage.create({ data: { expertId: expert.id, language: 'zgh', level: 'native' } });
    await p.expertLanguage.update({ where: { expertId_language: { expertId: expert.id, language: 'zgh' } }, data: { level: 'C2' } }); mark('ExpertLanguage');
    const avail = await p.availability.create({ data: { expertId: expert.id, startsOn: new Date('2027-01-01'), endsOn: new Date('2027-02-01') } });
    await p.availability.update({ where: { id: avail.id }, data: { endsOn: new Date('2027-03-01') } }); mark('Availability');

    const inst = await p.institution.create({ data: { name: 'Commune de Tiznit', kind: 'commune', regionCode: region.code, city: 'Tiznit' } });
    await p.institution.update({ where: { id: inst.id }, data: { status: 'verified' } }); mark('Institution');
    const member = await p.institutionMember.create({ data: { institutionId: inst.id, userId: user.id } });
    await p.institutionMember.update({ where: { id: member.id }, data: { status: 'active' } }); mark('InstitutionMember');
    const need = await p.need.create({
      data: { institutionId: inst.id, title: 'Réseau goutte-à-goutte', description: 'Étude', sectorCode: sector.code, regionCode: region.code,
        mode: 'hybrid', windowStart: new Date('2027-01-01'), windowEnd: new Date('2027-03-01'), durationDays: 10 },
    });
    await p.need.update({ where: { id: need.id }, data: { status: 'submitted', version: { increment: 1 } } }); mark('Need');
    await p.needSkill.create({ data: { needId: need.id, skillId: skill.id, minLevel: 3 } });
    await p.needSkill.update({ where: { needId_skillId: { needId: need.id, skillId: skill.id } }, data: { requirement: 'desirable' } }); mark('NeedSkill');
    await p.needLanguage.create({ data: { needId: need.id, language: 'fr', minLevel: 'B2' } });
    await p.needLanguage.update({ where: { needId_language: { needId: need.id, language: 'fr' } }, data: { minLevel: 'C1' } }); mark('NeedLanguage');
    const needEvent = await p.needEvent.create({ data: { needId: need.id, actorId: user.id, fromStatus: 'draft', toStatus: 'submitted' } });
    await p.needEvent.update({ where: { id: needEvent.id }, data: { note: 'ok' } }); mark('NeedEvent');
    const cand = await p.candidacy.create({ data: { needId: need.id, expertId: expert.id, status: 'applied' } });
    await p.candidacy.update({ where: { id: cand.id }, data: { status: 'shortlisted' } }); mark('Candidacy');
    const candEvent = await p.candidacyEvent.create({ data: { candidacyId: cand.id, toStatus: 'applied' } });
    await p.candidacyEvent.update({ where: { id: candEvent.id }, data: { note: 'n' } }); mark('CandidacyEvent');
    const rate = await p.perDiemRate.create({ data: { city: 'Agadir', regionCode: region.code, dailyRate: '850.00', validFrom: new Date('2026-01-01') } });
    await p.perDiemRate.update({ where: { id: rate.id }, data: { dailyRate: '900.50' } }); mark('PerDiemRate');
    const mission = await p.mission.create({
      data: { needId: need.id, expertId: expert.id, candidacyId: cand.id, startsOn: new Date('2027-01-10'), endsOn: new Date('2027-01-19'),
        perDiemRateId: rate.id, briefing: { documents: true } },
    });
    const fund = await p.fundingSource.create({ data: { donor: 'Union européenne', projectCode: 'EU-TRQN-1', name: 'Retour temporaire', year: 2027, envelope: '500000.00' } });
    await p.fundingSource.update({ where: { id: fund.id }, data: { active: false } }); mark('FundingSource');
    const approved = await p.mission.update({
      where: { id: mission.id },
      data: { status: 'approved', budgetTotal: '12345.67', fundingSourceId: fund.id, envelopeOverrideReason: 'Urgence', version: { increment: 1 } },
    });
    expect(approved.budgetTotal?.toString()).toBe('12345.67'); mark('Mission');
    const mEvent = await p.missionEvent.create({ data: { missionId: mission.id, fromStatus: 'proposed', toStatus: 'accepted' } });
    await p.missionEvent.update({ where: { id: mEvent.id }, data: { note: 'ok' } }); mark('MissionEvent');
    const report = await p.missionReport.create({ data: { missionId: mission.id, expertActivities: 'Ateliers' } });
    await p.missionReport.update({ where: { id: report.id }, data: { rating: 5 } }); mark('MissionReport');
    const investmentSector = await p.investmentSector.update({ where: { code: 'hotels' }, data: { sortOrder: 3 } }); mark('InvestmentSector');
    const bank = await p.partnerBank.create({ data: { name: 'Banque d’essai' } });
    await p.partnerBank.update({ where: { id: bank.id }, data: { active: false } }); mark('PartnerBank');
    const project = await p.investmentProject.create({
      data: { ownerId: user.id, title: 'Argan', description: 'Unité', sectorCode: investmentSector.code, regionCode: region.code, totalCost: '1500000', ownFunds: '600000',
        diasporaSharePercent: '40.5', bankId: bank.id, climateTags: ['water_saving'], kind: 'extension', promoterStatus: 'returned', returnedMonthsAgo: 6 },
    });
    const funded = await p.investmentProject.update({ where: { id: project.id }, data: { status: 'funded', grantAwarded: '60750.00', fundedOn: new Date('2027-01-01') } });
    expect(funded.diasporaSharePercent.toString()).toBe('40.5'); mark('InvestmentProject');
    const invEvent = await p.investmentEvent.create({ data: { projectId: project.id, actorId: user.id, toStatus: 'draft' } });
    await p.investmentEvent.update({ where: { id: invEvent.id }, data: { note: 'n' } }); mark('InvestmentEvent');
    const ruleSet = await p.cofinancingRuleSet.create({ data: { name: 'MDM Invest', rules: { minProject: 1_000_000 }, effectiveFrom: new Date('2027-01-01') } });
    await p.cofinancingRuleSet.update({ where: { version: ruleSet.version }, data: { active: false } }); mark('CofinancingRuleSet');
    const evaluation = await p.investmentEvaluation.create({ data: { projectId: project.id, ruleSetVersion: ruleSet.version, eligible: true, grant: '60750', result: { outcomes: [] } } });
    await p.investmentEvaluation.update({ where: { id: evaluation.id }, data: { eligible: false } }); mark('InvestmentEvaluation');
    const override = await p.investmentRuleOverride.create({ data: { projectId: project.id, ruleId: 'own_funds', passed: true, reason: 'Attestation', officerId: user.id } });
    await p.investmentRuleOverride.update({ where: { id: override.id }, data: { reason: 'Attestation reçue' } }); mark('InvestmentRuleOverride');
    const opportunity = await p.investmentOpportunity.create({
      data: { publisherId: user.id, institutionId: inst.id, title: 'Zone industrielle', description: 'Lots', kind: 'offer', sectorCode: 'industry', regionCode: region.code, ticketMin: '1000000', ticketMax: '5000000' },
    });
    await p.investmentOpportunity.update({ where: { id: opportunity.id }, data: { status: 'closed', version: { increment: 1 } } }); mark('InvestmentOpportunity');
    const interest = await p.investmentInterest.create({ data: { opportunityId: opportunity.id, userId: user.id } });
    await p.investmentInterest.update({ where: { id: interest.id }, data: { message: 'Intéressé', answer: 'Merci', answeredAt: new Date() } }); mark('InvestmentInterest');
    const weights = await p.matcherWeights.create({ data: { weights: { skills: 60 } } });
    await p.matcherWeights.update({ where: { version: weights.version }, data: { note: 'defaults' } }); mark('MatcherWeights');
    await p.appSetting.create({ data: { key: 'test.key', value: { a: 1 } } });
    await p.appSetting.update({ where: { key: 'test.key' }, data: { value: { a: 2 } } }); mark('AppSetting');
    const note = await p.notification.create({ data: { userId: user.id, kind: 'mission.approved', params: { id: mission.id } } });
    await p.notification.update({ where: { id: note.id }, data: { readAt: new Date() } }); mark('Notification');
    const mail = await p.outboxEmail.create({ data: { toAddress: 'a@b.c', locale: 'fr', template: 't', subject: 's', textBody: 'b' } });
    await p.outboxEmail.update({ where: { id: mail.id }, data: { status: 'sent', sentAt: new Date() } }); mark('OutboxEmail');
    const audit = await p.auditLog.create({ data: { actorId: user.id, action: 'need.submit', entity: 'Need', entityId: need.id } });
    await p.auditLog.update({ where: { id: audit.id }, data: { ip: '127.0.0.1' } }); mark('AuditLog');
    await p.rateLimit.create({ data: { key: 'login:127.0.0.1', hits: 1, resetAt: new Date() } });
    await p.rateLimit.update({ where: { key: 'login:127.0.0.1' }, data: { hits: { increment: 1 } } }); mark('RateLimit');
    await p.session.create({ data: { sid: 's1', sess: { cookie: {} }, expire: new Date() } });
    await p.session.update({ where: { sid: 's1' }, data: { sess: { cookie: { a: 1 } } } }); mark('Session');
    await p.submissionKey.create({ data: { key: 'k'.repeat(22), userId: user.id, form: 'need.create' } });
    await p.submissionKey.update({ where: { key: 'k'.repeat(22) }, data: { result: `/needs/${need.id}` } }); mark('SubmissionKey');
    const key = await p.apiKey.create({ data: { partner: 'Ministère', prefix: 'jisr_abc', keyHash: 'f'.repeat(64), scopes: ['needs:read'], requestsPerMinute: 60 } });
    await p.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date(), lastUsedAt: new Date() } }); mark('ApiKey');

    const read = await p.expertProfile.findUniqueOrThrow({
      where: { id: expert.id },
      include: { skills: true, languages: true, availabilities: true, degrees: true, candidacies: true, missions: { include: { events: true, report: true } } },
    });
    expect(read).toMatchObject({ firstName: 'تيليلي', lastName: "Aït M'Hand", headline: 'Hydrologue', nationalities: ['MA', 'FR'] });
    expect(read.missions[0]?.report?.rating).toBe(5);
    expect([...touched].sort()).toEqual(Object.values(Prisma.ModelName).sort());
  });
});
