/**
 * Which demo needs exist: 80 needs in every status, spread over the verified institutions, and which of them
 * carry a mission (and in which mission status). Dates and texts come later (generate-needs.ts).
 */
import type { MissionStatus, NeedStatus } from '../generated/prisma/client.js';
import type { Ctx } from './context.js';
import type { InstitutionInfo } from './generate-institutions.js';

export interface NeedSpec {
  status: NeedStatus;
  institution: InstitutionInfo;
  mission: MissionStatus | null;
  /** the mission goes to the demo expert account */
  demoExpertMission: boolean;
  /** required skills drawn from the demo expert's own skills (a need that fits expert@demo) */
  fitsDemoExpert: boolean;
  arabic: boolean;
}

type Slot = { status: NeedStatus; mission: MissionStatus | null };

const slots = (status: NeedStatus, missions: MissionStatus[], plain: number): Slot[] => [
  ...missions.map((mission) => ({ status, mission })),
  ...Array.from({ length: plain }, () => ({ status, mission: null })),
];

/** Needs of the demo staff account's institution: a full picture of what an institution sees. */
const DEMO_INSTITUTION_SLOTS: readonly (Slot & { demoExpertMission?: boolean; fitsDemoExpert?: boolean })[] = [
  { status: 'published', mission: 'accepted', demoExpertMission: true, fitsDemoExpert: true },
  { status: 'published', mission: null, fitsDemoExpert: true },
  { status: 'published', mission: 'proposed' },
  { status: 'published', mission: null },
  // Evaluated by another expert: every mission has its own expert, so the demo expert holds just the accepted one.
  { status: 'closed', mission: 'evaluated', fitsDemoExpert: true },
  { status: 'draft', mission: null },
  { status: 'submitted', mission: null },
];

/** Every other need. Together with the demo institution's: 8 draft, 8 submitted, 40 published, 10 filled, 8 closed, 6 cancelled. */
const OTHER_SLOTS: readonly Slot[] = [
  ...slots('draft', [], 7),
  ...slots('submitted', [], 7),
  ...slots('published', ['proposed', 'proposed', 'accepted', 'accepted', 'approved', 'approved', 'approved', 'briefed', 'briefed', 'declined', 'rejected', 'cancelled'], 24),
  ...slots('filled', ['in_progress', 'in_progress', 'in_progress', 'completed', 'completed', 'completed', 'reported', 'reported', 'reported', 'evaluated'], 0),
  ...slots('closed', ['evaluated', 'evaluated', 'followed_up', 'followed_up', 'cancelled'], 2),
  ...slots('cancelled', [], 6),
];

const WATER_OR_FARMING = ['water_environment', 'agriculture'];

export function planNeeds(ctx: Ctx, institutions: readonly InstitutionInfo[]): NeedSpec[] {
  const { rng } = ctx;
  const verified = institutions.filter((i) => i.status === 'verified');
  const demoInstitution = verified.find((i) => i.isDemoStaff);
  if (!demoInstitution) throw new Error('demo: the demo staff institution must be verified');
  const specs: NeedSpec[] = DEMO_INSTITUTION_SLOTS.map((s) => ({
    status: s.status, mission: s.mission, institution: demoInstitution, demoExpertMission: s.demoExpertMission ?? false,
    fitsDemoExpert: s.fitsDemoExpert ?? false, arabic: false,
  }));
  // Deal the other needs round-robin over a shuffled list of institutions: every one gets two or three.
  const others = rng.shuffle(verified.filter((i) => !i.isDemoStaff));
  rng.shuffle(OTHER_SLOTS).forEach((slot, i) => {
    specs.push({
      ...slot, institution: others[i % others.length] as InstitutionInfo, demoExpertMission: false,
      fitsDemoExpert: false, arabic: false,
    });
  });
  // Two more published needs elsewhere aimed at the demo expert (water or irrigation).
  const aimed = specs.filter((s) => s.status === 'published' && !s.mission && !s.institution.isDemoStaff && !s.institution.focus &&
    s.institution.sectors.some((sector) => WATER_OR_FARMING.includes(sector)));
  for (const spec of aimed.slice(0, 2)) spec.fitsDemoExpert = true;
  // About 15 % of the needs are written in Arabic (never the ones that the demo walkthrough relies on).
  const candidates = specs.filter((s) => !s.fitsDemoExpert && !s.demoExpertMission);
  for (const spec of rng.sample(candidates, Math.round(specs.length * 0.15))) spec.arabic = true;
  return specs;
}
