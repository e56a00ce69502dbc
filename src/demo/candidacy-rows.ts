/** Building one candidacy (row + its events) along a path of statuses, with ordered times in a given span. */
import { createHash } from 'node:crypto';
import type { CandidacyStatus } from '../generated/prisma/client.js';
import type { Ctx } from './context.js';
import type { ExpertInfo } from './generate-experts.js';
import type { NeedInfo } from './generate-needs.js';
import type { CandidacyEventRow, CandidacyRow } from './types.js';
import { DAY_MS, frList, frOf, lowerFirst } from './util.js';

/** n increasing instants strictly inside (from, to). */
export function spreadTimes(ctx: Ctx, from: Date, to: Date, n: number): Date[] {
  const span = to.getTime() - from.getTime();
  const times = Array.from({ length: n }, () => from.getTime() + Math.max(60_000, Math.floor(ctx.rng.next() * span)));
  return times.sort((a, b) => a - b).map((t, i) => new Date(Math.min(t + i * 60_000, to.getTime() - (n - i) * 60_000)));
}

/** The transitions that lead to a candidacy status, starting with how it was created. */
export function candidacyPath(ctx: Ctx, status: CandidacyStatus): CandidacyStatus[] {
  const origin: CandidacyStatus = status === 'invited' || (status !== 'applied' && ctx.rng.chance(0.3)) ? 'invited' : 'applied';
  switch (status) {
    case 'applied':
    case 'invited': return [status];
    case 'shortlisted': return [origin, 'shortlisted'];
    case 'interviewed': return [origin, 'shortlisted', 'interviewed'];
    case 'selected': return [origin, 'shortlisted', 'interviewed', 'selected'];
    case 'not_selected': return ctx.rng.chance(0.5) ? [origin, 'shortlisted', 'not_selected'] : [origin, 'not_selected'];
    case 'withdrawn': return ctx.rng.chance(0.4) ? [origin, 'shortlisted', 'withdrawn'] : [origin, 'withdrawn'];
  }
}

function motivation(ctx: Ctx, need: NeedInfo, expert: ExpertInfo): string {
  const shared = need.skills.filter((s) => expert.skills.has(s.skillId)).map((s) => lowerFirst(ctx.skills.id(s.skillId).fr));
  const skills = frList(shared.slice(0, 2)) || lowerFirst(ctx.skills.id(need.skills[0]?.skillId ?? 0).fr);
  const options = [
    `Je pratique ${skills} au quotidien et j'ai déjà accompagné des projets comparables. Je serais ravi·e de mettre cette expérience au service ${frOf(need.institution.name)}.`,
    `Ce besoin rejoint exactement mon domaine d'expertise (${skills}). Je suis disponible sur la période indiquée et prêt·e à préparer la mission à distance.`,
    `Mes compétences en ${skills} correspondent aux attentes décrites ; je propose une démarche en deux temps : diagnostic puis ateliers avec les équipes.`,
  ];
  if (expert.originRegion === need.region) {
    options.push(`Originaire de la région, je souhaite contribuer à ce projet ; mon expérience en ${skills} correspond aux attentes décrites.`);
  }
  return ctx.rng.pick(options);
}

const REASONS: Partial<Record<CandidacyStatus, readonly string[]>> = {
  not_selected: ['profile_mismatch', 'availability', 'other_candidate'],
  withdrawn: ['no_longer_available'],
};

/**
 * A candidacy of `expert` for `need` that went through `path` between `from` and `to`.
 * `staffId` acts for the institution; the expert acts for applications and withdrawals.
 */
export function buildCandidacy(
  ctx: Ctx, need: NeedInfo, expert: ExpertInfo, decisions: CandidacyStatus[], from: Date, to: Date, staffId: string,
): { candidacy: CandidacyRow; events: CandidacyEventRow[] } {
  const { rng, today } = ctx;
  const { path, times } = withAcceptance(decisions, spreadTimes(ctx, from, to, decisions.length));
  const id = rng.uuid();
  const status = path[path.length - 1] as CandidacyStatus;
  const events: CandidacyEventRow[] = path.map((toStatus, i) => {
    const byExpert = toStatus === 'applied' || toStatus === 'withdrawn';
    // The acceptance inserted by withAcceptance takes no draw (see there): its id derives from the candidacy's.
    const accepted = i === 1 && toStatus === 'applied';
    return {
      id: accepted ? derivedUuid(id, 'accepted') : rng.uuid(), candidacyId: id, actorId: byExpert ? expert.userId : staffId,
      fromStatus: i === 0 ? null : (path[i - 1] as CandidacyStatus), toStatus,
      note: toStatus === 'not_selected' ? 'Merci pour votre candidature ; un autre profil a été retenu pour cette mission.'
        : toStatus === 'withdrawn' ? "Je ne suis plus disponible sur la période de la mission." : null,
      createdAt: times[i] as Date,
    };
  });
  const createdAt = times[0] as Date;
  const firstStaffAnswer = events.find((e, i) => i > 0 && e.actorId === staffId)?.createdAt ?? null;
  const unanswered = status === 'applied' ? Math.floor((today.getTime() - createdAt.getTime()) / DAY_MS) : 0;
  const reasons = REASONS[status];
  return {
    events,
    candidacy: {
      id, needId: need.id, expertId: expert.id, status,
      motivation: path[0] === 'applied' ? motivation(ctx, need, expert) : null,
      reason: reasons ? (status === 'not_selected' && need.status === 'filled' ? 'other_candidate' : rng.pick(reasons)) : null,
      respondedAt: path[0] === 'invited' ? createdAt : firstStaffAnswer,
      remindedAt: unanswered >= 10 ? new Date(createdAt.getTime() + 7 * DAY_MS) : null,
      alertedAt: unanswered >= 17 ? new Date(createdAt.getTime() + 14 * DAY_MS) : null,
      version: path.length - 1, createdAt,
    },
  };
}

/** A stable UUID (version 4 layout) derived from another one, for rows that must not consume a random draw. */
function derivedUuid(from: string, salt: string): string {
  const h = createHash('sha256').update(`${from}:${salt}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * An invitation is shortlisted only once the expert accepted it (invited → applied): the acceptance is placed halfway
 * between the invitation and the institution's next step, without a random draw of its own, so the rest of the
 * generated data stays as it was.
 */
function withAcceptance(decisions: CandidacyStatus[], times: Date[]): { path: CandidacyStatus[]; times: Date[] } {
  if (decisions[0] !== 'invited' || decisions[1] !== 'shortlisted') return { path: decisions, times };
  const accepted = new Date((times[0]!.getTime() + times[1]!.getTime()) / 2);
  return { path: ['invited', 'applied', ...decisions.slice(1)], times: [times[0]!, accepted, ...times.slice(1)] };
}
