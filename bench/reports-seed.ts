/**
 * Data for the reports benchmark, on top of bench/catalogue-seed.ts (institutions and published needs): experts,
 * candidacies, missions with budgets and funding lines, investment projects, generated in SQL with generate_series
 * and a hash of the row number (deterministic, no round trip per row). Sizes are the design's.
 */
import type pg from 'pg';

export async function seedReports(pool: pg.Pool, sizes: { experts: number; missions: number; candidacies: number; projects: number }) {
  const regions = `(ARRAY['TTA','ORI','FM','RSK','BMK','CS','MS','DT','SM','GON','LSH','DOD'])`;
  const client = await pool.connect();
  try {
    // h(i, salt): a deterministic number in [0, 1) per row (pg_temp: one session, hence one client throughout).
    await client.query(`CREATE OR REPLACE FUNCTION pg_temp.h(i bigint, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE AS
      $$ SELECT ('x' || substr(md5(i::text || ':' || salt), 1, 8))::bit(32)::bigint / 4294967296.0 $$`);
    await client.query(`INSERT INTO "User" (id, email, "passwordHash", role, "updatedAt")
      SELECT md5('u' || i)::uuid, 'expert' || i || '@bench.local', 'x', 'expert', now() FROM generate_series(1, $1) i`, [sizes.experts]);
    await client.query(`INSERT INTO "ExpertProfile" (id, "userId", "firstName", "lastName", gender, kind, "countryOfResidence", nationalities,
        "originRegionCode", sectors, "missionModes", visibility, "staleSince", "createdAt", "updatedAt")
      SELECT md5('e' || i)::uuid, md5('u' || i)::uuid, 'Prénom', 'Nom ' || i,
        (ARRAY['female','male','male','undisclosed'])[1 + floor(pg_temp.h(i, 1) * 4)]::"Gender",
        (ARRAY['diaspora','diaspora','diaspora','south_south','immigrant_resident'])[1 + floor(pg_temp.h(i, 2) * 5)]::"ExpertKind",
        (ARRAY['FR','FR','ES','BE','NL','DE','IT','CA','US','SN','CI','TN','GB','CH','SE','QA','AE'])[1 + floor(pg_temp.h(i, 3) * 17)], ARRAY['MA'],
        CASE WHEN pg_temp.h(i, 4) < 0.85 THEN ${regions}[1 + floor(pg_temp.h(i, 5) * 12)] END,
        ARRAY[(SELECT code FROM "Sector" ORDER BY code LIMIT 1 OFFSET floor(pg_temp.h(i, 6) * 16)::int)],
        ARRAY['remote']::"MissionMode"[], 'institutions', CASE WHEN pg_temp.h(i, 7) < 0.1 THEN now() END,
        timestamp '2025-01-01' + (pg_temp.h(i, 8) * 700) * interval '1 day', now()
      FROM generate_series(1, $1) i`, [sizes.experts]);
    await client.query(`WITH n AS (SELECT id, "publishedAt", row_number() OVER (ORDER BY id) AS k FROM "Need"), c AS (SELECT count(*) AS total FROM n)
      INSERT INTO "Candidacy" (id, "needId", "expertId", status, reason, "createdAt", "respondedAt", "updatedAt")
      SELECT md5('c' || i)::uuid, n.id, md5('e' || (1 + floor(pg_temp.h(i, 9) * $2)))::uuid,
        (ARRAY['applied','shortlisted','not_selected','selected','withdrawn'])[1 + floor(pg_temp.h(i, 10) * 5)]::"CandidacyStatus",
        CASE WHEN pg_temp.h(i, 10) BETWEEN 0.4 AND 0.6 THEN 'other_candidate' END,
        n."publishedAt" + pg_temp.h(i, 11) * interval '20 days',
        CASE WHEN pg_temp.h(i, 12) < 0.7 THEN n."publishedAt" + interval '21 days' + pg_temp.h(i, 13) * interval '15 days' END, now()
      FROM generate_series(1, $1) i JOIN n ON n.k = 1 + (i % (SELECT total FROM c))
      ON CONFLICT DO NOTHING`, [sizes.candidacies, sizes.experts]);
    await client.query(`INSERT INTO "FundingSource" (donor, "projectCode", name, year, envelope)
      VALUES ('Union européenne', 'EU-TRQN', 'Retour temporaire', 2026, 50000000), ('AFD', 'AFD-SUD', 'Sud-Sud', 2026, 20000000)`);
    await client.query(`WITH n AS (SELECT id, "windowStart", row_number() OVER (ORDER BY id) AS k FROM "Need"), c AS (SELECT count(*) AS total FROM n),
        f AS (SELECT array_agg(id ORDER BY "projectCode") AS ids FROM "FundingSource")
      INSERT INTO "Mission" (id, "needId", "expertId", "startsOn", "endsOn", status, "travelCost", "perDiemDaily", "perDiemDays", "budgetTotal",
        "fundingSourceId", "updatedAt")
      SELECT md5('m' || i)::uuid, n.id, md5('e' || (1 + floor(pg_temp.h(i, 14) * $2)))::uuid, n."windowStart", n."windowStart" + 4,
        (ARRAY['proposed','accepted','approved','in_progress','completed','reported','evaluated','followed_up','cancelled'])[1 + floor(pg_temp.h(i, 15) * 9)]::"MissionStatus",
        3000, 600, 5, 6000, CASE WHEN pg_temp.h(i, 16) < 0.8 THEN (SELECT ids FROM f)[1 + floor(pg_temp.h(i, 17) * 2)] END, now()
      FROM generate_series(1, $1) i JOIN n ON n.k = 1 + (i % (SELECT total FROM c))`, [sizes.missions, sizes.experts]);
    await client.query(`INSERT INTO "MissionReport" ("missionId", rating) SELECT id, 1 + floor(pg_temp.h(hashtext(id::text), 18) * 5)
      FROM "Mission" WHERE status IN ('evaluated', 'followed_up')`);
    // Investment sectors are the track's own list (src/investments); own funds 25 % and more, jobs with women and under-30s.
    await client.query(`INSERT INTO "InvestmentProject" (title, description, "sectorCode", "regionCode", "totalCost", "ownFunds", status, "grantAwarded",
        "jobsCreated", "jobsWomen", "jobsUnder30", "updatedAt")
      SELECT 'Projet ' || i, 'Projet de la diaspora', (SELECT code FROM "InvestmentSector" ORDER BY code LIMIT 1 OFFSET floor(pg_temp.h(i, 19) * (SELECT count(*) FROM "InvestmentSector"))::int),
        ${regions}[1 + floor(pg_temp.h(i, 20) * 12)], cost, round(cost * 0.3), st, CASE WHEN st = 'funded' THEN round(cost * 0.03) END,
        jobs, floor(jobs * 0.4)::int, floor(jobs * 0.3)::int, now()
      FROM (SELECT i, 1000000 + floor(pg_temp.h(i, 21) * 9000000) AS cost, floor(pg_temp.h(i, 23) * 40)::int AS jobs,
                   (ARRAY['submitted','under_review','eligible','funded'])[1 + floor(pg_temp.h(i, 22) * 4)]::"InvestmentStatus" AS st
            FROM generate_series(1, $1) i) g`, [sizes.projects]);
    await client.query('ANALYZE');
  } finally {
    client.release();
  }
}
