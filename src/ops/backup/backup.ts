import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import * as tar from 'tar';
import { connectClient } from '../../db/migrate.js';
import { copyDataFiles, type FileEntry } from './files.js';
import { dumpTable, listTables, readSequences, type SequenceEntry, type TableEntry } from './tables.js';

export const FORMAT = 'jisr-backup/1';

export interface Manifest {
  format: typeof FORMAT;
  createdAt: string;
  postgresVersion: string;
  /** the database's migration history: a restore refuses code whose migrations do not start with these */
  migrations: { name: string; checksum: string }[];
  tables: TableEntry[];
  sequences: SequenceEntry[];
  files: FileEntry[];
}

/**
 * Writes one .tar.gz while the portal runs: every table from one REPEATABLE READ snapshot (COPY … TO STDOUT, so it
 * needs no pg_dump, whose version would have to match the server's), the uploaded files of DATA_DIR, and a
 * manifest with the migration history and each table's row count and sha256.
 */
export async function createBackup(databaseUrl: string, dataDir: string, archive: string): Promise<Manifest> {
  await mkdir(path.dirname(archive), { recursive: true });
  const staging = await mkdtemp(path.join(path.dirname(archive), '.jisr-backup-'));
  try {
    await mkdir(path.join(staging, 'tables'));
    const client = await connectClient(databaseUrl);
    let manifest: Omit<Manifest, 'files'>;
    try {
      manifest = await snapshot(client, staging);
    } finally {
      await client.end();
    }
    // Files after the snapshot: a file the snapshot refers to was there before it (short of a deletion meanwhile).
    const files = await copyDataFiles(dataDir, path.join(staging, 'files'));
    const full: Manifest = { ...manifest, files };
    await writeFile(path.join(staging, 'manifest.json'), `${JSON.stringify(full, null, 2)}\n`);
    const partial = `${archive}.partial`;
    await tar.create({ gzip: true, file: partial, cwd: staging, portable: true }, ['manifest.json', 'tables', ...(files.length ? ['files'] : [])]);
    // Renamed when complete: a backup interrupted half-way never looks like a good archive.
    await rename(partial, archive);
    return full;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function snapshot(client: pg.Client, staging: string): Promise<Omit<Manifest, 'files'>> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const version = await client.query<{ server_version: string }>('SHOW server_version');
    const migrations = await client.query<{ name: string; checksum: string }>(
      `SELECT migration_name AS name, checksum FROM "_prisma_migrations"
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    const tables: TableEntry[] = [];
    for (const table of await listTables(client)) {
      const file = `tables/${table.name}.copy`;
      const { rows, sha256 } = await dumpTable(client, table, path.join(staging, file));
      tables.push({ name: table.name, columns: table.columns, file, rows, sha256 });
    }
    const sequences = await readSequences(client);
    await client.query('COMMIT');
    return {
      format: FORMAT, createdAt: new Date().toISOString(), postgresVersion: version.rows[0]!.server_version,
      migrations: migrations.rows, tables, sequences,
    };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/** Row count and sha256 of every table, computed the way the archive computes them (for checks and tests). */
export async function tableDigests(databaseUrl: string): Promise<Record<string, { rows: number; sha256: string }>> {
  const client = await connectClient(databaseUrl);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'jisr-digest-'));
  try {
    const out: Record<string, { rows: number; sha256: string }> = {};
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    for (const table of await listTables(client)) out[table.name] = await dumpTable(client, table, path.join(dir, 'table'));
    await client.query('COMMIT');
    return out;
  } finally {
    await client.end();
    await rm(dir, { recursive: true, force: true });
  }
}
