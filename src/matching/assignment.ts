/**
 * A matching round: every open need at once, each wanting `capacity` experts, each expert taking at most one
 * mission in the round (so never two overlapping missions). Only pairs that passed the hard filters are offered
 * (the caller builds them from rankings). `optimalAssignment` maximises the total score with the Hungarian
 * algorithm (the `munkres` library) on needs replicated by capacity × experts, one connected component of the
 * pair graph at a time; `greedyAssignment` (best pair first) is the baseline it never falls below. Needs and
 * experts are numbered first, so that the work is on integers and typed rows.
 */
import { munkres } from 'munkres';

export interface ScoredPair {
  needId: string;
  expertId: string;
  /** 0–100, one decimal (a match's score). */
  score: number;
}

export interface RoundAssignment extends ScoredPair {
  /** 0-based seat of the need this expert fills. */
  seat: number;
}

export interface RoundResult {
  assignments: RoundAssignment[];
  /** Sum of the assigned scores, one decimal. */
  total: number;
  /** Needs left with empty seats, and how many. */
  unfilled: { needId: string; missing: number }[];
}

export type Capacity = ReadonlyMap<string, number> | ((needId: string) => number);

const tenths = (score: number) => Math.round(score * 10);
const capOf = (capacity: Capacity, needId: string) => Math.max(0, Math.floor(typeof capacity === 'function' ? capacity(needId) : (capacity.get(needId) ?? 1)));

function result(assignments: RoundAssignment[], pairs: readonly ScoredPair[], capacity: Capacity): RoundResult {
  const filled = new Map<string, number>();
  let total = 0;
  for (const a of assignments) {
    filled.set(a.needId, (filled.get(a.needId) ?? 0) + 1);
    total += tenths(a.score);
  }
  const unfilled: RoundResult['unfilled'] = [];
  for (const needId of new Set(pairs.map((p) => p.needId))) {
    const missing = capOf(capacity, needId) - (filled.get(needId) ?? 0);
    if (missing > 0) unfilled.push({ needId, missing });
  }
  assignments.sort((a, b) => (a.needId < b.needId ? -1 : a.needId > b.needId ? 1 : a.seat - b.seat));
  return { assignments, total: total / 10, unfilled };
}

/** Best pair first (ties in the order of the pairs), while the need has a free seat and the expert is free. */
export function greedyAssignment(pairs: readonly ScoredPair[], capacity: Capacity): RoundResult {
  const p = intern(pairs);
  const order = Array.from(p.score.keys()).sort((a, b) => p.score[b]! - p.score[a]! || a - b);
  const used = new Uint8Array(p.experts.length);
  const seats = new Int32Array(p.needs.length);
  const caps = p.needs.map((id) => capOf(capacity, id));
  const out: RoundAssignment[] = [];
  for (const k of order) {
    const n = p.need[k]!;
    const e = p.expert[k]!;
    if (used[e] || seats[n]! >= caps[n]!) continue;
    used[e] = 1;
    out.push({ needId: p.needs[n]!, expertId: p.experts[e]!, score: p.score[k]! / 10, seat: seats[n]!++ });
  }
  return result(out, pairs, capacity);
}

/** The pairs with needs and experts numbered (ints), the best score kept for a repeated pair. */
function intern(pairs: readonly ScoredPair[]) {
  const needIds = new Map<string, number>();
  const expertIds = new Map<string, number>();
  const best = new Map<number, number>();
  const need: number[] = [];
  const expert: number[] = [];
  const score: number[] = [];
  for (const p of pairs) {
    let n = needIds.get(p.needId);
    if (n === undefined) needIds.set(p.needId, (n = needIds.size));
    let e = expertIds.get(p.expertId);
    if (e === undefined) expertIds.set(p.expertId, (e = expertIds.size));
    const key = n * 0x200000 + e;
    const at = best.get(key);
    if (at === undefined) {
      best.set(key, score.length);
      need.push(n);
      expert.push(e);
      score.push(tenths(p.score));
    } else score[at] = Math.max(score[at]!, tenths(p.score));
  }
  return { needs: [...needIds.keys()], experts: [...expertIds.keys()], need, expert, score };
}

/** Pair indexes grouped by connected component of the graph needs–experts (union–find). */
function components(needCount: number, expertCount: number, need: number[], expert: number[]): number[][] {
  const parent = Int32Array.from({ length: needCount + expertCount }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (let k = 0; k < need.length; k++) {
    const a = find(need[k]!);
    const b = find(needCount + expert[k]!);
    if (a !== b) parent[a] = b;
  }
  const groups = new Map<number, number[]>();
  for (let k = 0; k < need.length; k++) {
    const root = find(need[k]!);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = []));
    g.push(k);
  }
  return [...groups.values()];
}

/**
 * The assignment that maximises the total score (each expert once, each need up to its capacity): the Hungarian
 * algorithm on each connected component, rows are the needs' seats (never more than a need has experts to choose
 * from), columns the experts. cost = BIG - score for an allowed pair, BIG for a forbidden one: every full
 * assignment pays BIG per row or column assigned, so the least cost is the best total of allowed pairs.
 */
export function optimalAssignment(pairs: readonly ScoredPair[], capacity: Capacity): RoundResult {
  const p = intern(pairs);
  const BIG = 1001;
  const out: RoundAssignment[] = [];
  for (const group of components(p.needs.length, p.experts.length, p.need, p.expert)) {
    const cols = new Map<number, number>();
    const perNeed = new Map<number, number[]>();
    for (const k of group) {
      if (!cols.has(p.expert[k]!)) cols.set(p.expert[k]!, cols.size);
      let list = perNeed.get(p.need[k]!);
      if (!list) perNeed.set(p.need[k]!, (list = []));
      list.push(k);
    }
    const colExpert = [...cols.keys()];
    const seats: { need: number; row: Float64Array; pairs: number[] }[] = [];
    for (const [n, list] of perNeed) {
      const row = new Float64Array(cols.size).fill(BIG);
      for (const k of list) row[cols.get(p.expert[k]!)!] = BIG - p.score[k]!;
      const count = Math.min(capOf(capacity, p.needs[n]!), list.length);
      for (let seat = 0; seat < count; seat++) seats.push({ need: n, row, pairs: list });
    }
    if (seats.length === 0) continue;
    const next = new Map<number, number>();
    const chosen = munkres(seats.map((s) => s.row))
      .map(([r, c]) => ({ seat: seats[r]!, e: colExpert[c]!, cost: seats[r]!.row[c]! }))
      .filter((x) => x.cost < BIG || x.seat.pairs.some((k) => p.expert[k] === x.e))
      .sort((a, b) => a.cost - b.cost);
    for (const { seat, e, cost } of chosen) {
      const n = seat.need;
      const number = next.get(n) ?? 0;
      next.set(n, number + 1);
      out.push({ needId: p.needs[n]!, expertId: p.experts[e]!, score: (BIG - cost) / 10, seat: number });
    }
  }
  return result(out, pairs, capacity);
}
