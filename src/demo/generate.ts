/**
 * The demo data of Jisr, generated: a pure function of `today` and the skill ids of the database. No I/O; the
 * same options give the same rows (fixed seed; ids drawn from the seeded generator so that relations are wired
 * before anything is inserted). Every person, institution record, need and project it makes is fictitious.
 */
import { DEMO_EMAIL } from './accounts.js';
import { backdateUsers } from './backdate-users.js';
import { createCtx } from './context.js';
import { generateCandidacies } from './generate-candidacies.js';
import { generateExperts } from './generate-experts.js';
import { generateInstitutions, generateProgrammeAccounts } from './generate-institutions.js';
import { generateMissions } from './generate-missions.js';
import { generateNeeds } from './generate-needs.js';
import { generateNotifications } from './generate-notifications.js';
import { planNeeds } from './need-plan.js';
import { generatePerDiemRates } from './per-diem.js';
import { Rng } from './random.js';
import type { DemoData, GenerateOptions } from './types.js';
import { dayOf } from './util.js';

export type { DemoData, GenerateOptions, SkillRef } from './types.js';
export { PLACEHOLDER_PASSWORD_HASH } from './types.js';

/** 'Jisr' in ASCII: the fixed seed of the demo data. */
export const DEMO_SEED = 0x4a697372;

export function generateDemoData(options: GenerateOptions): DemoData {
  const today = dayOf(options.today);
  const ctx = createCtx(new Rng(DEMO_SEED), today, options.skills);

  const programme = generateProgrammeAccounts(ctx);
  const experts = generateExperts(ctx);
  const institutions = generateInstitutions(ctx);
  const needs = generateNeeds(ctx, planNeeds(ctx, institutions.institutions), programme.officerIds);
  const perDiemRates = generatePerDiemRates(ctx);
  const missions = generateMissions(ctx, needs.needs, experts.experts, experts.rows, perDiemRates, { officerIds: programme.officerIds });
  const more = generateCandidacies(ctx, needs.needs, experts.experts, missions.rows.candidacies);

  const users = [...programme.users, ...experts.rows.users, ...institutions.rows.users];
  const userId = (email: string) => users.find((u) => u.email === email)?.id;
  const candidacies = [...missions.rows.candidacies, ...more.candidacies];
  const notifications = generateNotifications(ctx, {
    expertUserId: userId(DEMO_EMAIL.expert), staffUserId: userId(DEMO_EMAIL.staff),
    officerUserId: userId(DEMO_EMAIL.officer), adminUserId: userId(DEMO_EMAIL.admin),
    needs: needs.needs, missions: missions.missions, institutions: institutions.institutions, candidacies,
  });

  const data: DemoData = {
    users,
    consents: experts.rows.consents,
    expertProfiles: experts.rows.expertProfiles,
    expertDegrees: experts.rows.expertDegrees,
    expertSkills: experts.rows.expertSkills,
    expertLanguages: experts.rows.expertLanguages,
    availabilities: experts.rows.availabilities,
    institutions: institutions.rows.institutions,
    institutionMembers: institutions.rows.institutionMembers,
    needs: needs.rows.needs,
    needSkills: needs.rows.needSkills,
    needLanguages: needs.rows.needLanguages,
    needEvents: needs.rows.needEvents,
    candidacies,
    candidacyEvents: [...missions.rows.candidacyEvents, ...more.candidacyEvents],
    perDiemRates,
    missions: missions.rows.missions,
    missionEvents: missions.rows.missionEvents,
    missionReports: missions.rows.missionReports,
    notifications,
  };
  backdateUsers(ctx.rng, data);
  return data;
}
