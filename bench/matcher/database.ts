/**
 * The page's whole ranking path with its data access, on a real PostgreSQL: an embedded server in a temporary
 * folder, migrated, with the reference data, and the generated experts and needs bulk-loaded (multi-row inserts
 * from unnest'ed arrays). Per need: read the need, ask the in-memory index for the candidate ids, read those
 * candidates in one indexed query, score, sort.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { connectDatabase, MIGRATIONS_DIR } from '../../src/db/database.js';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.js';
import { migrate } from '../../src/db/migrate.js';
import { createLogger } from '../../src/lib/logger.js';
import { rankTopExpertsWithLoader } from '../../src/matching/top-experts.js';
import type { SkillIndex } from '../../src/matching/skill-index.js';
import type { MatchExpert, MatchNeed, RankContext, Ranking } from '../../src/matching/types.js';
import { SKILLS } from '../../src/reference/data/skills.js';
import { seedReference } from '../../src/reference/seed-reference.js';
import { loadAll } from './load.js';
import { ms, now, timeAsync } from './stats.js';
import { freePort } from '../../src/lib/free-port.js';

const DAY = 86_400_000;
const fromDays = (n: number) => new Date(n * DAY);


const NEED_SQL = `
  SELECT n.id, n."sectorCode", n."regionCode", n.mode::text AS mode, n."durationDays", n."expertsWanted",
    n."windowStart" - DATE '1970-01-01' AS ws, n."windowEnd" - DATE '1970-01-01' AS we,
    ARRAY(SELECT s."skillId" * 8 + s."minLevel" FROM "NeedSkill" s WHERE s."needId" = n.id ORDER BY s."skillId") AS skills,
    ARRAY(SELECT s.requirement::text FROM "NeedSkill" s WHERE s."needId" = n.id ORDER BY s."skillId") AS requirements,
    ARRAY(SELECT l.language || ' ' || l."minLevel" FROM "NeedLanguage" l WHERE l."needId" = n.id) AS languages
  FROM "Need" n WHERE n.id = $1`;

/**
 * Everything the matcher needs about a set of experts, one row each; every sub-select is an index lookup by expert
 * (scalar sub-selects with LIMIT, not joins or EXISTS, so that the planner never hashes a whole table).
 */
export const CANDIDATES_SQL = `
  SELECT p.id, p.matchable, p.visibility::text AS visibility,
    coalesce((SELECT u.status = 'active' FROM "User" u WHERE u.id = p."userId"), false) AS active,
    coalesce((SELECT true FROM "Consent" c WHERE c."userId" = p."userId" AND c.purpose = 'profile_processing' AND c."withdrawnAt" IS NULL LIMIT 1), false) AS consented,
    p.sectors, p."yearsExperience", p."originRegionCode", p."missionModes"::text[] AS modes, p."preferredRegions", p."maxMissionDays",
    (extract(epoch FROM p."staleSince") * 1000)::float8 AS stale, (extract(epoch FROM p."lastActiveAt") * 1000)::float8 AS "activeAt",
    ARRAY(SELECT s."skillId" * 8 + s.level FROM "ExpertSkill" s WHERE s."expertId" = p.id) AS skills,
    ARRAY(SELECT l.language || ' ' || l.level FROM "ExpertLanguage" l WHERE l."expertId" = p.id) AS languages,
    ARRAY(SELECT (a."startsOn" - DATE '1970-01-01')::float8 * 100000 + (a."endsOn" - a."startsOn") FROM "Availability" a WHERE a."expertId" = p.id) AS availability,
    ARRAY(SELECT (m."startsOn" - DATE '1970-01-01')::float8 * 100000 + (m."endsOn" - m."startsOn") FROM "Mission" m
          WHERE m."expertId" = p.id AND m.status IN ('approved', 'briefed', 'in_progress')) AS busy,
    (SELECT ARRAY[count(r.rating), coalesce(sum(r.rating), 0)]::float8[] FROM "Mission" m JOIN "MissionReport" r ON r."missionId" = m.id
      WHERE m."expertId" = p.id AND r.rating IS NOT NULL) AS ratings
  FROM "ExpertProfile" p
  WHERE p.id = ANY($1::uuid[])`;

const range = (code: number) => ({ startsOn: fromDays(Math.floor(code / 100000)), endsOn: fromDays(Math.floor(code / 100000) + (code % 100000)) });

type Cefr = MatchExpert['languages'][number]['level'];

/** A row of CANDIDATES_SQL as `pg` parses it. */
export interface ExpertRow {
  id: string; active: boolean; consented: boolean; matchable: boolean; visibility: MatchExpert['visibility'];
  sectors: string[] | null; yearsExperience: number | null; originRegionCode: string | null; modes: MatchExpert['missionModes'][number][] | null;
  preferredRegions: string[] | null; maxMissionDays: number | null; stale: number | null; activeAt: number;
  skills: number[]; languages: string[]; availability: number[]; busy: number[]; ratings: number[] | null;
}

interface NeedRow {
  id: string; sectorCode: string; regionCode: string; mode: MatchNeed['mode']; durationDays: number; expertsWanted: number;
  ws: number; we: number; skills: number[]; requirements: MatchNeed['skills'][number]['requirement'][]; languages: string[];
}

export function toExpert(r: ExpertRow): MatchExpert {
  const [count = 0, sum = 0] = r.ratings ?? [];
  return {
    id: r.id, active: r.active, consented: r.consented, matchable: r.matchable, visibility: r.visibility,
    sectors: r.sectors ?? [], yearsExperience: r.yearsExperience, originRegionCode: r.originRegionCode,
    missionModes: r.modes ?? [], preferredRegions: r.preferredRegions ?? [], maxMissionDays: r.maxMissionDays,
    staleSince: r.stale === null ? null : new Date(r.stale), lastActiveAt: new Date(r.activeAt),
    skills: r.skills.map((c) => ({ skillId: c >> 3, level: c & 7 })),
    languages: r.languages.map((l) => ({ language: l.split(' ')[0]!, level: l.split(' ')[1] as Cefr })),
    availability: r.availability.map(range),
    busy: r.busy.map(range),
    evaluations: count ? { count, averageRating: sum / count } : null,
  };
}

function toNeed(r: NeedRow): MatchNeed {
  return {
    id: r.id, sectorCode: r.sectorCode, regionCode: r.regionCode, mode: r.mode, durationDays: r.durationDays, expertsWanted: r.expertsWanted,
    windowStart: fromDays(r.ws), windowEnd: fromDays(r.we),
    skills: r.skills.map((c, i) => ({ skillId: c >> 3, minLevel: c & 7, requirement: r.requirements[i]! })),
    languages: r.languages.map((l) => ({ language: l.split(' ')[0]!, minLevel: l.split(' ')[1] as Cefr })),
  };
}

export interface PageResult {
  ms: number[];
  dbMs: number[];
  pureMs: number[];
  /** Profiles read per need. */
  loaded: number[];
  same: number;
}

export async function pagePath(
  experts: MatchExpert[], needs: MatchNeed[], sample: { need: MatchNeed; ms: number; ranking: Ranking }[],
  index: SkillIndex<MatchExpert>, ctx: RankContext, top: number,
): Promise<PageResult> {
  const logger = createLogger('warn');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jisr-bench-pg-'));
  chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({ dir: path.join(dir, 'data'), port: await freePort(), database: 'jisr_bench', logger });
  const db = connectDatabase(server.url, logger, 2);
  try {
    await migrate(server.url, MIGRATIONS_DIR, logger);
    await seedReference(db.prisma, logger);
    const skillIds = await db.pool.query<{ id: number; code: string }>('SELECT id, code FROM "Skill"');
    const dbId = new Map(skillIds.rows.map((r) => [r.code, r.id]));
    if (SKILLS.some((s, i) => dbId.get(s.code) !== i + 1)) throw new Error('skill ids in the database are not 1..n in file order');
    const load = await timeAsync(async () => {
      await loadAll(db.pool, experts, needs);
      await db.pool.query('ANALYZE');
    });
    console.log(`${'database loaded'.padEnd(34)} ${experts.length} experts, ${needs.length} needs in ${ms(load.ms)} (embedded PostgreSQL)`);
    return await measure(db.pool, sample, index, ctx, top);
  } finally {
    await db.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(pool: pg.Pool, sample: { need: MatchNeed; ms: number; ranking: Ranking }[], index: SkillIndex<MatchExpert>, ctx: RankContext, top: number): Promise<PageResult> {
  const client = await pool.connect();
  const out: PageResult = { ms: [], dbMs: [], pureMs: [], loaded: [], same: 0 };
  try {
    for (const [i, s] of sample.entries()) {
      let db = 0;
      const t0 = now();
      const needRow = await client.query<NeedRow>(NEED_SQL, [s.need.id]);
      const need = toNeed(needRow.rows[0]!);
      db += now() - t0;
      const load = async (ids: string[]) => {
        const q0 = now();
        const rows = await client.query<ExpertRow>(CANDIDATES_SQL, [ids]);
        db += now() - q0;
        return rows.rows.map(toExpert);
      };
      const ranking = await rankTopExpertsWithLoader(need, index, load, ctx, { limit: top });
      const t3 = now();
      if (i < 10) continue; // warm-up: plans cached, connection warm
      out.ms.push(t3 - t0);
      out.dbMs.push(db);
      out.loaded.push(ranking.examined);
      out.pureMs.push(s.ms);
      if (ranking.matches.length === s.ranking.matches.length && ranking.matches.every((m, k) => m.expertId === s.ranking.matches[k]!.expertId && m.score === s.ranking.matches[k]!.score)) out.same++;
    }
  } finally {
    client.release();
  }
  return out;
}
