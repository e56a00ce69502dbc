import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import { MIGRATIONS_DIR } from '../../db/database.js';
import { connectClient, migrate, readMigrations } from '../../db/migrate.js';
import type { Logger } from '../../lib/logger.js';
import { FORMAT, type Manifest } from './backup.js';
import { restoreDataFiles } from './files.js';
import { addForeignKeys, dropForeignKeys, loadTable, restoreSequences, sha256File } from './tables.js';

export class RestoreRefused extends Error {}

/**
 * Loads an archive of createBackup into an EMPTY database: the archive's migrations first, then every table (each
 * file checked against its sha256, all in one transaction, foreign keys checked at the end), then the sequences,
 * then the migrations this code has beyond the archive's. Then the files into DATA_DIR. Refuses an archive whose
 * migration history is not the beginning of this code's (another branch, an edited migration, a newer archive).
 */
export async function restoreBackup(archive: string, databaseUrl: string, dataDir: string, logger: Logger): Promise<Manifest> {
  if (!existsSync(archive)) throw new RestoreRefused(`no such archive: ${archive}`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'jisr-restore-'));
  try {
    await tar.extract({ file: archive, cwd: dir, strict: true });
    const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
    if (manifest.format !== FORMAT) throw new RestoreRefused(`not a Jisr backup (format ${String(manifest.format)})`);
    checkHistory(manifest.migrations);
    await checkEmpty(databaseUrl);
    const last = manifest.migrations.at(-1)?.name;
    await migrate(databaseUrl, MIGRATIONS_DIR, logger, { until: last ?? '' });
    await loadData(databaseUrl, dir, manifest);
    const later = await migrate(databaseUrl, MIGRATIONS_DIR, logger);
    if (later.length) logger.info({ migrations: later }, 'migrations newer than the archive applied');
    await restoreDataFiles(path.join(dir, 'files'), dataDir, manifest.files);
    return manifest;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function checkHistory(archived: { name: string; checksum: string }[]): void {
  const code = readMigrations(MIGRATIONS_DIR);
  archived.forEach((m, i) => {
    const mine = code[i];
    if (!mine || mine.name !== m.name) {
      throw new RestoreRefused(
        `the archive's migration history does not match this version of Jisr: the archive has ${m.name} where this code has ` +
          `${mine?.name ?? 'nothing'} (restore with the version that made the backup, or a later one of the same line)`,
      );
    }
    if (mine.checksum !== m.checksum) {
      throw new RestoreRefused(`migration ${m.name} differs between the archive and this code (sha256 ${m.checksum.slice(0, 12)}… vs ${mine.checksum.slice(0, 12)}…)`);
    }
  });
}

async function checkEmpty(databaseUrl: string): Promise<void> {
  const client = await connectClient(databaseUrl);
  try {
    const r = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
    if (r.rows[0]!.n > 0) {
      const db = new URL(databaseUrl).pathname.slice(1);
      throw new RestoreRefused(`the database "${db}" is not empty (${r.rows[0]!.n} tables): restore into a new, empty database`);
    }
  } finally {
    await client.end();
  }
}

async function loadData(databaseUrl: string, dir: string, manifest: Manifest): Promise<void> {
  const client = await connectClient(databaseUrl);
  try {
    await client.query('BEGIN');
    const fks = await dropForeignKeys(client);
    // Rows a migration may have inserted (defaults, reference rows) are in the archive as they were then.
    const names = manifest.tables.map((t) => `"${t.name.replace(/"/g, '""')}"`);
    if (names.length) await client.query(`TRUNCATE ${names.join(', ')}`);
    for (const table of manifest.tables) {
      const file = path.join(dir, table.file);
      if ((await sha256File(file)) !== table.sha256) throw new RestoreRefused(`the archived table ${table.name} is damaged (sha256 differs)`);
      await loadTable(client, table, file);
      const count = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table.name.replace(/"/g, '""')}"`);
      if (count.rows[0]!.n !== table.rows) throw new RestoreRefused(`table ${table.name}: ${count.rows[0]!.n} rows loaded, ${table.rows} archived`);
    }
    await restoreSequences(client, manifest.sequences);
    await addForeignKeys(client, fks);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
}
