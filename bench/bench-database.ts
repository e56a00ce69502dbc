import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectDatabase, MIGRATIONS_DIR, type Database } from '../src/db/database.js';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.js';
import { migrate } from '../src/db/migrate.js';
import { freePort } from '../src/lib/free-port.js';
import type { Logger } from '../src/lib/logger.js';
import { seedReference } from '../src/reference/seed-reference.js';

export interface BenchDatabase {
  /** the run's own folder (database files, and the app's DATA_DIR) */
  dir: string;
  db: Database;
  /** closes the client, stops PostgreSQL and removes the folder */
  close(): Promise<void>;
}

/** An embedded PostgreSQL of the benchmark's own, in a temporary folder, migrated, with the reference data. */
export async function startBenchDatabase(name: string, logger: Logger): Promise<BenchDatabase> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `jisr-bench-${name}-`));
  chmodSync(dir, 0o755); // the embedded PostgreSQL runs as another user and must reach its folder inside
  const pg = await startEmbeddedPostgres({ dir: path.join(dir, 'data'), port: await freePort(), database: 'jisr_bench', logger });
  await migrate(pg.url, MIGRATIONS_DIR, logger);
  const db = connectDatabase(pg.url, logger);
  await seedReference(db.prisma, logger);
  return {
    dir, db,
    async close() {
      await db.close();
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
