/** ~300 fictitious experts: diaspora, South–South and immigrant residents, each with a full profile. */
import type { ExpertKind, Gender, MissionMode, ProfileVisibility } from '../generated/prisma/client.js';
import { EMPLOYERS, FAMILY_NAMES, FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, POSITIONS, RESIDENCE_CITIES, SOUTH_SOUTH_NAMES } from './data/lists.js';
import type { Ctx } from './context.js';
import { REGION_CODES } from './context.js';
import { DEMO_EMAIL } from './accounts.js';
import { buildBio, pickAvailability, pickDegrees, pickLanguages, pickSkills } from './expert-details.js';
import type { DegreePick, LanguagePick, SkillPick } from './expert-details.js';
import { demoExpertSpec } from './demo-expert.js';
import { COMMUNES as COMMUNE_LIST } from '../reference/data/communes.js';
import { COMMUNES, MOROCCAN_EMPLOYERS, employersFor, MOROCCAN_RESIDENCE_CITIES, ORIGIN_WEIGHTS, SOUTH_SOUTH_CITIES, genderPosition, positionsForSector } from './people-tables.js';
import { PLACEHOLDER_PASSWORD_HASH } from './types.js';
import type { DemoData } from './types.js';
import { addDays, at } from './util.js';

export const EXPERT_COUNT = 300;

/** What later steps need to know about an expert without searching the rows. */
export interface ExpertInfo {
  id: string;
  userId: string;
  kind: ExpertKind;
  sectors: string[];
  skills: Map<number, number>;
  stale: boolean;
  visibility: ProfileVisibility;
  isDemoAccount: boolean;
  originRegion: string | null;
  name: string;
}

export type ExpertRows = Pick<DemoData, 'users' | 'consents' | 'expertProfiles' | 'expertDegrees' | 'expertSkills' | 'expertLanguages' | 'availabilities'>;

const SECTOR_WEIGHTS: Readonly<Record<string, number>> = {
  health: 14, higher_education: 9, education: 5, agriculture: 9, water_environment: 9, energy: 8, digital: 12,
  finance: 8, governance: 6, local_development: 6, industry: 5, tourism: 4, transport: 5, justice: 3, social: 5, climate: 6,
};

/** Identity of one expert: everything that is not the profile's skills and texts. */
export interface Identity {
  kind: ExpertKind;
  firstName: string;
  lastName: string;
  emailFirst: string;
  emailLast: string;
  female: boolean;
  country: string;
  city: string;
  nationalities: string[];
  homeCountry: string;
  originRegion: string | null;
  commune: string | null;
  residenceRegion: string | null;
}

function identity(ctx: Ctx, kind: ExpertKind): Identity {
  const { rng } = ctx;
  if (kind === 'diaspora') {
    const female = rng.chance(0.45);
    const first = rng.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
    const last = rng.pick(FAMILY_NAMES);
    const arabic = rng.chance(0.2);
    const home = rng.weighted(RESIDENCE_CITIES, (c) => c.weight);
    const dual = rng.chance(['AE', 'QA', 'SA'].includes(home.country) ? 0.05 : 0.6);
    const originRegion = rng.weightedKey(ORIGIN_WEIGHTS);
    return {
      kind, female, firstName: arabic ? first.ar : first.latin, lastName: arabic ? last.ar : last.latin,
      emailFirst: first.latin, emailLast: last.latin, country: home.country, city: home.city,
      nationalities: dual ? ['MA', home.country] : ['MA'], homeCountry: 'MA', originRegion,
      commune: rng.chance(0.5) ? rng.pick(COMMUNES[originRegion] ?? ['']) || null : null, residenceRegion: null,
    };
  }
  const person = rng.pick(SOUTH_SOUTH_NAMES);
  const last = rng.pick(SOUTH_SOUTH_NAMES.filter((p) => p.country === person.country)).last;
  const base = {
    kind, female: !person.male, firstName: person.first, lastName: last, emailFirst: person.first, emailLast: last,
    nationalities: [person.country], homeCountry: person.country, originRegion: null, commune: null,
  };
  if (kind === 'south_south') {
    return { ...base, country: person.country, city: rng.pick(SOUTH_SOUTH_CITIES[person.country] ?? ['']), residenceRegion: null };
  }
  const place = rng.weighted(MOROCCAN_RESIDENCE_CITIES, (c) => c.weight);
  return { ...base, country: 'MA', city: place.city, residenceRegion: place.region };
}

function employerFor(ctx: Ctx, country: string, sector: string): string | null {
  const local = EMPLOYERS.filter((e) => e.country === country).map((e) => e.name);
  if (local.length) return ctx.rng.pick(employersFor(local, sector));
  if (country === 'MA' && ctx.rng.chance(0.8)) return ctx.rng.pick(employersFor(MOROCCAN_EMPLOYERS, sector));
  return null;
}

function missionModes(ctx: Ctx): MissionMode[] {
  const modes = (['on_site', 'remote', 'hybrid'] as const).filter((_, i) => ctx.rng.chance([0.8, 0.55, 0.5][i] ?? 0.5));
  return modes.length ? modes : [ctx.rng.pick(['on_site', 'remote', 'hybrid'] as const)];
}

/** The shared shape of a finished profile before it is turned into rows. */
export interface ProfilePlan {
  who: Identity;
  email: string;
  sectors: string[];
  yearsExperience: number;
  position: string;
  employer: string | null;
  skills: SkillPick[];
  languages: LanguagePick[];
  degrees: DegreePick[];
  windows: { startsOn: Date; endsOn: Date }[];
  modes: MissionMode[];
  preferredRegions: string[];
  maxMissionDays: number;
  visibility: ProfileVisibility;
  confirmedDaysAgo: number;
  stale: boolean;
  isDemoAccount: boolean;
}

function plan(ctx: Ctx, kind: ExpertKind): ProfilePlan {
  const { rng } = ctx;
  const who = identity(ctx, kind);
  const primary = rng.weightedKey(SECTOR_WEIGHTS);
  const sectors = rng.chance(0.5) ? [primary, rng.weightedKey(SECTOR_WEIGHTS)].filter((s, i, a) => a.indexOf(s) === i) : [primary];
  const yearsExperience = rng.int(3, 35);
  const positions = positionsForSector(primary);
  const position = genderPosition(rng.pick(positions.length ? positions : POSITIONS).fr, who.female);
  const stale = rng.chance(0.1);
  const home = who.originRegion ?? who.residenceRegion;
  const others = rng.sample(REGION_CODES.filter((r) => r !== home), rng.int(0, 3));
  const preferredRegions = home && rng.chance(0.85) ? [home, ...others] : others.length ? others : [rng.pick(REGION_CODES)];
  return {
    who, email: ctx.email(who.emailFirst, who.emailLast), sectors, yearsExperience, position,
    employer: employerFor(ctx, who.country, primary),
    skills: pickSkills(ctx, sectors, yearsExperience),
    languages: pickLanguages(ctx, kind, who.country, who.city, who.homeCountry),
    degrees: pickDegrees(ctx, primary, yearsExperience, who.country),
    windows: pickAvailability(ctx), modes: missionModes(ctx), preferredRegions,
    maxMissionDays: rng.int(7, 30),
    visibility: rng.weightedKey({ institutions: 75, public: 20, private: 5 }),
    confirmedDaysAgo: stale ? rng.int(215, 420) : rng.int(1, 150), stale, isDemoAccount: false,
  };
}

/** The reference commune of a demo commune name (the demo names are the shipped communes). */
function communeCodeOf(region: string | null, name: string | null): string | null {
  return COMMUNE_LIST.find((c) => c.region === region && c.fr === name)?.code ?? null;
}

/** Turns a plan into rows (profile, user, consent, skills, languages, degrees, availability). */
function emit(ctx: Ctx, p: ProfilePlan, out: ExpertRows): ExpertInfo {
  const { rng, today } = ctx;
  const userId = rng.uuid();
  const id = rng.uuid();
  const confirmedAt = at(addDays(today, -p.confirmedDaysAgo), rng.int(7, 21), rng.int(0, 59));
  const createdAt = addDays(confirmedAt, -rng.int(p.isDemoAccount ? 200 : 0, 700));
  const staleSince = p.stale ? addDays(confirmedAt, 210) : null;
  const lastActiveAt = p.stale ? addDays(confirmedAt, rng.int(0, 20)) : addDays(confirmedAt, rng.int(0, p.confirmedDaysAgo - 1));
  const gender: Gender = p.who.female ? 'female' : 'male';
  out.users.push({
    id: userId, email: p.email, displayName: `${p.who.firstName} ${p.who.lastName}`, passwordHash: PLACEHOLDER_PASSWORD_HASH, role: 'expert', locale: 'fr', status: 'active',
    emailVerifiedAt: addDays(createdAt, 0.01), isDemo: true, createdAt,
  });
  out.consents.push({ id: rng.uuid(), userId, purpose: 'profile_processing', textVersion: '2026-01', givenAt: createdAt, withdrawnAt: null });
  const labels = p.skills.map((s) => ctx.skills.id(s.skillId).fr);
  out.expertProfiles.push({
    id, userId, firstName: p.who.firstName, lastName: p.who.lastName, gender, phone: null, kind: p.who.kind,
    countryOfResidence: p.who.country, cityOfResidence: p.who.city, nationalities: p.who.nationalities,
    residenceStatus: p.who.kind === 'immigrant_resident' ? 'resident_card' : null,
    originRegionCode: p.who.originRegion, originCommune: p.who.commune, headline: p.position,
    originCommuneCode: communeCodeOf(p.who.originRegion, p.who.commune),
    bio: buildBio(ctx, {
      position: p.position, employer: p.employer, city: p.who.city, years: p.yearsExperience, sectors: p.sectors,
      originRegion: p.who.originRegion, commune: p.who.commune, skillLabels: labels, kind: p.who.kind, female: p.who.female,
    }),
    yearsExperience: p.yearsExperience, employer: p.employer, position: p.position, sectors: p.sectors,
    missionModes: p.modes, preferredRegions: p.preferredRegions, maxMissionDays: p.maxMissionDays,
    visibility: p.visibility, matchable: true, cvFileKey: null, cvUploadedAt: null, confirmedAt, staleSince,
    staleReminderSentAt: staleSince, lastActiveAt, isDemo: true, createdAt,
  });
  for (const s of p.skills) out.expertSkills.push({ expertId: id, skillId: s.skillId, level: s.level, years: Math.min(s.years, p.yearsExperience) });
  for (const l of p.languages) out.expertLanguages.push({ expertId: id, language: l.language, level: l.level });
  for (const d of p.degrees) out.expertDegrees.push({ id: rng.uuid(), expertId: id, title: d.title, field: d.field, institution: d.institution, year: d.year });
  for (const w of p.windows) out.availabilities.push({ id: rng.uuid(), expertId: id, startsOn: w.startsOn, endsOn: w.endsOn });
  return {
    id, userId, kind: p.who.kind, sectors: p.sectors, skills: new Map(p.skills.map((s) => [s.skillId, s.level])),
    stale: p.stale, visibility: p.visibility, isDemoAccount: p.isDemoAccount, originRegion: p.who.originRegion,
    name: `${p.who.emailFirst} ${p.who.emailLast}`,
  };
}

export function generateExperts(ctx: Ctx): { rows: ExpertRows; experts: ExpertInfo[] } {
  const rows: ExpertRows = { users: [], consents: [], expertProfiles: [], expertDegrees: [], expertSkills: [], expertLanguages: [], availabilities: [] };
  const southSouth = Math.round(EXPERT_COUNT * 0.08);
  const residents = Math.round(EXPERT_COUNT * 0.07);
  const kinds = ctx.rng.shuffle<ExpertKind>([
    ...Array<ExpertKind>(EXPERT_COUNT - 1 - southSouth - residents).fill('diaspora'),
    ...Array<ExpertKind>(southSouth).fill('south_south'),
    ...Array<ExpertKind>(residents).fill('immigrant_resident'),
  ]);
  const experts = [emit(ctx, { ...demoExpertSpec(ctx), email: DEMO_EMAIL.expert }, rows)];
  for (const kind of kinds) experts.push(emit(ctx, plan(ctx, kind), rows));
  return { rows, experts };
}

/** Gives an expert a skill it lacks (used so that every selected candidate really fits the need). */
export function grantSkill(rows: ExpertRows, expert: ExpertInfo, skillId: number, level: number): void {
  if (expert.skills.has(skillId)) return;
  expert.skills.set(skillId, level);
  const profile = rows.expertProfiles.find((p) => p.id === expert.id);
  const years = Math.max(1, Math.min(profile?.yearsExperience ?? 1, 8));
  rows.expertSkills.push({ expertId: expert.id, skillId, level, years });
}
