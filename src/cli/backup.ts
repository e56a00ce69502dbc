// A consistent backup while the portal runs (no pg_dump needed; works with the embedded server and DATABASE_URL):
//   npm run backup [-- --out backups/jisr.tar.gz]
// One .tar.gz: every table (one snapshot), the uploaded files of DATA_DIR, a manifest with counts and sha256.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { startDatabaseServer } from '../db/database.js';
import { createLogger } from '../lib/logger.js';
import { createBackup } from '../ops/backup/backup.js';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
let exitCode = 0;
try {
  const config = loadConfig();
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const archive = path.resolve(values.out ?? path.join('backups', `jisr-${stamp}.tar.gz`));
  // Borrowed: an embedded server the portal runs stays running; one started here is stopped at the end.
  const server = await startDatabaseServer(config, logger, { whenRunning: 'borrow' });
  try {
    const started = Date.now();
    const m = await createBackup(server.url, config.dataDir, archive);
    const rows = m.tables.reduce((n, t) => n + t.rows, 0);
    console.log(`Backup written: ${archive}`);
    console.log(`  ${m.tables.length} tables, ${rows} rows, ${m.files.length} files, ${m.migrations.length} migrations, ${Date.now() - started} ms`);
  } finally {
    await server.embedded?.stop();
  }
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : `backup failed: ${(err as Error).message}`);
  exitCode = 1;
}
process.exit(exitCode);
