/** A handful of notifications waiting for the four demo accounts, pointing at real demo records. */
import type { Ctx } from './context.js';
import type { InstitutionInfo } from './generate-institutions.js';
import type { MissionInfo } from './generate-missions.js';
import type { NeedInfo } from './generate-needs.js';
import type { CandidacyRow, JsonObject, NotificationRow } from './types.js';
import { addDays, at } from './util.js';

export interface NotificationInput {
  expertUserId: string | undefined;
  staffUserId: string | undefined;
  officerUserId: string | undefined;
  adminUserId: string | undefined;
  needs: readonly NeedInfo[];
  missions: readonly MissionInfo[];
  institutions: readonly InstitutionInfo[];
  candidacies: readonly CandidacyRow[];
}

export function generateNotifications(ctx: Ctx, input: NotificationInput): NotificationRow[] {
  const { rng, today } = ctx;
  const out: NotificationRow[] = [];
  const push = (userId: string | undefined, kind: string, params: JsonObject, link: string, daysAgo: number, read: boolean) => {
    if (!userId) return;
    const createdAt = at(addDays(today, -daysAgo), rng.int(8, 19), rng.int(0, 59));
    out.push({ id: rng.uuid(), userId, kind, params, link, readAt: read ? addDays(createdAt, 0.1) : null, createdAt });
  };
  const needById = new Map(input.needs.map((n) => [n.id, n]));
  const demoMissions = input.missions.filter((m) => m.expert.isDemoAccount);
  const staffInstitution = input.institutions.find((i) => i.isDemoStaff);
  const staffNeeds = input.needs.filter((n) => n.institution.isDemoStaff);

  // The demo expert: the mission they accepted, the evaluation of the past one, a need that fits them.
  for (const m of demoMissions) {
    const need = needById.get(m.needId);
    if (!need) continue;
    if (m.status === 'evaluated') push(input.expertUserId, 'mission.evaluated', { missionTitle: need.title, institution: need.institution.name }, `/missions/${m.id}`, 40, true);
    else push(input.expertUserId, 'mission.proposed', { missionTitle: need.title, institution: need.institution.name }, `/missions/${m.id}`, 6, true);
  }
  const fitting = input.needs.find((n) => n.status === 'published' && n.spec.fitsDemoExpert && !n.spec.demoExpertMission && !n.institution.isDemoStaff);
  if (fitting) push(input.expertUserId, 'need.recommended', { needTitle: fitting.title, institution: fitting.institution.name }, `/needs/${fitting.id}`, 1, false);

  // The demo staff: new applications, the accepted mission, a pending join request.
  const received = input.candidacies.filter((c) => staffNeeds.some((n) => n.id === c.needId) && c.status === 'applied').slice(0, 2);
  for (const c of received) {
    const need = needById.get(c.needId);
    if (need) push(input.staffUserId, 'candidacy.received', { needTitle: need.title }, `/needs/${need.id}`, 2, false);
  }
  const accepted = demoMissions.find((m) => m.status === 'accepted');
  const acceptedNeed = accepted ? needById.get(accepted.needId) : undefined;
  if (accepted && acceptedNeed) push(input.staffUserId, 'mission.accepted', { missionTitle: acceptedNeed.title }, `/missions/${accepted.id}`, 3, true);
  if (staffInstitution) push(input.staffUserId, 'member.join_requested', { institution: staffInstitution.name }, `/institutions/${staffInstitution.id}`, 1, false);

  // The officer: needs to review, a mission awaiting approval, an institution to verify.
  for (const need of input.needs.filter((n) => n.status === 'submitted').slice(0, 3)) {
    push(input.officerUserId, 'need.submitted', { needTitle: need.title, institution: need.institution.name }, `/needs/${need.id}`, rng.int(1, 5), false);
  }
  if (accepted && acceptedNeed) push(input.officerUserId, 'mission.awaiting_approval', { missionTitle: acceptedNeed.title }, `/missions/${accepted.id}`, 3, false);
  const pending = input.institutions.filter((i) => i.status === 'pending');
  for (const inst of pending.slice(0, 2)) {
    push(input.officerUserId, 'institution.pending', { institution: inst.name }, `/institutions/${inst.id}`, rng.int(1, 10), false);
  }
  // The admin: institutions awaiting verification too.
  if (pending[0]) push(input.adminUserId, 'institution.pending', { institution: pending[0].name }, `/institutions/${pending[0].id}`, 4, true);
  return out;
}
