// Loads an archive of `npm run backup` into an EMPTY database and DATA_DIR (the portal stopped):
//   npm run restore ARCHIVE
// Refuses an archive whose migration history does not match this version's, a non-empty database, a damaged file.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { startDatabaseServer } from '../db/database.js';
import { createLogger } from '../lib/logger.js';
import { restoreBackup, RestoreRefused } from '../ops/backup/restore.js';

const { positionals } = parseArgs({ allowPositionals: true, options: {} });
if (positionals.length !== 1) {
  console.error('Usage: npm run restore ARCHIVE');
  process.exit(2);
}
let exitCode = 0;
try {
  const config = loadConfig();
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const server = await startDatabaseServer(config, logger, { whenRunning: 'borrow' });
  try {
    const m = await restoreBackup(positionals[0]!, server.url, config.dataDir, logger);
    const rows = m.tables.reduce((n, t) => n + t.rows, 0);
    console.log(`Restored ${m.tables.length} tables (${rows} rows) and ${m.files.length} files from the backup of ${m.createdAt}.`);
  } finally {
    await server.embedded?.stop();
  }
} catch (err) {
  console.error(err instanceof ConfigError || err instanceof RestoreRefused ? err.message : `restore failed: ${(err as Error).message}`);
  exitCode = 1;
}
process.exit(exitCode);
