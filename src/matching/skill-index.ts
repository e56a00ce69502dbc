/**
 * An in-memory inverted index skill → experts, by level, so that a ranking only looks at experts who can pass the
 * skill filter: those who hold every required skill, or a neighbour of it (its broader or a narrower skill), at no
 * less than one level below the minimum (for a need without required skills: any of its skills or neighbours).
 * `candidatesFor` scans the postings of the rarest required skill and checks the others on each candidate's
 * packed skills, so its cost follows those postings and the candidates, never the whole population. With whole
 * profiles indexed, `boundedCandidates` also drops candidates whose summary fails a hard filter and bounds the
 * score of the others (see profile-summary.ts and top-experts.ts). Kept fresh by `upsert` and `remove`.
 */
import type { PreparedNeed } from './prepare.js';
import { PackedPool } from './packed-pool.js';
import { ProfileColumns, type NeedKey } from './profile-summary.js';
import { neighbourhood } from './skill-graph.js';
import type { ExpertSkillHeld, MatchNeed, NeedSkillReq, RankContext, SkillGraph } from './types.js';

export interface IndexedExpert {
  id: string;
  skills: readonly ExpertSkillHeld[];
}

const LEVELS = 4;
const clampLevel = (level: number) => Math.min(LEVELS, Math.max(1, Math.round(level)));
const grown = (old: Uint32Array<ArrayBuffer>, size: number): Uint32Array<ArrayBuffer> => {
  const next = new Uint32Array(Math.max(size, old.length * 2, 1024));
  next.set(old);
  return next;
};

class Posting {
  data = new Int32Array(8);
  length = 0;
  add(slot: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = slot;
  }
  delete(slot: number): void {
    for (let i = 0; i < this.length; i++) if (this.data[i] === slot) return void (this.data[i] = this.data[--this.length]!);
  }
}

export class SkillIndex<E extends IndexedExpert = IndexedExpert> {
  private readonly slots: (E | undefined)[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly free: number[] = [];
  /** postings[skillId][level - 1] */
  private readonly postings: Posting[][] = [];
  /** Each slot's skills packed as skillId * 8 + level. */
  private readonly packed = new PackedPool();
  private mark = new Uint32Array(0);
  private out = new Int32Array(0);
  /** profilePoints of out[i], filled by the scan when it has a key. */
  private points = new Float64Array(0);
  private gen = 0;
  /** Broader skill by skill id (-1 none, -2 not looked up yet), for the packed-skill checks. */
  private parent = new Int32Array(0);
  private readonly profiles = new ProfileColumns();

  constructor(private readonly graph: SkillGraph) {}

  get size(): number {
    return this.slotOf.size;
  }

  get(expertId: string): E | undefined {
    const slot = this.slotOf.get(expertId);
    return slot === undefined ? undefined : this.slots[slot];
  }

  /** Adds an expert or replaces what the index knows of them. */
  upsert(expert: E): void {
    let slot = this.slotOf.get(expert.id);
    if (slot !== undefined) this.unpost(slot);
    else {
      slot = this.free.pop() ?? this.slots.length;
      this.slotOf.set(expert.id, slot);
      if (slot >= this.mark.length) this.mark = grown(this.mark, slot + 1);
    }
    this.slots[slot] = expert;
    for (const s of expert.skills) {
      this.parentOf(s.skillId);
      (this.postings[s.skillId] ??= Array.from({ length: LEVELS }, () => new Posting()))[clampLevel(s.level) - 1]!.add(slot);
    }
    this.packed.set(slot, expert.skills.map((s) => s.skillId * 8 + clampLevel(s.level)));
    this.profiles.set(slot, expert);
  }

  /** Forgets an expert (profile erased, hidden or withdrawn); false when unknown. */
  remove(expertId: string): boolean {
    const slot = this.slotOf.get(expertId);
    if (slot === undefined) return false;
    this.unpost(slot);
    this.packed.clear(slot);
    this.profiles.clear(slot);
    this.slots[slot] = undefined;
    this.slotOf.delete(expertId);
    this.free.push(slot);
    return true;
  }

  /** The experts who pass the skill filter of the need (see the header). */
  candidatesFor(need: Pick<MatchNeed, 'skills'>): E[] {
    return Array.from(this.candidateSlots(need.skills), (slot) => this.slots[slot]!);
  }

  candidateIdsFor(need: Pick<MatchNeed, 'skills'>): string[] {
    return Array.from(this.candidateSlots(need.skills), (slot) => this.slots[slot]!.id);
  }

  /** The expert of a slot returned by boundedCandidates. */
  at(slot: number): E {
    return this.slots[slot]!;
  }

  /**
   * The candidates (as slots) that may pass every hard filter as far as the index can tell, each with its
   * weighted skill credit (Σ factor × best credit over the need's skills: the skill part of the score before
   * scaling) and the most the parts read from the profile alone can add (profile-summary.ts).
   */
  boundedCandidates(pn: PreparedNeed, ctx: RankContext): { slots: Int32Array; credit: Float64Array; profilePoints: Float64Array } {
    const key = this.profiles.keyFor(pn, ctx);
    const slots = this.candidateSlots(pn.need.skills, key);
    const credit = new Float64Array(slots.length);
    const profilePoints = this.points.slice(0, slots.length);
    // Which need skills a held skill counts for, and with what factor (itself 1, broader, narrower).
    const { broaderCredit, narrowerCredit } = ctx.weights;
    const rel: { i: number; factor: number; minLevel: number }[][] = [];
    pn.skills.forEach((s, i) => {
      (rel[s.skillId] ??= []).push({ i, factor: 1, minLevel: s.minLevel });
      if (s.broader >= 0) (rel[s.broader] ??= []).push({ i, factor: broaderCredit, minLevel: s.minLevel });
      for (const n of this.graph.narrowerOf(s.skillId)) (rel[n] ??= []).push({ i, factor: narrowerCredit, minLevel: s.minLevel });
    });
    const best = new Float64Array(pn.skills.length);
    const { data, start, length } = this.packed;
    for (let c = 0; c < slots.length; c++) {
      const slot = slots[c]!;
      best.fill(0);
      for (let k = start[slot]!, end = k + length[slot]!; k < end; k++) {
        const entries = rel[data[k]! >> 3];
        if (entries === undefined) continue;
        for (const e of entries) best[e.i] = Math.max(best[e.i]!, e.factor * Math.min(1, (data[k]! & 7) / e.minLevel));
      }
      let sum = 0;
      for (let i = 0; i < best.length; i++) sum += pn.skills[i]!.factor * best[i]!;
      credit[c] = sum;
    }
    return { slots, credit, profilePoints };
  }

  /** The broader skill of a skill (-1 for none), from a cache filled from the graph. */
  private parentOf(skillId: number): number {
    if (skillId >= this.parent.length) {
      const next = new Int32Array(Math.max(skillId + 1, this.parent.length * 2, 64)).fill(-2);
      next.set(this.parent);
      this.parent = next;
    }
    if (this.parent[skillId] === -2) this.parent[skillId] = this.graph.broaderOf(skillId) ?? -1;
    return this.parent[skillId]!;
  }

  private lists(skillId: number, threshold: number): { lists: Posting[]; total: number } {
    const lists: Posting[] = [];
    let total = 0;
    for (const id of neighbourhood(this.graph, skillId)) {
      for (let level = threshold; level <= LEVELS; level++) {
        const p = this.postings[id]?.[level - 1];
        if (p?.length) {
          lists.push(p);
          total += p.length;
        }
      }
    }
    return { lists, total };
  }

  /**
   * Slots that pass the skill filter: the postings of the rarest required skill (or, with none required, of every
   * skill), the other required skills checked on the packed skills, then (with a key) the profile summary.
   */
  private candidateSlots(skills: readonly NeedSkillReq[], key?: NeedKey): Int32Array {
    const required = skills.filter((s) => s.requirement === 'required').map((s) => ({
      skillId: s.skillId, broader: this.parentOf(s.skillId), threshold: Math.max(1, s.minLevel - 1),
      ...this.lists(s.skillId, Math.max(1, s.minLevel - 1)),
    }));
    required.sort((a, b) => a.total - b.total);
    const scanned = required.length ? required.slice(0, 1) : skills.map((s) => this.lists(s.skillId, 1));
    const others = required.slice(1);
    const gen = this.gen === 0xffffffff ? (this.mark.fill(0), (this.gen = 1)) : ++this.gen;
    const { mark, parent } = this;
    const { data: pool, start, length: skillCount } = this.packed;
    if (this.out.length < this.slots.length) {
      this.out = new Int32Array(this.mark.length);
      this.points = new Float64Array(this.mark.length);
    }
    const out = this.out;
    let n = 0;
    for (const { lists } of scanned) for (const p of lists) for (let i = 0; i < p.length; i++) {
      const slot = p.data[i]!;
      if (mark[slot] === gen) continue;
      mark[slot] = gen;
      // The summary first: it rejects most, and reads one record.
      let ok = !key || this.profiles.mayPass(slot, key);
      for (let r = 0; ok && r < others.length; r++) {
        const { skillId, broader, threshold } = others[r]!;
        let level = 0;
        for (let k = start[slot]!, end = k + skillCount[slot]!; k < end; k++) {
          const id = pool[k]! >> 3;
          if (id === skillId || id === broader || parent[id] === skillId) level = Math.max(level, pool[k]! & 7);
        }
        ok = level >= threshold;
      }
      if (!ok) continue;
      if (key) this.points[n] = this.profiles.profilePoints(slot, key, true);
      out[n++] = slot;
    }
    return out.slice(0, n);
  }

  private unpost(slot: number): void {
    const { data, start, length } = this.packed;
    for (let k = start[slot]!, end = k + length[slot]!; k < end; k++) this.postings[data[k]! >> 3]?.[(data[k]! & 7) - 1]!.delete(slot);
  }
}
