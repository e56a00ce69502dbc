/**
 * Last pass of the generator: every user must have registered before the first thing they did (applied,
 * created a need, acted on a mission, submitted a project…). Users whose registration came later are moved back
 * to a few days or weeks before their first action, with their consent, profile and membership.
 */
import type { Rng } from './random.js';
import type { DemoData } from './types.js';
import { addDays } from './util.js';

export function backdateUsers(rng: Rng, data: DemoData): void {
  const first = new Map<string, number>();
  const seen = (userId: string | null | undefined, at: Date) => {
    if (!userId) return;
    const t = at.getTime();
    if (t < (first.get(userId) ?? Infinity)) first.set(userId, t);
  };
  const userOfExpert = new Map(data.expertProfiles.map((p) => [p.id, p.userId]));
  for (const c of data.candidacies) seen(userOfExpert.get(c.expertId), c.createdAt);
  for (const e of data.candidacyEvents) seen(e.actorId, e.createdAt);
  for (const n of data.needs) seen(n.createdById, n.createdAt);
  for (const e of data.needEvents) seen(e.actorId, e.createdAt);
  for (const m of data.missions) seen(userOfExpert.get(m.expertId), m.createdAt);
  for (const e of data.missionEvents) seen(e.actorId, e.createdAt);
  for (const r of data.missionReports) if (r.evaluatedAt) seen(r.evaluatorId, r.evaluatedAt);

  // Staff cannot have joined before their institution existed.
  const institutionCreated = new Map(data.institutions.map((i) => [i.id, i.createdAt.getTime()]));
  const floor = new Map(data.institutionMembers.map((m) => [m.userId, institutionCreated.get(m.institutionId) ?? 0]));
  for (const user of data.users) {
    const firstAction = first.get(user.id);
    if (firstAction === undefined || user.createdAt.getTime() < firstAction) continue;
    const wanted = addDays(new Date(firstAction), -rng.int(5, 60)).getTime();
    const createdAt = new Date(Math.max(wanted, Math.min(floor.get(user.id) ?? 0, firstAction - 3_600_000)));
    const delta = createdAt.getTime() - user.createdAt.getTime();
    const shift = (d: Date) => new Date(d.getTime() + delta);
    user.createdAt = createdAt;
    if (user.emailVerifiedAt) user.emailVerifiedAt = shift(user.emailVerifiedAt);
    for (const c of data.consents) if (c.userId === user.id) c.givenAt = shift(c.givenAt);
    for (const p of data.expertProfiles) if (p.userId === user.id) p.createdAt = createdAt;
    for (const m of data.institutionMembers) if (m.userId === user.id && m.createdAt > createdAt) m.createdAt = createdAt;
  }
}
