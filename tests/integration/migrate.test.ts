import { cpSync, writeFileSync, appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../src/db/database.js';
import { migrate, MigrationError, readMigrations } from '../../src/db/migrate.js';
import { createLogger } from '../../src/lib/logger.js';
import { createEmptyDatabase } from '../helpers/db.js';
import { tempDir } from '../helpers/temp.js';

const logger = createLogger('silent');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function emptyDb() {
  const db = await createEmptyDatabase();
  cleanups.push(db.drop);
  return db.url;
}

function copyOfMigrations(): string {
  const dir = tempDir('migrations');
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

describe('migrator', () => {
  it('applies every migration once and records it with its sha256 in Prisma\'s table', async () => {
    const url = await emptyDb();
    const first = await migrate(url, MIGRATIONS_DIR, logger);
    expect(first).toEqual(readMigrations(MIGRATIONS_DIR).map((m) => m.name));
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date }>(
      url, 'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name');
    expect(rows.map((r) => r.migration_name)).toEqual(first);
    expect(rows.map((r) => r.checksum)).toEqual(readMigrations(MIGRATIONS_DIR).map((m) => m.checksum));
    expect(rows.every((r) => r.finished_at instanceof Date)).toBe(true);
    expect(await migrate(url, MIGRATIONS_DIR, logger)).toEqual([]);
  });

  it('runs once when two processes migrate the same database at the same time', async () => {
    const url = await emptyDb();
    const [a, b] = await Promise.all([migrate(url, MIGRATIONS_DIR, logger), migrate(url, MIGRATIONS_DIR, logger)]);
    expect([...a, ...b].sort()).toEqual(readMigrations(MIGRATIONS_DIR).map((m) => m.name));
    const counted = await query<{ n: number }>(url, 'SELECT count(*)::int AS n FROM "_prisma_migrations"');
    expect(counted[0]?.n).toBe(readMigrations(MIGRATIONS_DIR).length);
  });

  it('refuses to start when an applied migration was edited afterwards, naming the file', async () => {
    const url = await emptyDb();
    const dir = copyOfMigrations();
    await migrate(url, dir, logger);
    const first = readMigrations(dir)[0]!;
    appendFileSync(path.join(dir, first.name, 'migration.sql'), '\n-- edited later\n');
    const error = await migrate(url, dir, logger).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toContain(first.name);
    expect((error as Error).message).toMatch(/edited after it was applied/);
  });

  it('rolls a failing migration back entirely and does not record it', async () => {
    const url = await emptyDb();
    const dir = copyOfMigrations();
    await migrate(url, dir, logger);
    mkdirSync(path.join(dir, '99990101000000_broken'));
    writeFileSync(
      path.join(dir, '99990101000000_broken', 'migration.sql'),
      'CREATE TABLE "Half" (id int);\nSELECT * FROM "NoSuchTable";\n',
    );
    await expect(migrate(url, dir, logger)).rejects.toThrow(/99990101000000_broken.*rolled back/);
    const tables = await query(url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'`);
    expect(tables).toHaveLength(0);
    const recorded = await query(url, `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '99990101000000_broken'`);
    expect(recorded).toHaveLength(0);
  });
});
