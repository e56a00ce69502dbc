import { existsSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

/** What PostgreSQL's lock file (`postmaster.pid`) says: the server's pid, its data directory and its port. */
export interface LockFile {
  pid: number;
  dataDir: string;
  port: number;
}

export function readLockFile(dir: string): LockFile | undefined {
  const file = path.join(dir, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').split('\n');
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  return { pid, dataDir: lines[1] ?? '', port: Number(lines[3]) };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether process `pid` is a PostgreSQL server on `dir`. The pid in a lock file may be stale and now belong to
 * another program, or the lock file may come from a copy of a running data directory (it then names the ORIGINAL
 * server): only a process whose working directory is `dir` (a postmaster changes into its data directory) is ours.
 * 'unknown' where /proc cannot tell (another OS, no permission).
 */
export function processServesDir(pid: number, dir: string): 'yes' | 'no' | 'unknown' {
  if (!isAlive(pid)) return 'no';
  try {
    const cwd = readlinkSync(`/proc/${pid}/cwd`);
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cwd === realpathSync(dir) && /(^|\/)postgres\0/.test(cmdline) ? 'yes' : 'no';
  } catch {
    return 'unknown';
  }
}

/** Whether the server answering on `port` has `dir` as its data directory (`SHOW data_directory`). */
export async function portServesDir(port: number, dir: string, credentials: { user: string; password: string }): Promise<boolean> {
  if (!Number.isInteger(port) || port <= 0) return false;
  const client = new pg.Client({ host: '127.0.0.1', port, database: 'postgres', connectionTimeoutMillis: 2000, ...credentials });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const r = await client.query<{ data_directory: string }>('SHOW data_directory');
    return realpathSync(r.rows[0]!.data_directory) === realpathSync(dir);
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
