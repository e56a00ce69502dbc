/**
 * The demo of the investment track, made through the same commands as real use (create, submit, review, decide,
 * fund; publish; express interest; answer), so demo projects obey the rule set in force and carry their events,
 * evaluations, audit entries and notifications. Runs once per database (its own setting key), also on a database
 * seeded before the track existed. Adds the demo account investor@demo.jisr.local.
 */
import type { Prisma, PrismaClient } from '../db/prisma.js';
import type { Logger } from '../lib/logger.js';
import { createProject } from '../investments/save-project.js';
import { overrideRule, transitionProject } from '../investments/transition-project.js';
import type { ProjectAction } from '../investments/policy.js';
import type { ProjectInput } from '../investments/schemas.js';
import { answerInterest, expressInterest, publishOpportunity } from '../opportunities/commands.js';
import { DEMO_EMAIL } from './accounts.js';
import { OPPORTUNITIES, PROJECTS, type ProjectPlan } from './investment-plan.js';
import { addDays } from './util.js';

export const DEMO_INVEST_SETTING_KEY = 'demo.investments.seeded';
const LOCK_ID = 7297023;
const cents = (mad: number) => BigInt(mad) * 100n;
type Tx = Prisma.TransactionClient;

const STEPS: Record<string, ProjectAction[]> = {
  draft: [], submitted: ['submit'], under_review: ['submit', 'review'], eligible: ['submit', 'review', 'approve'],
  ineligible: ['submit', 'review', 'reject'], funded: ['submit', 'review', 'approve', 'fund'],
};

async function investorAccount(tx: Tx, passwordHash: string, today: Date): Promise<string> {
  const existing = await tx.user.findUnique({ where: { email: DEMO_EMAIL.investor }, select: { id: true } });
  if (existing) return existing.id;
  const since = addDays(today, -400);
  const user = await tx.user.create({
    data: {
      email: DEMO_EMAIL.investor, displayName: 'Karim El Idrissi', passwordHash, role: 'expert', locale: 'fr', isDemo: true,
      emailVerifiedAt: since, createdAt: since,
      // A minimal, private profile: its region of origin and sectors rank the opportunities; no skills, so it is never matched.
      expertProfile: { create: {
        firstName: 'Karim', lastName: 'El Idrissi', kind: 'diaspora', countryOfResidence: 'BE', cityOfResidence: 'Bruxelles',
        nationalities: ['MA', 'BE'], originRegionCode: 'ORI', originCommune: 'Nador', sectors: ['industry', 'health'],
        visibility: 'private', isDemo: true, createdAt: since,
      } },
      consents: { create: { purpose: 'profile_processing', textVersion: '2026-11', givenAt: since } },
    },
  });
  return user.id;
}

function projectInput(p: ProjectPlan, bankId: string): ProjectInput {
  return {
    title: p.title, description: p.description, sector: p.sector, region: p.region, city: p.city, kind: 'creation', promoter: 'abroad',
    returnedMonthsAgo: undefined, totalCost: cents(p.total), diasporaShare: BigInt(p.share) * 100n, ownFunds: cents(p.own),
    otherFunds: cents(p.other ?? 0), bankId, jobsWomen: p.jobs[0], jobsMen: p.jobs[1], jobsUnder30: p.jobs[2], climateTags: p.climate ?? [],
    version: undefined,
  };
}

async function seedProjects(tx: Tx, publicUrl: string, today: Date, investorId: string, officerId: string) {
  const others = await tx.user.findMany({
    where: { isDemo: true, role: 'expert', email: { notIn: Object.values(DEMO_EMAIL) }, expertProfile: { kind: 'diaspora' } },
    orderBy: { email: 'asc' }, take: 9, select: { id: true },
  });
  const banks = await tx.partnerBank.findMany({ where: { active: true }, orderBy: { name: 'asc' } });
  for (const [i, p] of PROJECTS.entries()) {
    const ownerId = p.owner === 'investor' ? investorId : others[p.owner % others.length]!.id;
    const start = addDays(today, -p.daysAgo);
    const created = await createProject(tx, projectInput(p, banks[i % banks.length]!.id), { actorId: ownerId, now: start, isDemo: true });
    if (!created.ok) throw new Error(`demo project "${p.title}" refused: ${JSON.stringify(created)}`);
    const steps = p.status === 'withdrawn' ? (p.daysAgo > 60 ? ['submit', 'withdraw'] : ['withdraw']) as ProjectAction[] : STEPS[p.status]!;
    for (const [n, action] of steps.entries()) {
      const now = addDays(start, [2, 6, 14, 40][n] ?? 1);
      const { version } = await tx.investmentProject.findUniqueOrThrow({ where: { id: created.id }, select: { version: true } });
      if (action === 'approve' && p.override) {
        await overrideRule(tx, { projectId: created.id, ...p.override, passed: true }, { actorId: officerId, now });
      }
      const byOwner = action === 'submit' || action === 'withdraw';
      const result = await transitionProject({ db: tx, publicUrl }, {
        projectId: created.id, action, version, reason: p.reason,
        grantAwarded: p.grant !== undefined ? cents(p.grant) : undefined, fundedOn: action === 'fund' ? now : undefined,
      }, { actorId: byOwner ? ownerId : officerId, now });
      if (!result.ok) throw new Error(`demo project "${p.title}": ${action} refused (${result.reason})`);
    }
  }
}

async function seedOpportunities(tx: Tx, publicUrl: string, today: Date, investorId: string, officerId: string) {
  const staff = await tx.user.findUnique({ where: { email: DEMO_EMAIL.staff }, include: { memberships: { where: { status: 'active' } } } });
  const ids: string[] = [];
  for (const o of OPPORTUNITIES) {
    const publisherId = o.by === 'staff' && staff ? staff.id : officerId;
    const institutionId = o.by === 'staff' ? staff?.memberships[0]?.institutionId : undefined;
    const r = await publishOpportunity(tx, {
      title: o.title, description: o.description, kind: o.kind, sector: o.sector, region: o.region, city: o.city,
      ticketMin: cents(o.min), ticketMax: cents(o.max), institutionId,
    }, { actorId: publisherId, now: addDays(today, -o.daysAgo), isDemo: true });
    if (!r.ok) throw new Error(`demo opportunity "${o.title}" refused`);
    ids.push(r.id);
  }
  const deps = { db: tx, publicUrl };
  const interested = await tx.user.findMany({ where: { isDemo: true, role: 'expert', email: { notIn: Object.values(DEMO_EMAIL) } }, orderBy: { email: 'desc' }, take: 4, select: { id: true } });
  const plan: [string, number, string | undefined][] = [
    [investorId, 0, 'Je réside en Belgique et je cherche à reprendre un hôtel dans ma région d’origine : pouvez-vous m’envoyer le dossier ?'],
    [investorId, 1, 'Médecin néphrologue associé à une clinique de dialyse à Nador, je serais intéressé par une participation.'],
    ...interested.map((u, i): [string, number, string | undefined] => [u.id, 2 + (i % 3), i % 2 ? undefined : 'Pouvons-nous échanger sur le calendrier et les conditions ?']),
  ];
  for (const [userId, index, message] of plan) {
    const r = await expressInterest(deps, { opportunityId: ids[index]!, message }, { actorId: userId, now: addDays(today, -2) });
    if (!r.ok) throw new Error('demo interest refused');
  }
  const first = await tx.investmentInterest.findFirstOrThrow({ where: { opportunityId: ids[1]!, userId: investorId } });
  await answerInterest(deps, { opportunityId: ids[1]!, interestId: first.id, answer: 'Merci ! Le dossier vous est envoyé ; rendez-vous possible au centre régional d’investissement d’Oujda.' }, { actorId: officerId, now: addDays(today, -1) });
}

/** Seeds the track once; `passwordHash` opens the investor account (an unusable hash in production). */
export async function seedDemoInvestments(prisma: PrismaClient, logger: Logger, options: { today: Date; passwordHash: () => Promise<string>; publicUrl: string }): Promise<boolean> {
  if (await prisma.appSetting.findUnique({ where: { key: DEMO_INVEST_SETTING_KEY } })) return false;
  const passwordHash = await options.passwordHash();
  const seeded = await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_ID})`;
    if (await tx.appSetting.findUnique({ where: { key: DEMO_INVEST_SETTING_KEY } })) return false;
    const officer = await tx.user.findUnique({ where: { email: DEMO_EMAIL.officer }, select: { id: true } });
    if (!officer) return false; // no demo (the main demo was never seeded here)
    const investorId = await investorAccount(tx, passwordHash, options.today);
    await seedProjects(tx, options.publicUrl, options.today, investorId, officer.id);
    await seedOpportunities(tx, options.publicUrl, options.today, investorId, officer.id);
    await tx.appSetting.create({ data: { key: DEMO_INVEST_SETTING_KEY, value: { at: options.today.toISOString() } } });
    return true;
  }, { timeout: 120_000, maxWait: 120_000 });
  if (seeded) logger.info({ projects: PROJECTS.length, opportunities: OPPORTUNITIES.length }, 'demo investment track seeded');
  return seeded;
}
