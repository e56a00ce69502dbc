import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { freePort } from '../../src/lib/free-port.js';
import { createTestDatabase } from '../helpers/db.js';
import { get, killStartedServers, sleep, startServer, type ServerProcess } from '../helpers/server-process.js';

// What a supervisor (systemd, a container runtime) needs: failures that end the process at once with exit 1 and a
// message, signals that reach node, a drain that completes every started request, a dead database noticed.

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());
afterEach(killStartedServers);

/** Holds an exclusive lock on "Need" so that catalogue requests wait inside PostgreSQL: requests in flight. */
async function holdNeedTable(url: string) {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined); // the server may die under it (that is what some tests check)
  await client.connect();
  await client.query('BEGIN');
  await client.query('LOCK TABLE "Need" IN ACCESS EXCLUSIVE MODE');
  return {
    async waiting(): Promise<number> {
      const r = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      return r.rows[0]!.n;
    },
    async release() {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end().catch(() => undefined);
    },
  };
}

async function until(check: () => Promise<boolean>, ms = 10_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached');
    await sleep(50);
  }
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('start-up failures end the process with a message and exit 1', () => {
  it('exits 1 within seconds when the HTTP port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as net.AddressInfo).port;
    const started = Date.now();
    const server = startServer({ DATABASE_URL: db.url, PORT: String(port) });
    const code = await server.exited(15_000);
    await new Promise((r) => blocker.close(r));
    if (code === 'timeout') server.child.kill('SIGKILL');
    expect(code, server.output()).toBe(1);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(server.output()).toMatch(new RegExp(`port ${port} .*already in use`));
  });

  it('exits 1 with a clear error when the database never answers', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((s) => void sockets.push(s)); // accepts and never says a word
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as net.AddressInfo).port;
    const server = startServer({
      DATABASE_URL: `postgresql://jisr:secret-pw@127.0.0.1:${port}/jisr`, PORT: '0', DATABASE_CONNECT_TIMEOUT_MS: '2000',
    });
    const code = await server.exited(20_000);
    sockets.forEach((s) => s.destroy());
    await new Promise((r) => silent.close(r));
    if (code === 'timeout') server.child.kill('SIGKILL');
    expect(code, server.output()).toBe(1);
    expect(server.output()).toMatch(/database at 127\.0\.0\.1:\d+ did not answer within 2 s/);
    expect(server.output()).not.toContain('secret-pw');
  });
});

describe('shutdown with requests in flight (external database)', () => {
  it('npm start passes SIGTERM to node; /readyz turns 503 with Connection: close; all 20 requests complete', async () => {
    const server = startServer({ DATABASE_URL: db.url, PORT: '0', DRAIN_DELAY_MS: '1500' }, { viaNpm: true });
    const port = await server.serving();
    const base = `http://127.0.0.1:${port}`;
    expect((await get(`${base}/readyz`)).status).toBe(200);
    const lock = await holdNeedTable(db.url);
    const answers = Array.from({ length: 20 }, () => get(`${base}/needs`));
    await until(async () => (await lock.waiting()) >= 1);
    await sleep(1000); // every request has reached the server by now
    server.child.kill('SIGTERM'); // the npm process, as a supervisor would signal it
    await sleep(400);
    const ready = await get(`${base}/readyz`);
    expect(ready).toEqual({ status: 503, connection: 'close' });
    await sleep(1500);
    await lock.release();
    const statuses = (await Promise.all(answers)).map((a) => a.status);
    expect(statuses, server.output()).toEqual(Array(20).fill(200));
    expect(await server.exited(15_000), server.output()).toBe(0);
    expect(server.output()).toContain('"msg":"stopped"');
  }, 90_000);

  it('a second signal forces the exit', async () => {
    const server = startServer({ DATABASE_URL: db.url, PORT: '0' });
    const port = await server.serving();
    const lock = await holdNeedTable(db.url);
    try {
      const answers = Array.from({ length: 3 }, () => get(`http://127.0.0.1:${port}/needs`));
      await until(async () => (await lock.waiting()) >= 1);
      await sleep(500);
      server.child.kill('SIGTERM');
      await sleep(1500);
      expect(server.child.exitCode).toBeNull(); // still draining
      server.child.kill('SIGTERM');
      expect(await server.exited(5000), server.output()).toBe(1);
      expect(server.output()).toContain('second signal');
      await Promise.all(answers);
    } finally {
      await lock.release();
    }
  }, 90_000);
});

describe('the embedded PostgreSQL', () => {
  let dir: string;
  let pgPort: number;
  const pgPid = () => Number(readFileSync(path.join(dir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const embeddedUrl = () => `postgresql://jisr:jisr-local@127.0.0.1:${pgPort}/jisr`;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'jisr-supervision-'));
    chmodSync(dir, 0o755);
    pgPort = await freePort();
  });
  afterAll(() => {
    const pidFile = path.join(dir, 'postgres', 'postmaster.pid');
    if (existsSync(pidFile) && isAlive(pgPid())) process.kill(pgPid(), 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('is out of reach of Ctrl-C, and stops after the drain: all 20 requests in flight complete', async () => {
    const server: ServerProcess = startServer(
      { DATA_DIR: dir, EMBEDDED_PG_PORT: String(pgPort), PORT: '0' },
      { viaNpm: true, detached: true },
    );
    const port = await server.serving(90_000);
    const pid = pgPid();
    const lock = await holdNeedTable(embeddedUrl());
    const answers = Array.from({ length: 20 }, () => get(`http://127.0.0.1:${port}/needs`));
    await until(async () => (await lock.waiting()) >= 1);
    await sleep(1000); // every request has reached the server by now
    process.kill(-server.child.pid!, 'SIGINT'); // what a terminal does on Ctrl-C: the whole foreground group
    await sleep(1000);
    expect(isAlive(pid)).toBe(true);
    await lock.release();
    const statuses = (await Promise.all(answers)).map((a) => a.status);
    expect(statuses, server.output()).toEqual(Array(20).fill(200));
    expect(await server.exited(20_000), server.output()).toBe(0);
    await until(async () => !isAlive(pid), 5000);
  }, 150_000);

  it('notices the death of its PostgreSQL, logs it and exits non-zero', async () => {
    const server = startServer({ DATA_DIR: dir, EMBEDDED_PG_PORT: String(pgPort), PORT: '0' });
    await server.serving(90_000);
    process.kill(pgPid(), 'SIGKILL');
    const code = await server.exited(20_000);
    if (code === 'timeout') server.child.kill('SIGKILL');
    expect(code, server.output()).toBe(1);
    expect(server.output()).toMatch(/embedded PostgreSQL exited unexpectedly/);
  }, 150_000);
});
