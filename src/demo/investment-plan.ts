/**
 * The demo's investment projects and opportunities, as a plan that seed-investments.ts carries out through the
 * real commands (so every project obeys the rules in force). Fictitious projects; amounts in MAD.
 */
import type { InvestmentStatus } from '../generated/prisma/enums.js';
import type { CLIMATE_TAGS } from '../investments/schemas.js';

export interface ProjectPlan {
  /** 'investor' for investor@demo.jisr.local, else the n-th other demo diaspora expert */
  owner: 'investor' | number;
  title: string;
  description: string;
  sector: string;
  region: string;
  city: string;
  total: number;
  share: number;
  own: number;
  other?: number;
  jobs: [women: number, men: number, under30: number];
  climate?: (typeof CLIMATE_TAGS)[number][];
  status: InvestmentStatus;
  /** an officer's override with its reason before the decision */
  override?: { ruleId: string; reason: string };
  reason?: string;
  grant?: number;
  daysAgo: number;
}

export const PROJECTS: readonly ProjectPlan[] = [
  { owner: 'investor', title: 'Clinique de dialyse à Nador', sector: 'health', region: 'ORI', city: 'Nador', total: 8_500_000, share: 100, own: 2_500_000, jobs: [18, 12, 9], status: 'funded', grant: 850_000, daysAgo: 320,
    description: "Centre d'hémodialyse de 24 postes pour éviter aux patients de la province les trajets vers Oujda." },
  { owner: 'investor', title: "Unité de conditionnement d'huile d'olive", sector: 'industry', region: 'ORI', city: 'Berkane', total: 3_200_000, share: 60, own: 1_000_000, other: 400_000, jobs: [14, 10, 12], climate: ['energy_efficiency'], status: 'eligible', daysAgo: 150,
    description: "Trituration moderne et conditionnement d'huile d'olive avec deux associés résidant au Maroc (60 % du capital à la diaspora)." },
  { owner: 'investor', title: 'Centre de formation aux métiers du numérique', sector: 'education', region: 'ORI', city: 'Oujda', total: 1_800_000, share: 100, own: 500_000, jobs: [6, 6, 8], status: 'under_review', daysAgo: 60,
    description: 'Formations qualifiantes (développement web, cybersécurité, support) pour 300 jeunes par an.' },
  { owner: 'investor', title: 'Maison d’hôtes à Saïdia', sector: 'hotels', region: 'ORI', city: 'Saïdia', total: 900_000, share: 100, own: 300_000, jobs: [4, 2, 3], status: 'submitted', daysAgo: 20,
    description: 'Maison d’hôtes de huit chambres près de la plage, ouverte toute l’année.' },
  { owner: 'investor', title: 'Atelier de menuiserie aluminium', sector: 'industry', region: 'ORI', city: 'Nador', total: 1_500_000, share: 100, own: 400_000, jobs: [2, 10, 6], climate: ['energy_efficiency'], status: 'draft', daysAgo: 5,
    description: 'Fabrication de menuiseries aluminium à rupture de pont thermique pour le bâtiment.' },
  { owner: 'investor', title: 'Ferme aquacole de Marchica', sector: 'agriculture', region: 'ORI', city: 'Nador', total: 2_000_000, share: 100, own: 600_000, jobs: [5, 9, 4], status: 'ineligible', reason: 'Secteur hors du champ de MDM Invest (aquaculture).', daysAgo: 200,
    description: 'Élevage de dorades en cages flottantes dans la lagune de Marchica.' },
  { owner: 0, title: 'Unité de transformation des produits de la mer', sector: 'industry', region: 'DOD', city: 'Dakhla', total: 12_000_000, share: 100, own: 3_500_000, jobs: [40, 25, 30], status: 'funded', grant: 1_200_000, daysAgo: 400,
    description: 'Congélation et conditionnement de poulpe et de poissons pélagiques, certifiée pour l’export.' },
  { owner: 1, title: 'Hôtel de charme à Chefchaouen', sector: 'hotels', region: 'TTA', city: 'Chefchaouen', total: 6_000_000, share: 50, own: 1_600_000, other: 1_400_000, jobs: [9, 7, 8], climate: ['water_saving'], status: 'eligible', daysAgo: 120,
    description: 'Réhabilitation d’une demeure de la médina en hôtel de 18 chambres, avec un associé local à parts égales.' },
  { owner: 2, title: "Laboratoire d'analyses médicales", sector: 'health', region: 'BMK', city: 'Béni Mellal', total: 2_400_000, share: 100, own: 700_000, jobs: [8, 4, 5], status: 'under_review', daysAgo: 45,
    description: 'Biochimie, hématologie et microbiologie, avec des points de prélèvement dans les communes rurales.' },
  { owner: 3, title: 'École privée bilingue', sector: 'education', region: 'SM', city: 'Agadir', total: 4_000_000, share: 100, own: 1_200_000, jobs: [20, 8, 10], climate: ['renewable_energy'], status: 'submitted', daysAgo: 15,
    description: 'École primaire et collège de 400 élèves, bâtiment solaire.' },
  { owner: 4, title: 'Usine de recyclage des plastiques', sector: 'industry', region: 'CS', city: 'Mohammedia', total: 60_000_000, share: 100, own: 15_000_000, jobs: [30, 70, 40], climate: ['waste_recycling'], status: 'eligible', daysAgo: 90,
    description: 'Tri, broyage et régénération de PET et PEHD ; la subvention atteint le plafond de 5 000 000 MAD.' },
  { owner: 5, title: 'Maison d’hôtes écotouristique', sector: 'tourism', region: 'TTA', city: 'Ouezzane', total: 1_200_000, share: 100, own: 400_000, jobs: [3, 3, 2], status: 'ineligible', reason: 'Tourisme hors hôtellerie classée : non couvert par les règles en vigueur.', daysAgo: 180,
    description: 'Circuits de randonnée et hébergement chez l’habitant dans le Rif.' },
  { owner: 6, title: 'Cabinet de radiologie et d’imagerie', sector: 'health', region: 'GON', city: 'Guelmim', total: 3_000_000, share: 100, own: 720_000, jobs: [6, 5, 4], status: 'eligible', daysAgo: 100,
    override: { ruleId: 'own_funds', reason: 'Apport complémentaire de 60 000 MAD justifié par une attestation de virement reçue après le dépôt.' },
    description: 'Scanner et échographe reliés au centre hospitalier régional par téléradiologie.' },
  { owner: 7, title: 'Unité de méthanisation agricole', sector: 'energy', region: 'FM', city: 'Meknès', total: 2_500_000, share: 100, own: 800_000, jobs: [3, 8, 5], climate: ['renewable_energy', 'waste_recycling'], status: 'withdrawn', daysAgo: 140,
    description: 'Biogaz et engrais organique à partir des effluents d’élevage.' },
  { owner: 8, title: 'Unité de production de couscous', sector: 'industry', region: 'GON', city: 'Guelmim', total: 1_100_000, share: 100, own: 300_000, jobs: [12, 4, 6], status: 'withdrawn', daysAgo: 30,
    description: 'Modernisation de la production de couscous artisanal avec une coopérative féminine.' },
];

export interface OpportunityPlan {
  /** 'officer', or 'staff' for staff@demo.jisr.local's institution */
  by: 'officer' | 'staff';
  title: string;
  description: string;
  kind: 'offer' | 'seek';
  sector: string;
  region: string;
  city: string;
  min: number;
  max: number;
  daysAgo: number;
}

export const OPPORTUNITIES: readonly OpportunityPlan[] = [
  { by: 'officer', title: 'Reprise d’une unité hôtelière à Saïdia', kind: 'offer', sector: 'hotels', region: 'ORI', city: 'Saïdia', min: 5_000_000, max: 15_000_000, daysAgo: 25,
    description: 'Un hôtel de 40 chambres cherche repreneur ; accompagnement du centre régional d’investissement pour le montage.' },
  { by: 'officer', title: 'Co-investissement dans une clinique à Oujda', kind: 'seek', sector: 'health', region: 'ORI', city: 'Oujda', min: 1_000_000, max: 4_000_000, daysAgo: 12,
    description: 'Des médecins cherchent des associés de la diaspora pour une clinique de jour (chirurgie ambulatoire).' },
  { by: 'staff', title: 'Lots industriels de la zone d’activités d’Aït Melloul', kind: 'offer', sector: 'industry', region: 'SM', city: 'Aït Melloul', min: 2_000_000, max: 20_000_000, daysAgo: 40,
    description: 'Lots viabilisés de 1 000 à 10 000 m² pour l’agro-industrie et la logistique, guichet unique de l’agence.' },
  { by: 'officer', title: 'Pôle de formation aux métiers de la santé', kind: 'seek', sector: 'education', region: 'FM', city: 'Fès', min: 1_500_000, max: 6_000_000, daysAgo: 8,
    description: 'La région cherche un promoteur pour un institut privé de formation d’infirmiers et de techniciens de santé.' },
  { by: 'staff', title: 'Unité de valorisation de l’argan à Tiznit', kind: 'seek', sector: 'agriculture', region: 'SM', city: 'Tiznit', min: 800_000, max: 3_000_000, daysAgo: 3,
    description: 'Trois coopératives féminines cherchent un investisseur pour une unité de trituration certifiée.' },
];
