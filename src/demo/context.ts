/** What every demo generator step shares: the seeded generator, `today`, the skill catalogue and e-mail numbering. */
import { SECTORS } from '../reference/data/sectors.js';
import { SKILLS } from '../reference/data/skills.js';
import { REGIONS } from '../reference/data/regions.js';
import { DEMO_EMAIL_DOMAIN } from './accounts.js';
import type { Rng } from './random.js';
import type { SkillRef } from './types.js';
import { asciiFold } from './util.js';

export interface CatalogSkill extends SkillRef {
  fr: string;
  ar: string;
}

export class SkillCatalog {
  readonly byCode = new Map<string, CatalogSkill>();
  readonly byId = new Map<number, CatalogSkill>();
  private readonly bySector = new Map<string, CatalogSkill[]>();

  constructor(skills: readonly SkillRef[]) {
    const labels = new Map(SKILLS.map((s) => [s.code, s]));
    // Only skills still shipped with the reference data (retired ones stay in the DB but are not offered).
    const sorted = [...skills].sort((a, b) => a.id - b.id);
    for (const s of sorted) {
      const def = labels.get(s.code);
      if (!def) continue;
      const skill: CatalogSkill = { ...s, fr: def.fr, ar: def.ar };
      this.byCode.set(s.code, skill);
      this.byId.set(s.id, skill);
      const list = this.bySector.get(s.sectorCode) ?? [];
      list.push(skill);
      this.bySector.set(s.sectorCode, list);
    }
  }

  sector(code: string): readonly CatalogSkill[] {
    return this.bySector.get(code) ?? [];
  }

  get sectors(): string[] {
    return [...this.bySector.keys()];
  }

  code(code: string): CatalogSkill {
    const skill = this.byCode.get(code);
    if (!skill) throw new Error(`demo: skill ${code} is not in the database`);
    return skill;
  }

  id(id: number): CatalogSkill {
    const skill = this.byId.get(id);
    if (!skill) throw new Error(`demo: skill #${id} is not in the catalogue`);
    return skill;
  }
}

export interface Ctx {
  rng: Rng;
  today: Date;
  skills: SkillCatalog;
  /** prenom.nom.N@demo.jisr.local, N unique across every generated user */
  email(first: string, last: string): string;
}

export function createCtx(rng: Rng, today: Date, skills: readonly SkillRef[]): Ctx {
  let n = 0;
  return {
    rng,
    today,
    skills: new SkillCatalog(skills),
    email(first, last) {
      n += 1;
      return `${asciiFold(first)}.${asciiFold(last)}.${n}@${DEMO_EMAIL_DOMAIN}`;
    },
  };
}

const SECTOR_BY_CODE = new Map(SECTORS.map((s) => [s.code, s]));
const REGION_BY_CODE = new Map(REGIONS.map((r) => [r.code, r]));

export function sectorFr(code: string): string {
  return SECTOR_BY_CODE.get(code)?.fr ?? code;
}

export function regionDef(code: string) {
  const region = REGION_BY_CODE.get(code);
  if (!region) throw new Error(`demo: unknown region ${code}`);
  return region;
}

export const REGION_CODES: readonly string[] = REGIONS.map((r) => r.code);
