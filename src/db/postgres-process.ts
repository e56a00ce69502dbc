import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import type { Logger } from '../lib/logger.js';

export interface PostgresExit {
  code: number | null;
  signal: string | null;
  /** the server's own last lines on stderr (its reason, when it gives one) */
  lastLines: string[];
}

export interface PostgresProcess {
  pid: number;
  /** the last lines PostgreSQL wrote, oldest first */
  lastLines(): string[];
  /** called once if the server exits without stop() having been asked */
  onUnexpectedExit(listener: (exit: PostgresExit) => void): void;
  /** fast shutdown (SIGINT: clients are disconnected, transactions rolled back); resolves once it has exited */
  stop(timeoutMs?: number): Promise<void>;
  /** asks for a fast shutdown without waiting (a forced exit of the app) */
  stopNow(): void;
}

const KEEP_LINES = 20;

export class PostgresStartError extends Error {
  constructor(message: string, readonly lastLines: string[]) {
    super(lastLines.length ? `${message}. PostgreSQL said:\n  ${lastLines.slice(-5).join('\n  ')}` : message);
  }
}

/**
 * Runs the `postgres` binary on a data directory, in a process group of its own (`detached`): a terminal's Ctrl-C
 * goes to the whole foreground group, and PostgreSQL receiving it would abort the transactions of requests that the
 * app is still draining. The app stops it itself, after the HTTP drain. Resolves once the server accepts connections.
 */
export async function spawnPostgres(
  binary: string, args: string[], logger: Logger, options: { asUser?: string; startTimeoutMs?: number } = {},
): Promise<PostgresProcess> {
  const ids = options.asUser ? userIds(options.asUser) : {};
  const child: ChildProcess = spawn(binary, args, {
    ...ids,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    // Messages in English whatever the machine's locale: readiness is recognised by its text.
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  const lines: string[] = [];
  let stopping = false;
  let exitInfo: PostgresExit | undefined;
  let unexpected: ((exit: PostgresExit) => void) | undefined;
  const exited = new Promise<PostgresExit>((resolve) => {
    child.on('exit', (code, signal) => {
      exitInfo = { code, signal, lastLines: [...lines] };
      resolve(exitInfo);
      if (!stopping) unexpected?.(exitInfo);
    });
  });
  const ready = new Promise<void>((resolve) => {
    let partial = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      const text = partial + chunk.toString('utf8');
      const parts = text.split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts.filter(Boolean)) {
        lines.push(line);
        if (lines.length > KEEP_LINES) lines.shift();
        logger.trace({ pg: line });
        if (line.includes('database system is ready to accept connections')) resolve();
      }
    });
  });
  child.on('error', (err) => logger.error({ err }, 'embedded PostgreSQL could not be run'));

  let timer: NodeJS.Timeout | undefined;
  const timeoutMs = options.startTimeoutMs ?? 60_000;
  const outcome = await Promise.race([
    ready.then(() => 'ready' as const),
    exited.then(() => 'exited' as const),
    new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), timeoutMs))),
  ]);
  clearTimeout(timer);
  if (outcome !== 'ready') {
    if (outcome === 'timeout') {
      stopping = true;
      child.kill('SIGKILL');
    }
    throw new PostgresStartError(
      outcome === 'timeout' ? `PostgreSQL did not become ready within ${timeoutMs / 1000} s` : 'PostgreSQL exited while starting',
      [...lines],
    );
  }

  return {
    pid: child.pid!,
    lastLines: () => [...lines],
    onUnexpectedExit(listener) {
      unexpected = listener;
    },
    async stop(ms = 30_000) {
      stopping = true;
      if (exitInfo) return;
      child.kill('SIGINT');
      let t: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((r) => (t = setTimeout(() => r('late'), ms)));
      if ((await Promise.race([exited, late])) === 'late') {
        logger.warn({ pid: child.pid }, 'embedded PostgreSQL did not stop in time: killed');
        child.kill('SIGKILL');
        await exited;
      }
      clearTimeout(t);
    },
    stopNow() {
      stopping = true;
      if (!exitInfo) child.kill('SIGINT');
    },
  };
}

/** Numeric ids of a system user (PostgreSQL refuses to run as root). */
function userIds(name: string): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, name], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}
