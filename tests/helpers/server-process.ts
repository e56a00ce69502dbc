import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  child: ChildProcessWithoutNullStreams;
  /** everything the process wrote so far, stdout and stderr */
  output(): string;
  /** resolves with the exit code (or the signal's name), or 'timeout' after `ms` */
  exited(ms: number): Promise<number | string>;
  /** waits for the "serving on" line and returns the port */
  serving(ms?: number): Promise<number>;
}

/**
 * Starts the portal as a supervisor would: `npm start` (or plain node) with the given environment. `detached`
 * puts the whole tree in a process group of its own, so a test can play a terminal's Ctrl-C with kill(-pid).
 */
export function startServer(env: Record<string, string>, options: { viaNpm?: boolean; detached?: boolean } = {}): ServerProcess {
  const [cmd, args] = options.viaNpm ? ['npm', ['start', '--silent']] : [process.execPath, ['--import', 'tsx', 'src/server.ts']];
  const child = spawn(cmd, args, {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', SEED_DEMO: 'false', LOG_LEVEL: 'info', NODE_ENV: 'test', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
    // npm runs the server under a shell of its own: a group of its own lets a failed test kill all of them.
    detached: options.detached ?? options.viaNpm ?? false,
  });
  started.push({ child, detached: options.detached ?? options.viaNpm ?? false });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exit = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  return {
    child,
    output: () => out,
    exited: (ms) => Promise.race([exit, new Promise<string>((r) => setTimeout(() => r('timeout'), ms))]),
    serving: (ms = 60_000) =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), ms);
        const check = () => {
          const m = /serving on http:\/\/localhost:(\d+)/.exec(out);
          if (m) {
            clearTimeout(timer);
            child.stdout.off('data', check);
            resolve(Number(m[1]));
          }
        };
        child.stdout.on('data', check);
        check();
      }),
  };
}

const started: { child: ChildProcessWithoutNullStreams; detached: boolean }[] = [];

/** Kills (SIGKILL) every server a test started that is still running: a failed test leaves nothing behind. */
export function killStartedServers(): void {
  for (const { child, detached } of started.splice(0)) {
    try {
      // A group outlives its leader (npm gone, its shell and node still there): it is killed whatever npm's state.
      if (detached) process.kill(-child.pid!, 'SIGKILL');
      else if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}

export interface Answer {
  status: number;
  connection?: string;
}

/** One GET; a reset connection resolves as status 0 rather than rejecting. */
export function get(url: string, agent?: http.Agent): Promise<Answer> {
  return new Promise((resolve) => {
    http
      .get(url, agent ? { agent } : {}, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
      })
      .on('error', () => resolve({ status: 0 }));
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
