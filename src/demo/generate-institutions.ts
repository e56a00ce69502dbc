/** The 40 demo institutions (from INSTITUTIONS), their staff users and memberships; the officers and the admin. */
import type { InstitutionKind, InstitutionStatus, MemberRole, MemberStatus, UserRole } from '../generated/prisma/client.js';
import { FAMILY_NAMES, FEMALE_FIRST_NAMES, INSTITUTIONS, MALE_FIRST_NAMES } from './data/lists.js';
import { DEMO_EMAIL } from './accounts.js';
import type { Ctx } from './context.js';
import { regionDef } from './context.js';
import { PLACEHOLDER_PASSWORD_HASH } from './types.js';
import type { DemoData, UserRow } from './types.js';
import { addDays, at, dayOf } from './util.js';

/** The institution whose admin is staff@demo.jisr.local (verified, in the demo expert's region of origin). */
export const DEMO_STAFF_INSTITUTION = "Agence régionale d'exécution des projets de Souss-Massa";

export interface InstitutionInfo {
  id: string;
  name: string;
  nameAr: string;
  kind: InstitutionKind;
  region: string;
  city: string;
  status: InstitutionStatus;
  /** admin first, then staff; only active members */
  staffUserIds: string[];
  sectors: string[];
  /** broad skill codes the institution's needs stay within, or null */
  focus: string[] | null;
  isDemoStaff: boolean;
  createdAt: Date;
  verifiedAt: Date | null;
}

export type InstitutionRows = Pick<DemoData, 'users' | 'institutions' | 'institutionMembers'>;

/** Sectors an institution plausibly posts needs in, from its kind and name. */
export function sectorsFor(kind: InstitutionKind, name: string): string[] {
  const n = name.toLowerCase();
  if (kind === 'hospital' || n.includes('santé')) return ['health'];
  if (n.includes('transition énergétique')) return ['energy', 'climate', 'water_environment'];
  if (n.includes('enseignement supérieur')) return ['higher_education', 'digital', 'governance'];
  if (n.includes('agriculture')) return ['agriculture', 'climate', 'water_environment'];
  if (n.includes('équipement et de l\'eau') || n.includes('bassin hydraulique')) return ['water_environment', 'climate', 'transport'];
  if (n.includes('électricité')) return ['energy', 'water_environment', 'digital'];
  if (n.includes('ports')) return ['transport', 'digital', 'finance'];
  if (n.includes('investissement')) return ['finance', 'industry', 'digital', 'governance'];
  if (n.includes('pêcheurs')) return ['agriculture'];
  if (n.includes('tissage')) return ['tourism', 'social'];
  if (n.includes('migrations')) return ['local_development', 'social', 'water_environment'];
  switch (kind) {
    case 'university': return ['higher_education', 'digital', 'health', 'agriculture', 'energy', 'water_environment'];
    case 'regional_agency': return ['local_development', 'water_environment', 'governance', 'finance', 'climate'];
    case 'commune': return ['local_development', 'water_environment', 'governance', 'digital', 'tourism'];
    case 'cooperative': return ['agriculture', 'tourism'];
    case 'ngo': return ['social', 'education', 'local_development'];
    default: return ['governance', 'finance', 'digital'];
  }
}

/**
 * Broad skills a small institution's needs stay within (a fishermen's cooperative does not ask for plant
 * breeding); null = the whole sector.
 */
export function focusFor(kind: InstitutionKind, name: string): string[] | null {
  if (kind !== 'cooperative') return null;
  const n = name.toLowerCase();
  if (n.includes('pêcheurs')) return ['agriculture.fisheries', 'agriculture.agrifood'];
  if (n.includes('dattes')) return ['agriculture.crop_production', 'agriculture.agrifood', 'agriculture.irrigation', 'tourism.handicrafts'];
  if (n.includes('tissage')) return ['tourism.handicrafts', 'tourism.tourism_development', 'social.gender_equality'];
  return ['agriculture.agrifood', 'agriculture.rural_development', 'agriculture.crop_production', 'tourism.handicrafts', 'tourism.tourism_development'];
}

function description(kind: InstitutionKind, city: string, region: string): string {
  const r = regionDef(region).fr;
  const texts: Record<InstitutionKind, string> = {
    university: `Établissement public d'enseignement supérieur et de recherche basé à ${city}. L'université fait appel à l'expertise de la diaspora pour renforcer ses formations, ses laboratoires et ses partenariats.`,
    hospital: `Établissement de soins de référence à ${city} pour la région ${r}. Il mobilise des expert·e·s de la diaspora pour l'organisation des services, la qualité des soins et la formation des équipes.`,
    ministry: `Administration publique basée à ${city}, chargée de la conception et du suivi de politiques publiques. Elle sollicite des appuis techniques ponctuels sur des chantiers de réforme.`,
    regional_agency: `Bras exécutif du conseil de la région ${r}, l'agence pilote la réalisation des projets de développement régional et l'assistance technique aux collectivités.`,
    commune: `Collectivité territoriale de ${city} (région ${r}), la commune gère les services de proximité et porte des projets de développement local.`,
    cooperative: `Coopérative basée à ${city} qui valorise les produits du terroir et crée des revenus pour ses membres, en particulier des femmes et des jeunes.`,
    public_agency: `Établissement public basé à ${city}, chargé d'une mission de service public d'envergure nationale et régionale.`,
    ngo: `Association de la société civile basée à ${city}, active dans l'accompagnement social, l'éducation et le développement local.`,
  };
  return texts[kind];
}

const REJECTION_REASONS = [
  "Documents justificatifs incomplets : l'acte de création de l'institution n'a pas été fourni.",
  "Le mandat du demandeur n'a pas pu être vérifié auprès de l'institution.",
];

const JOB_TITLES = [
  'Directeur des ressources humaines', 'Cheffe de la division des partenariats', 'Responsable de la coopération internationale',
  'Chef du service des études', 'Chargée de mission auprès de la direction', 'Secrétaire général', 'Directrice adjointe',
  'Responsable formation et compétences', 'Chef de projet', 'Présidente',
];

function staffUser(ctx: Ctx, role: UserRole, createdAt: Date, email?: string): UserRow {
  const { rng } = ctx;
  const female = rng.chance(0.5);
  const first = rng.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES).latin;
  const last = rng.pick(FAMILY_NAMES).latin;
  return {
    id: rng.uuid(), email: email ?? ctx.email(first, last), displayName: `${first} ${last}`, passwordHash: PLACEHOLDER_PASSWORD_HASH,
    role, locale: 'fr', status: 'active', emailVerifiedAt: addDays(createdAt, 0.02), isDemo: true, createdAt,
  };
}

export function generateInstitutions(ctx: Ctx): { rows: InstitutionRows; institutions: InstitutionInfo[] } {
  const { rng, today } = ctx;
  const rows: InstitutionRows = { users: [], institutions: [], institutionMembers: [] };
  const demoIndex = INSTITUTIONS.findIndex((i) => i.name === DEMO_STAFF_INSTITUTION);
  const others = rng.shuffle(INSTITUTIONS.map((_, i) => i).filter((i) => i !== demoIndex));
  const status = new Map<number, InstitutionStatus>();
  others.slice(0, 4).forEach((i) => status.set(i, 'pending'));
  others.slice(4, 6).forEach((i) => status.set(i, 'rejected'));
  const infos: InstitutionInfo[] = [];
  INSTITUTIONS.forEach((def, index) => {
    const st = status.get(index) ?? 'verified';
    const isDemoStaff = index === demoIndex;
    // Verified institutions registered long enough ago for needs whose missions were followed up a year later.
    const createdAt = at(addDays(today, st === 'pending' ? -rng.int(3, 25) : -rng.int(640, 1000)), rng.int(8, 17), rng.int(0, 59));
    const decidedAt = at(addDays(createdAt, rng.int(2, 10)), rng.int(9, 17), rng.int(0, 59));
    const id = rng.uuid();
    rows.institutions.push({
      id, name: def.name, nameAr: def.nameAr, kind: def.kind, regionCode: def.region, countryCode: 'MA', city: def.city,
      description: description(def.kind, def.city, def.region), website: null, status: st,
      verifiedAt: st === 'verified' ? decidedAt : null,
      rejectionReason: st === 'rejected' ? rng.pick(REJECTION_REASONS) : null, isDemo: true, createdAt,
    });
    const members: { role: MemberRole; status: MemberStatus; email?: string; jobTitle: string }[] = [
      { role: 'admin', status: 'active', jobTitle: rng.pick(JOB_TITLES), ...(isDemoStaff ? { email: DEMO_EMAIL.staff, jobTitle: 'Chargée des partenariats et de la coopération' } : {}) },
    ];
    if (st === 'verified' && (isDemoStaff || rng.chance(0.6))) members.push({ role: 'staff', status: 'active', jobTitle: rng.pick(JOB_TITLES) });
    if (isDemoStaff) members.push({ role: 'staff', status: 'pending', jobTitle: 'Ingénieur d\'études' });
    const staffUserIds: string[] = [];
    members.forEach((m, i) => {
      const joined = i === 0 ? createdAt : at(addDays(dayOf(createdAt), rng.int(1, 20)), rng.int(8, 18));
      const joinedAt = m.status === 'pending' ? at(addDays(today, -rng.int(1, 4)), 10) : joined;
      const user = staffUser(ctx, 'staff', joinedAt, m.email);
      rows.users.push(user);
      rows.institutionMembers.push({ id: rng.uuid(), institutionId: id, userId: user.id, role: m.role, status: m.status, jobTitle: m.jobTitle, createdAt: joinedAt });
      if (m.status === 'active') staffUserIds.push(user.id);
    });
    infos.push({
      id, name: def.name, nameAr: def.nameAr, kind: def.kind, region: def.region, city: def.city, status: st, staffUserIds,
      sectors: sectorsFor(def.kind, def.name), focus: focusFor(def.kind, def.name), isDemoStaff, createdAt, verifiedAt: st === 'verified' ? decidedAt : null,
    });
  });
  return { rows, institutions: infos };
}

/** officer@, two more officers and admin@ (IOM programme staff). Returns [officers..., admin]. */
export function generateProgrammeAccounts(ctx: Ctx): { users: UserRow[]; officerIds: string[]; adminId: string } {
  const createdAt = at(addDays(ctx.today, -720), 9);
  const officers = [
    staffUser(ctx, 'officer', createdAt, DEMO_EMAIL.officer),
    staffUser(ctx, 'officer', addDays(createdAt, 30)),
    staffUser(ctx, 'officer', addDays(createdAt, 95)),
  ];
  const admin = staffUser(ctx, 'admin', addDays(createdAt, -10), DEMO_EMAIL.admin);
  return { users: [...officers, admin], officerIds: officers.map((o) => o.id), adminId: admin.id };
}
