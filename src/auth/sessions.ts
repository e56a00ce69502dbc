import type pg from 'pg';

/**
 * Ends a user's sessions by deleting them from the store (their cookies then lead nowhere). `exceptSid` keeps the
 * session the user is acting from, when they chose to end only the others.
 */
export async function endSessionsOf(pool: pg.Pool, userId: string, exceptSid?: string): Promise<number> {
  const result = await pool.query(
    `DELETE FROM "session" WHERE ("sess" -> 'passport' ->> 'user') = $1 AND ($2::varchar IS NULL OR "sid" <> $2)`,
    [userId, exceptSid ?? null],
  );
  return result.rowCount ?? 0;
}

export async function countSessionsOf(pool: pg.Pool, userId: string): Promise<number> {
  const result = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "session" WHERE ("sess" -> 'passport' ->> 'user') = $1 AND "expire" > now()`,
    [userId],
  );
  return result.rows[0]?.n ?? 0;
}
