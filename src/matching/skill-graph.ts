/**
 * The skill taxonomy as a graph of neighbours: each skill has at most one broader skill, a broad skill has
 * narrower ones. Built once from the Skill rows ({ id, broaderId }) and shared by every ranking.
 */
import type { SkillGraph } from './types.js';

const EMPTY: readonly number[] = Object.freeze([]);

class ArraySkillGraph implements SkillGraph {
  constructor(
    private readonly parent: Int32Array,
    private readonly children: ReadonlyArray<readonly number[] | undefined>,
  ) {}

  broaderOf(skillId: number): number | undefined {
    const p = skillId >= 0 && skillId < this.parent.length ? this.parent[skillId]! : -1;
    return p >= 0 ? p : undefined;
  }

  narrowerOf(skillId: number): readonly number[] {
    return this.children[skillId] ?? EMPTY;
  }
}

/** A graph from skill rows; ids must be non-negative integers (Skill.id is). */
export function buildSkillGraph(skills: readonly { id: number; broaderId: number | null | undefined }[]): SkillGraph {
  let max = 0;
  for (const s of skills) {
    if (!Number.isInteger(s.id) || s.id < 0) throw new Error(`buildSkillGraph: bad skill id ${s.id}`);
    if (s.id > max) max = s.id;
  }
  const parent = new Int32Array(max + 1).fill(-1);
  const children: number[][] = [];
  for (const s of skills) {
    if (s.broaderId === null || s.broaderId === undefined || s.broaderId === s.id) continue;
    parent[s.id] = s.broaderId;
    (children[s.broaderId] ??= []).push(s.id);
  }
  for (const list of children) list?.sort((a, b) => a - b);
  return new ArraySkillGraph(parent, children);
}

/** A skill and its neighbours (its broader skill and its narrower skills), the skill first. */
export function neighbourhood(graph: SkillGraph, skillId: number): number[] {
  const out = [skillId];
  const broader = graph.broaderOf(skillId);
  if (broader !== undefined) out.push(broader);
  for (const n of graph.narrowerOf(skillId)) out.push(n);
  return out;
}
