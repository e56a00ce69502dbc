/** 15 demo diaspora investment projects in every status, a few open opportunities and investors' interest. */
import type { InvestmentStatus } from '../generated/prisma/client.js';
import type { Ctx } from './context.js';
import type { ExpertInfo } from './generate-experts.js';
import type { DemoData, InvestmentProjectRow, JsonObject } from './types.js';
import { addDays, at, money } from './util.js';

interface ProjectIdea {
  title: string;
  description: string;
  sector: string;
  region: string;
  city: string;
  jobs: [number, number];
}

const IDEAS: readonly ProjectIdea[] = [
  { title: "Unité de valorisation de l'huile d'argan", sector: 'agriculture', region: 'SM', city: 'Taroudant', jobs: [12, 30],
    description: "Unité de trituration et de conditionnement d'huile d'argan alimentaire et cosmétique, en partenariat avec trois coopératives féminines de la province." },
  { title: 'Clinique de dialyse', sector: 'health', region: 'ORI', city: 'Nador', jobs: [20, 40],
    description: "Centre d'hémodialyse de 24 postes pour réduire les déplacements des patients de la province vers Oujda." },
  { title: 'Ferme solaire agrivoltaïque', sector: 'energy', region: 'DT', city: 'Ouarzazate', jobs: [8, 20],
    description: "Centrale photovoltaïque de 5 MWc sur ombrières, associée à des cultures maraîchères irriguées au goutte-à-goutte sous les panneaux." },
  { title: "Station de dessalement pour l'irrigation", sector: 'water_environment', region: 'SM', city: 'Biougra', jobs: [10, 18],
    description: "Petite unité de dessalement d'eau saumâtre alimentée à l'énergie solaire pour sécuriser l'irrigation de 150 hectares." },
  { title: 'Unité de conditionnement de dattes Majhoul', sector: 'agriculture', region: 'DT', city: 'Erfoud', jobs: [15, 35],
    description: 'Chaîne de tri, de calibrage et de stockage frigorifique de dattes destinées au marché national et à l’export.' },
  { title: 'Maison d’hôtes écotouristique', sector: 'tourism', region: 'TTA', city: 'Chefchaouen', jobs: [6, 12],
    description: 'Réhabilitation d’une demeure traditionnelle en maison d’hôtes de 12 chambres, avec circuits de randonnée et artisanat local.' },
  { title: 'Centre de formation aux métiers du numérique', sector: 'digital', region: 'ORI', city: 'Oujda', jobs: [10, 25],
    description: 'Centre de formation qualifiante (développement web, cybersécurité, support informatique) pour 300 jeunes par an.' },
  { title: 'Unité de transformation des produits de la mer', sector: 'industry', region: 'DOD', city: 'Dakhla', jobs: [30, 60],
    description: 'Unité de congélation et de conditionnement de poulpe et de poissons pélagiques, certifiée pour l’export.' },
  { title: "Laboratoire d'analyses médicales", sector: 'health', region: 'BMK', city: 'Béni Mellal', jobs: [8, 16],
    description: "Laboratoire de biologie médicale équipé pour la biochimie, l'hématologie et la microbiologie, avec points de prélèvement ruraux." },
  { title: 'Atelier de tissage et de design de tapis', sector: 'tourism', region: 'BMK', city: 'Azilal', jobs: [12, 25],
    description: 'Atelier de production et plateforme de vente en ligne de tapis tissés par des artisanes du Haut Atlas.' },
  { title: 'Plateforme logistique frigorifique', sector: 'transport', region: 'CS', city: 'Berrechid', jobs: [25, 50],
    description: 'Entrepôt frigorifique de 8 000 m² et flotte de camions réfrigérés au service des producteurs agricoles de la région.' },
  { title: 'Unité de recyclage des plastiques', sector: 'water_environment', region: 'CS', city: 'Mohammedia', jobs: [20, 45],
    description: 'Tri, broyage et régénération de plastiques PET et PEHD collectés auprès des communes et des industriels.' },
  { title: 'Unité de méthanisation agricole', sector: 'energy', region: 'FM', city: 'Meknès', jobs: [6, 14],
    description: "Production de biogaz et d'engrais organique à partir des effluents d'élevage et des résidus oléicoles." },
  { title: 'Cabinet de radiologie et d’imagerie', sector: 'health', region: 'GON', city: 'Guelmim', jobs: [7, 15],
    description: 'Cabinet équipé d’un scanner et d’un échographe, relié au centre hospitalier régional par téléradiologie.' },
  { title: 'Unité de production de couscous et de produits du terroir', sector: 'industry', region: 'GON', city: 'Guelmim', jobs: [10, 22],
    description: 'Modernisation de la production de couscous artisanal et de farines locales avec une coopérative féminine partenaire.' },
];

/** Statuses of the 15 projects: every status at least twice, except eligible three times. */
const STATUSES: readonly InvestmentStatus[] = [
  'draft', 'draft', 'submitted', 'submitted', 'under_review', 'under_review', 'eligible', 'eligible', 'eligible',
  'ineligible', 'ineligible', 'funded', 'funded', 'withdrawn', 'withdrawn',
];

const BANKS = [
  'Attijariwafa bank', 'Banque Populaire', 'Bank of Africa', 'CIH Bank', 'Crédit Agricole du Maroc', 'Société Générale Maroc',
  'BMCI', 'Crédit du Maroc', 'Al Barid Bank',
];

/** MDM Invest defaults: project ≥ 1 000 000 MAD; grant 10 % of the investor's contribution, capped at 5 000 000 MAD. */
function eligibility(total: number, contribution: number, checkedAt: Date): JsonObject {
  const eligible = total >= 1_000_000;
  return {
    ruleSet: 1, checkedAt: checkedAt.toISOString(), eligible,
    checks: [{ rule: 'min_total_cost', threshold: 1_000_000, value: total, passed: eligible }],
    grant: eligible ? Math.min(Math.round(contribution * 0.1), 5_000_000) : 0,
  };
}

export function generateInvestments(ctx: Ctx, experts: readonly ExpertInfo[]): Pick<DemoData, 'investmentProjects' | 'investmentInterests'> {
  const { rng, today } = ctx;
  const owners = rng.sample(experts.filter((e) => e.kind === 'diaspora' && !e.isDemoAccount), IDEAS.length);
  const demo = experts.find((e) => e.isDemoAccount);
  const statuses = rng.shuffle(STATUSES);
  const projects: InvestmentProjectRow[] = IDEAS.map((idea, i) => {
    const status = statuses[i] as InvestmentStatus;
    // The demo expert owns the first draft (a project they can still edit).
    const owner = demo && status === 'draft' && !statuses.slice(0, i).includes('draft') ? demo : (owners[i] ?? owners[0]);
    const total = status === 'ineligible' ? rng.int(40, 95) * 10_000 : rng.int(12, 180) * 100_000;
    const contribution = Math.round((total * rng.int(20, 45)) / 100 / 1000) * 1000;
    const createdAt = at(addDays(today, status === 'draft' ? -rng.int(5, 60) : -rng.int(60, 400)), rng.int(8, 20));
    const submitted = status !== 'draft';
    const submittedAt = submitted ? addDays(createdAt, rng.int(2, 15)) : null;
    const checked = ['eligible', 'ineligible', 'funded'].includes(status) && submittedAt ? addDays(submittedAt, rng.int(5, 20)) : null;
    const row: InvestmentProjectRow = {
      id: rng.uuid(), ownerId: owner?.userId ?? null, title: idea.title, description: idea.description,
      sectorCode: idea.sector, regionCode: idea.region, city: idea.city, totalCost: money(total),
      investorContribution: money(contribution), currency: 'MAD', bankName: submitted ? rng.pick(BANKS) : null,
      jobsCreated: rng.int(...idea.jobs), isOpportunity: false, status, version: 0, submittedAt, isDemo: true, createdAt,
    };
    if (checked) row.eligibility = eligibility(total, contribution, checked);
    return row;
  });
  // Three open opportunities that investors can express interest in.
  const open = projects.filter((p) => p.status === 'eligible' || p.status === 'under_review').slice(0, 3);
  for (const p of open) p.isOpportunity = true;
  const investors = rng.sample(experts.filter((e) => !e.isDemoAccount), 8);
  const interests = investors.map((investor, i) => {
    const project = open[i % open.length] as InvestmentProjectRow;
    return {
      id: rng.uuid(), projectId: project.id, userId: investor.userId,
      message: rng.pick([
        'Intéressé·e par une participation au capital ; pouvons-nous échanger sur le plan de financement ?',
        "J'aimerais recevoir le business plan détaillé et le calendrier de réalisation.",
        null,
      ]),
      createdAt: at(addDays(today, -rng.int(1, 30)), rng.int(8, 21)),
    };
  }).filter((r) => r.userId !== projects.find((p) => p.id === r.projectId)?.ownerId);
  return { investmentProjects: projects, investmentInterests: interests };
}
