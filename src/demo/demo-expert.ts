/**
 * The profile behind expert@demo.jisr.local: complete and rich, so that a visitor signing in as the demo expert
 * sees published needs that fit (water and irrigation, Souss-Massa, available in the coming months).
 */
import type { Ctx } from './context.js';
import type { ProfilePlan } from './generate-experts.js';
import { addDays } from './util.js';

/** Skill codes (and levels) of the demo expert; the needs generator aims some published needs at them. */
export const DEMO_EXPERT_SKILLS: readonly [string, number][] = [
  ['water_environment.water_resources', 4],
  ['water_environment.iwrm', 4],
  ['water_environment.hydrogeology', 3],
  ['water_environment.wastewater_reuse', 3],
  ['water_environment.desalination', 2],
  ['agriculture.irrigation', 4],
  ['agriculture.drip_irrigation', 4],
  ['agriculture.irrigation_scheme_management', 3],
  ['agriculture.soil_salinity', 3],
  ['agriculture.agricultural_extension', 3],
  ['climate.drought_management', 3],
];

export const DEMO_EXPERT_REGIONS: readonly string[] = ['SM', 'MS', 'DT', 'GON', 'RSK', 'FM'];

export function demoExpertSpec(ctx: Ctx): Omit<ProfilePlan, 'email'> {
  const { today } = ctx;
  const year = today.getUTCFullYear();
  return {
    who: {
      kind: 'diaspora', firstName: 'Salma', lastName: 'Aït Taleb', emailFirst: 'Salma', emailLast: 'Aït Taleb',
      female: true, country: 'FR', city: 'Montpellier', nationalities: ['MA', 'FR'], homeCountry: 'MA',
      originRegion: 'SM', commune: 'Tiznit', residenceRegion: null,
    },
    sectors: ['water_environment', 'agriculture'],
    yearsExperience: 14,
    position: "Spécialiste des systèmes d'irrigation",
    employer: 'INRAE',
    skills: DEMO_EXPERT_SKILLS.map(([code, level], i) => ({ skillId: ctx.skills.code(code).id, level, years: [12, 10, 8, 6, 3][i % 5] ?? 5 })),
    languages: [
      { language: 'ary', level: 'native' },
      { language: 'zgh', level: 'native' },
      { language: 'ar', level: 'C1' },
      { language: 'fr', level: 'C2' },
      { language: 'en', level: 'C1' },
      { language: 'es', level: 'B1' },
    ],
    degrees: [
      { title: "Diplôme d'ingénieur agronome", field: 'Génie rural et irrigation', institution: 'Institut agronomique et vétérinaire Hassan II', year: year - 17 },
      { title: 'Doctorat en sciences agronomiques', field: 'Hydraulique agricole', institution: 'Université de Montpellier', year: year - 13 },
    ],
    windows: [
      { startsOn: addDays(today, 7), endsOn: addDays(today, 75) },
      { startsOn: addDays(today, 84), endsOn: addDays(today, 165) },
      { startsOn: addDays(today, 185), endsOn: addDays(today, 275) },
    ],
    modes: ['on_site', 'remote', 'hybrid'],
    preferredRegions: [...DEMO_EXPERT_REGIONS],
    maxMissionDays: 30,
    visibility: 'public',
    confirmedDaysAgo: 12,
    stale: false,
    isDemoAccount: true,
  };
}
