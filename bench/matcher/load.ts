/**
 * Bulk load of the generated data: one INSERT … SELECT FROM unnest($1, $2, …) per batch of rows (one array
 * parameter per column), the fastest way through `pg` without COPY streams. Array columns travel as
 * comma-separated text and are split in SQL.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { MatchExpert, MatchNeed } from '../../src/matching/types.js';
import { REGIONS } from '../../src/reference/data/regions.js';

const BATCH = 20_000;
const iso = (d: Date) => d.toISOString();
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Inserts rows (arrays of column values) with `sql`, whose $1..$n are the columns as arrays. */
async function bulk(client: pg.PoolClient, sql: string, rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const columns = batch[0]!.map((_, c) => batch.map((r) => r[c]));
    await client.query(sql, columns);
  }
}

export async function loadAll(pool: pg.Pool, experts: MatchExpert[], needs: MatchNeed[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SET synchronous_commit = off');
    const userIds = experts.map(() => randomUUID());
    await bulk(client, `INSERT INTO "User" (id, email, "passwordHash", role, status)
      SELECT id, email, 'bench-no-login', 'expert', status::"UserStatus" FROM unnest($1::uuid[], $2::text[], $3::text[]) AS t(id, email, status)`,
      experts.map((e, i) => [userIds[i], `expert${i}@bench.jisr.local`, e.active ? 'active' : 'disabled']));
    await bulk(client, `INSERT INTO "Consent" ("userId", purpose, "textVersion") SELECT u, 'profile_processing', '2026-01' FROM unnest($1::uuid[]) AS t(u)`,
      experts.flatMap((e, i) => (e.consented ? [[userIds[i]]] : [])));
    await bulk(client, `INSERT INTO "ExpertProfile" (id, "userId", "firstName", "lastName", nationalities, sectors, "yearsExperience",
        "originRegionCode", "missionModes", "preferredRegions", "maxMissionDays", visibility, matchable, "staleSince", "lastActiveAt", "confirmedAt")
      SELECT id, uid, 'Bench', 'Expert ' || n, '{MA}', string_to_array(sectors, ','), years, origin, string_to_array(modes, ',')::"MissionMode"[],
        string_to_array(regions, ','), maxd, vis::"ProfileVisibility", matchable, stale, active, active
      FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::int[], $10::text[], $11::bool[], $12::timestamp[], $13::timestamp[])
        AS t(id, uid, n, sectors, years, origin, modes, regions, maxd, vis, matchable, stale, active)`,
      experts.map((e, i) => [e.id, userIds[i], i, e.sectors.join(','), e.yearsExperience, e.originRegionCode, e.missionModes.join(','),
        e.preferredRegions.join(','), e.maxMissionDays, e.visibility, e.matchable, e.staleSince && iso(e.staleSince), iso(e.lastActiveAt)]));
    await bulk(client, `INSERT INTO "ExpertSkill" ("expertId", "skillId", level) SELECT * FROM unnest($1::uuid[], $2::int[], $3::int[])`,
      experts.flatMap((e) => e.skills.map((s) => [e.id, s.skillId, s.level])));
    await bulk(client, `INSERT INTO "ExpertLanguage" ("expertId", language, level) SELECT e, l, v::"CefrLevel" FROM unnest($1::uuid[], $2::text[], $3::text[]) AS t(e, l, v)`,
      experts.flatMap((e) => e.languages.map((l) => [e.id, l.language, l.level])));
    await bulk(client, `INSERT INTO "Availability" ("expertId", "startsOn", "endsOn") SELECT * FROM unnest($1::uuid[], $2::date[], $3::date[])`,
      experts.flatMap((e) => e.availability.map((a) => [e.id, isoDay(a.startsOn), isoDay(a.endsOn)])));

    const institutions = new Map(REGIONS.map((r) => [r.code, randomUUID()]));
    await bulk(client, `INSERT INTO "Institution" (id, name, kind, "regionCode", city, status) SELECT id, 'Bench institution ' || r, 'public_agency', r, 'Ville', 'verified'
      FROM unnest($1::uuid[], $2::text[]) AS t(id, r)`, [...institutions].map(([code, id]) => [id, code]));
    await bulk(client, `INSERT INTO "Need" (id, "institutionId", title, description, "sectorCode", "regionCode", mode, "windowStart", "windowEnd",
        "durationDays", "expertsWanted", status, "publishedAt")
      SELECT id, inst, 'Besoin de démonstration', 'Généré pour le banc d''essai du moteur de rapprochement', sector, region, mode::"MissionMode", ws, we, dur, wanted, 'published', now()
      FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[], $8::int[], $9::int[]) AS t(id, inst, sector, region, mode, ws, we, dur, wanted)`,
      needs.map((n) => [n.id, institutions.get(n.regionCode), n.sectorCode, n.regionCode, n.mode, isoDay(n.windowStart), isoDay(n.windowEnd), n.durationDays, n.expertsWanted ?? 1]));
    await bulk(client, `INSERT INTO "NeedSkill" ("needId", "skillId", "minLevel", requirement) SELECT n, s, l, r::"SkillRequirement" FROM unnest($1::uuid[], $2::int[], $3::int[], $4::text[]) AS t(n, s, l, r)`,
      needs.flatMap((n) => n.skills.map((s) => [n.id, s.skillId, s.minLevel, s.requirement])));
    await bulk(client, `INSERT INTO "NeedLanguage" ("needId", language, "minLevel") SELECT n, l, v::"CefrLevel" FROM unnest($1::uuid[], $2::text[], $3::text[]) AS t(n, l, v)`,
      needs.flatMap((n) => n.languages.map((l) => [n.id, l.language, l.minLevel])));

    // Missions: the approved ones that make an expert busy, and evaluated past ones whose ratings give the average.
    const host = needs[0]!.id;
    const missions: unknown[][] = [];
    const reports: unknown[][] = [];
    for (const e of experts) {
      for (const b of e.busy) missions.push([randomUUID(), e.id, isoDay(b.startsOn), isoDay(b.endsOn), 'approved']);
      if (!e.evaluations) continue;
      const sum = Math.round(e.evaluations.averageRating * e.evaluations.count);
      for (let k = 0; k < e.evaluations.count; k++) {
        const id = randomUUID();
        missions.push([id, e.id, '2025-01-10', '2025-01-20', 'evaluated']);
        reports.push([id, Math.floor(sum / e.evaluations.count) + (k < sum % e.evaluations.count ? 1 : 0)]);
      }
    }
    await bulk(client, `INSERT INTO "Mission" (id, "needId", "expertId", "startsOn", "endsOn", status)
      SELECT id, '${host}', e, s, x, st::"MissionStatus" FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::date[], $5::text[]) AS t(id, e, s, x, st)`, missions);
    await bulk(client, `INSERT INTO "MissionReport" ("missionId", rating) SELECT * FROM unnest($1::uuid[], $2::int[])`, reports);
  } finally {
    client.release();
  }
}
