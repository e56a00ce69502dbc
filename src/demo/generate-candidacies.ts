/**
 * Candidacies beyond the selected ones behind missions: experts who share a required skill with a published or
 * filled need, in every status of the candidacy lifecycle (about 120 candidacies in all, with the missions').
 */
import type { CandidacyStatus } from '../generated/prisma/client.js';
import { buildCandidacy, candidacyPath } from './candidacy-rows.js';
import type { Ctx } from './context.js';
import type { ExpertInfo } from './generate-experts.js';
import type { NeedInfo } from './generate-needs.js';
import type { CandidacyEventRow, CandidacyRow } from './types.js';
import { addDays } from './util.js';

export const CANDIDACY_TARGET = 120;

const OPEN_WEIGHTS: Readonly<Record<Exclude<CandidacyStatus, 'selected'>, number>> = {
  applied: 30, invited: 12, shortlisted: 15, interviewed: 8, not_selected: 15, withdrawn: 8,
};
const FILLED_WEIGHTS = { not_selected: 7, withdrawn: 3 } as const;

export function generateCandidacies(
  ctx: Ctx, needs: readonly NeedInfo[], experts: readonly ExpertInfo[], existing: readonly CandidacyRow[],
): { candidacies: CandidacyRow[]; candidacyEvents: CandidacyEventRow[] } {
  const { rng, today } = ctx;
  const taken = new Set(existing.map((c) => `${c.needId}/${c.expertId}`));
  const candidacies: CandidacyRow[] = [];
  const candidacyEvents: CandidacyEventRow[] = [];
  const bySkill = new Map<number, ExpertInfo[]>();
  for (const e of experts) for (const skillId of e.skills.keys()) bySkill.set(skillId, [...(bySkill.get(skillId) ?? []), e]);

  const add = (need: NeedInfo, expert: ExpertInfo, status: CandidacyStatus) => {
    if (!need.publishedAt) return;
    taken.add(`${need.id}/${expert.id}`);
    // Open needs: candidacies until yesterday; filled ones: before the need was filled.
    const end = need.status === 'published' ? addDays(today, -0.05) : (need.closedAt ?? today);
    const built = buildCandidacy(ctx, need, expert, candidacyPath(ctx, status), need.publishedAt, end, rng.pick(need.institution.staffUserIds));
    candidacies.push(built.candidacy);
    candidacyEvents.push(...built.events);
  };

  // The demo expert has applied to one need that fits their profile (their own application shows on /me).
  const demo = experts.find((e) => e.isDemoAccount);
  const aimed = needs.find((n) => n.status === 'published' && n.spec.fitsDemoExpert && !n.spec.demoExpertMission);
  if (demo && aimed) add(aimed, demo, 'applied');

  const open = rng.shuffle(needs.filter((n) => n.status === 'published' || n.status === 'filled'));
  const remaining = () => CANDIDACY_TARGET - existing.length - candidacies.length;
  for (let round = 0; round < 3 && remaining() > 0; round++) {
    for (const need of open) {
      if (remaining() <= 0) break;
      const wanted = round === 0 ? rng.int(1, need.status === 'published' ? 2 : 1) : rng.int(0, 1);
      const required = need.skills.filter((s) => s.requirement === 'required');
      const pool = [...new Set(required.flatMap((s) => bySkill.get(s.skillId) ?? []))]
        .filter((e) => !taken.has(`${need.id}/${e.id}`) && !e.isDemoAccount)
        .sort((a, b) => (a.id < b.id ? -1 : 1));
      for (const expert of rng.sample(pool, Math.min(wanted, remaining()))) {
        const status: CandidacyStatus = need.status === 'filled' ? rng.weightedKey(FILLED_WEIGHTS) : rng.weightedKey(OPEN_WEIGHTS);
        add(need, expert, status);
      }
    }
  }
  return { candidacies, candidacyEvents };
}
