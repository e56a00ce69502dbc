import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from '../lib/logger.js';

/** Same key as Prisma Migrate, so our migrator and `prisma migrate deploy` never run at the same time. */
const LOCK_KEY = 72707369;

export class MigrationError extends Error {}

/** The database could not be reached at all: a configuration or network problem, said in one line. */
export class DatabaseUnreachableError extends Error {}

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/**
 * Connects a client, failing within `timeoutMs` with a message naming the server (never its credentials):
 * a server that accepts the connection and then never answers would otherwise hang the start-up silently.
 */
export async function connectClient(databaseUrl: string, timeoutMs = DEFAULT_CONNECT_TIMEOUT_MS): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    return client;
  } catch (err) {
    await client.end().catch(() => undefined);
    const url = new URL(databaseUrl);
    const where = `the database at ${url.hostname}:${url.port || 5432}`;
    const reason = (err as Error).message;
    throw new DatabaseUnreachableError(
      /timeout/i.test(reason)
        ? `${where} did not answer within ${timeoutMs / 1000} s (DATABASE_URL)`
        : `cannot connect to ${where} (DATABASE_URL): ${reason}`,
      { cause: err },
    );
  }
}

interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir: string): MigrationFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies pending migrations in name order, one transaction per file, under an advisory lock. Records them in
 * Prisma's own `_prisma_migrations` table (with sha256 checksums), and refuses to go on when a file that already
 * ran was edited afterwards.
 */
export async function migrate(
  databaseUrl: string, dir: string, logger: Logger,
  /** `until`: apply only the migrations up to this one (a restore loads data between two steps) */
  options: { connectTimeoutMs?: number; until?: string } = {},
): Promise<string[]> {
  const files = readMigrations(dir).filter((f) => options.until === undefined || f.name <= options.until);
  const client = await connectClient(databaseUrl, options.connectTimeoutMs);
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const rows = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations"
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Map(rows.rows.map((r) => [r.migration_name, r.checksum]));
    for (const file of files) {
      const recorded = done.get(file.name);
      if (recorded !== undefined) {
        if (recorded !== file.checksum) {
          throw new MigrationError(
            `Migration "${file.name}" was edited after it was applied to this database ` +
              `(recorded checksum ${recorded.slice(0, 12)}…, file now ${file.checksum.slice(0, 12)}…). ` +
              `Restore the original file and put the change in a new migration.`,
          );
        }
        continue;
      }
      await applyOne(client, file);
      logger.info({ migration: file.name }, 'migration applied');
      applied.push(file.name);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
  return applied;
}

async function applyOne(client: pg.Client, file: MigrationFile): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(file.sql);
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), 1)`,
      [randomUUID(), file.checksum, file.name],
    );
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw new MigrationError(`Migration "${file.name}" failed and was rolled back: ${(err as Error).message}`, {
      cause: err,
    });
  }
}
