/** The 80 demo needs: rows, required/desirable skills, languages and the events of their lifecycle. */
import { COMMUNES as COMMUNE_LIST } from '../reference/data/communes.js';
import type { CefrLevel, MissionMode, NeedStatus, SkillRequirement } from '../generated/prisma/client.js';
import type { CatalogSkill, Ctx } from './context.js';
import { DEMO_EXPERT_SKILLS } from './demo-expert.js';
import type { InstitutionInfo } from './generate-institutions.js';
import { needDates } from './need-dates.js';
import type { MissionTiming } from './need-dates.js';
import type { NeedSpec } from './need-plan.js';
import { needTextsAr, needTextsFr } from './need-texts.js';
import type { DemoData } from './types.js';

export interface NeedSkillPick {
  skillId: number;
  minLevel: number;
  requirement: SkillRequirement;
}

export interface NeedInfo {
  id: string;
  spec: NeedSpec;
  institution: InstitutionInfo;
  status: NeedStatus;
  sector: string;
  region: string;
  city: string;
  durationDays: number;
  windowStart: Date;
  windowEnd: Date;
  publishedAt: Date | null;
  closedAt: Date | null;
  creatorId: string;
  skills: NeedSkillPick[];
  title: string;
  mission: MissionTiming | null;
}

export type NeedRows = Pick<DemoData, 'needs' | 'needSkills' | 'needLanguages' | 'needEvents'>;

const LEVELS = { 2: 3, 3: 5, 4: 2 } as const;

function pickSkills(ctx: Ctx, sector: string, spec: NeedSpec): NeedSkillPick[] {
  const { rng, skills } = ctx;
  const focus = spec.institution.focus;
  const inFocus = (s: CatalogSkill) => !focus || focus.includes(s.code) || (s.broaderId !== null && focus.includes(skills.id(s.broaderId).code));
  const focused = skills.sector(sector).filter(inFocus);
  const pool = focused.length >= 3 ? focused : skills.sector(sector);
  const picks: NeedSkillPick[] = [];
  if (spec.fitsDemoExpert || spec.demoExpertMission) {
    const own = DEMO_EXPERT_SKILLS.filter(([code]) => skills.byCode.get(code)?.sectorCode === sector);
    for (const [code, level] of rng.sample(own, rng.int(2, 3))) {
      picks.push({ skillId: skills.code(code).id, minLevel: Math.min(level, rng.int(2, 3)), requirement: 'required' });
    }
    const rest = pool.filter((s) => !picks.some((p) => p.skillId === s.id));
    for (const s of rng.sample(rest, rng.int(1, 2))) picks.push({ skillId: s.id, minLevel: rng.int(1, 3), requirement: 'desirable' });
    return picks;
  }
  const total = rng.int(3, 6);
  const required = rng.int(2, Math.min(4, total));
  rng.sample(pool, total).forEach((s, i) => {
    picks.push(i < required
      ? { skillId: s.id, minLevel: Number(rng.weightedKey(LEVELS)), requirement: 'required' }
      : { skillId: s.id, minLevel: rng.int(1, 3), requirement: 'desirable' });
  });
  return picks;
}

function languages(ctx: Ctx, arabic: boolean): { language: string; minLevel: CefrLevel }[] {
  const { rng } = ctx;
  if (arabic) return [{ language: 'ar', minLevel: rng.pick(['B2', 'C1'] as const) }, ...(rng.chance(0.5) ? [{ language: 'fr', minLevel: 'B2' as const }] : [])];
  const out: { language: string; minLevel: CefrLevel }[] = [{ language: 'fr', minLevel: rng.pick(['B2', 'B2', 'C1'] as const) }];
  const extra = rng.next();
  if (extra < 0.15) out.push({ language: 'en', minLevel: 'B2' });
  else if (extra < 0.25) out.push({ language: 'ar', minLevel: 'B2' });
  return out;
}

const CLIMATE_SECTORS = ['water_environment', 'climate', 'energy', 'agriculture'];
const GENDER_SECTORS = ['social', 'education'];

const CANCEL_NOTES = [
  'Besoin couvert par un autre programme de coopération.',
  'Réorganisation interne : le projet est reporté.',
  'Budget du projet non confirmé pour cette année.',
];

export function generateNeeds(ctx: Ctx, specs: readonly NeedSpec[], officerIds: readonly string[]): { rows: NeedRows; needs: NeedInfo[] } {
  const { rng, today, skills } = ctx;
  const rows: NeedRows = { needs: [], needSkills: [], needLanguages: [], needEvents: [] };
  const needs: NeedInfo[] = [];
  for (const spec of specs) {
    const inst = spec.institution;
    const aimed = spec.fitsDemoExpert || spec.demoExpertMission;
    const sectorPool = aimed ? inst.sectors.filter((s) => ['water_environment', 'agriculture'].includes(s)) : inst.sectors;
    const sector = rng.pick(sectorPool.length ? sectorPool : ['water_environment']);
    const durationDays = rng.int(5, 30);
    const dates = needDates(ctx, spec, durationDays);
    const picks = pickSkills(ctx, sector, spec);
    const mode = rng.weightedKey<MissionMode>({ on_site: 50, hybrid: 30, remote: 20 });
    const expertsWanted = spec.mission || spec.status === 'filled' ? 1 : rng.weightedKey({ 1: 7, 2: 2, 3: 1 });
    const label = (p: NeedSkillPick) => (spec.arabic ? skills.id(p.skillId).ar : skills.id(p.skillId).fr);
    const input = {
      institution: inst.name, institutionAr: inst.nameAr, city: inst.city, durationDays, mode, expertsWanted: Number(expertsWanted),
      required: picks.filter((p) => p.requirement === 'required').map(label),
      desirable: picks.filter((p) => p.requirement === 'desirable').map(label),
      year: today.getUTCFullYear(),
    };
    const texts = spec.arabic ? needTextsAr(rng, input) : needTextsFr(rng, input);
    const creatorId = rng.pick(inst.staffUserIds);
    const id = rng.uuid();
    const women = /féminine|femme/i.test(inst.name);
    rows.needs.push({
      id, institutionId: inst.id, createdById: creatorId, title: texts.title, description: texts.description,
      baseline: texts.baseline, sectorCode: sector, regionCode: inst.region, city: inst.city, mode,
      windowStart: dates.windowStart, windowEnd: dates.windowEnd, durationDays, expertsWanted: Number(expertsWanted),
      climateTag: rng.chance(CLIMATE_SECTORS.includes(sector) ? 0.7 : 0.05),
      genderTag: women || rng.chance(GENDER_SECTORS.includes(sector) ? 0.6 : 0.08),
      // Every fifth need is also open to South–South experts and immigrants residing here (AMEDIP); counted on the
      // needs already made rather than drawn, so the random sequence of the rest of the demo stays the same.
      // a need of an institution in one of the listed communes serves that commune (local development)
      communeCode: COMMUNE_LIST.find((c) => c.region === inst.region && c.fr === inst.city)?.code ?? null,
      audiences: rows.needs.length % 5 === 4 ? ['diaspora', 'south_south', 'immigrant_resident'] : ['diaspora'],
      status: spec.status, reviewComment: null, version: 0, submittedAt: dates.submittedAt, publishedAt: dates.publishedAt,
      closedAt: dates.closedAt, isDemo: true, createdAt: dates.createdAt,
    });
    for (const p of picks) rows.needSkills.push({ needId: id, ...p });
    for (const l of languages(ctx, spec.arabic)) rows.needLanguages.push({ needId: id, ...l });
    // The lifecycle so far, one event per transition, in time order.
    const officer = rng.pick(officerIds);
    const events: [NeedStatus | null, NeedStatus, Date, string | null, string | null][] = [[null, 'draft', dates.createdAt, creatorId, null]];
    if (dates.submittedAt) events.push(['draft', 'submitted', dates.submittedAt, creatorId, null]);
    if (dates.publishedAt) events.push(['submitted', 'published', dates.publishedAt, officer, null]);
    if (dates.closedAt) {
      const from = spec.status === 'cancelled' ? (dates.cancelledFrom ?? 'draft') : 'published';
      const actor = spec.status === 'closed' ? officer : creatorId;
      const note = spec.status === 'cancelled' ? rng.pick(CANCEL_NOTES)
        : spec.status === 'filled' ? "Mission acceptée par l'expert·e retenu·e."
        : spec.mission ? 'Mission réalisée ; besoin clôturé.' : 'Fenêtre de mission échue sans candidature retenue.';
      events.push([from, spec.status, dates.closedAt, actor, note]);
    }
    for (const [fromStatus, toStatus, createdAt, actorId, note] of events) {
      rows.needEvents.push({ id: rng.uuid(), needId: id, actorId, fromStatus, toStatus, note, createdAt });
    }
    needs.push({
      id, spec, institution: inst, status: spec.status, sector, region: inst.region, city: inst.city, durationDays,
      windowStart: dates.windowStart, windowEnd: dates.windowEnd, publishedAt: dates.publishedAt, closedAt: dates.closedAt,
      creatorId, skills: picks, title: texts.title, mission: dates.mission,
    });
  }
  return { rows, needs };
}
