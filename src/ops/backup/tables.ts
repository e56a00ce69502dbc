import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

/** A table as the archive stores it: its columns (generated ones left out) and its rows in primary-key order. */
export interface TableEntry {
  name: string;
  columns: string[];
  file: string;
  rows: number;
  sha256: string;
}

export interface SequenceEntry {
  name: string;
  /** null when the sequence was never used */
  lastValue: string | null;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The application's tables (the migration history is not data: a restore rebuilds it by migrating). */
export async function listTables(client: pg.ClientBase): Promise<{ name: string; columns: string[]; key: string[] }[]> {
  const tables = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  );
  const out = [];
  for (const { name } of tables.rows) {
    const cols = await client.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
      [name],
    );
    const key = await client.query<{ attname: string }>(
      `SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
       WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`,
      [q(name)],
    );
    const columns = cols.rows.map((c) => c.column_name);
    out.push({ name, columns, key: key.rows.length ? key.rows.map((k) => k.attname) : columns });
  }
  return out;
}

/**
 * Writes one table in COPY text format, in primary-key order, so that the same data always gives the same bytes
 * (and sha256) whatever the physical order of the rows: a restored database can be checked against the archive.
 */
export async function dumpTable(
  client: pg.ClientBase, table: { name: string; columns: string[]; key: string[] }, file: string,
): Promise<{ rows: number; sha256: string }> {
  const hash = createHash('sha256');
  let rows = 0;
  const count = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      // In COPY text format every row ends with a newline; newlines inside values are escaped as \n.
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows++;
      done(null, chunk);
    },
  });
  const sql = `COPY (SELECT ${table.columns.map(q).join(', ')} FROM ${q(table.name)} ORDER BY ${table.key.map(q).join(', ')}) TO STDOUT`;
  await pipeline(client.query(copyTo(sql)), count, createWriteStream(file, { mode: 0o600 }));
  return { rows, sha256: hash.digest('hex') };
}

/** Loads a table written by dumpTable. */
export async function loadTable(client: pg.ClientBase, entry: TableEntry, file: string): Promise<void> {
  const sql = `COPY ${q(entry.name)} (${entry.columns.map(q).join(', ')}) FROM STDIN`;
  await pipeline(createReadStream(file), client.query(copyFrom(sql)));
}

export async function readSequences(client: pg.ClientBase): Promise<SequenceEntry[]> {
  const r = await client.query<{ name: string; last_value: string | null }>(
    `SELECT sequencename AS name, last_value::text FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`,
  );
  return r.rows.map((s) => ({ name: s.name, lastValue: s.last_value }));
}

export async function restoreSequences(client: pg.ClientBase, sequences: SequenceEntry[]): Promise<void> {
  for (const s of sequences) {
    if (s.lastValue === null) await client.query('SELECT setval($1::regclass, 1, false)', [q(s.name)]);
    else await client.query('SELECT setval($1::regclass, $2::bigint, true)', [q(s.name), s.lastValue]);
  }
}

/**
 * The foreign keys of the schema, dropped while the tables are loaded (in any order, self-references included,
 * without the superuser right that disabling triggers would need) and added back afterwards, which checks them all.
 */
export async function dropForeignKeys(client: pg.ClientBase): Promise<{ table: string; name: string; def: string }[]> {
  const r = await client.query<{ table: string; name: string; def: string }>(
    `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS def
     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE c.contype = 'f' AND n.nspname = 'public'`,
  );
  for (const fk of r.rows) await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${q(fk.name)}`);
  return r.rows;
}

export async function addForeignKeys(client: pg.ClientBase, fks: { table: string; name: string; def: string }[]): Promise<void> {
  for (const fk of fks) await client.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${q(fk.name)} ${fk.def}`);
}

/** sha256 of a file, streamed. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
