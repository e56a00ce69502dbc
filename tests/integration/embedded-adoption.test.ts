import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../src/db/embedded-postgres.js';
import { freePort } from '../../src/lib/free-port.js';
import { createLogger } from '../../src/lib/logger.js';
import { startServer } from '../helpers/server-process.js';

// A hot copy of DATA_DIR adopted the ORIGINAL server (from the copied postmaster.pid), wrote into it and shut it
// down on exit; a stale pid that now belonged to another process got signalled; PostgreSQL's own reason for
// failing was only logged at trace level; a read-only DATA_DIR gave a raw stack trace.

const logger = createLogger('silent');
let root: string;
const servers: EmbeddedServer[] = [];
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'jisr-adoption-'));
  chmodSync(root, 0o755);
});
afterAll(async () => {
  for (const s of servers) await s.stop().catch(() => undefined);
  rmSync(root, { recursive: true, force: true });
});

async function dataDirectoryOf(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ data_directory: string }>('SHOW data_directory')).rows[0]!.data_directory;
  } finally {
    await client.end();
  }
}

describe('an embedded PostgreSQL already running', () => {
  const original = () => path.join(root, 'original');
  const copy = () => path.join(root, 'copy');

  it('is not adopted from a hot copy of its data directory, and is left running', async () => {
    const a = await startEmbeddedPostgres({ dir: original(), port: await freePort(), database: 'jisr', logger });
    servers.push(a);
    execFileSync('cp', ['-a', original(), copy()]); // copied while it runs, postmaster.pid included
    const port = await freePort();
    const b = await startEmbeddedPostgres({ dir: copy(), port, database: 'jisr', logger });
    servers.push(b);
    expect(new URL(b.url).port).toBe(String(port));
    expect(await dataDirectoryOf(b.url)).toBe(copy());
    await b.stop();
    expect(await dataDirectoryOf(a.url)).toBe(original()); // the original still runs
  }, 120_000);

  it('never signals a process that is not its PostgreSQL (a stale pid in the lock file)', async () => {
    const stranger = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      writeFileSync(path.join(copy(), 'postmaster.pid'), `${stranger.pid}\n${copy()}\n0\n${await freePort()}\n\n127.0.0.1\n0 0\nready\n`);
      const port = await freePort();
      const b = await startEmbeddedPostgres({ dir: copy(), port, database: 'jisr', logger });
      servers.push(b);
      expect(await dataDirectoryOf(b.url)).toBe(copy());
      await b.stop();
      expect(stranger.exitCode).toBeNull();
      expect(stranger.signalCode).toBeNull();
    } finally {
      stranger.kill('SIGKILL');
    }
  }, 120_000);

  it("fails with PostgreSQL's own reason when it cannot start", async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      await expect(startEmbeddedPostgres({ dir: copy(), port, database: 'jisr', logger })).rejects.toThrow(
        /EMBEDDED_PG_PORT[\s\S]*Address already in use/,
      );
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  }, 120_000);
});

describe('a DATA_DIR that cannot be written', () => {
  it('is a configuration error naming the folder, at start-up, without a stack trace', async () => {
    const dir = path.join(root, 'frozen');
    execFileSync('mkdir', ['-p', dir]);
    execFileSync('chattr', ['+i', dir]); // immutable: not even root may create a file in it
    try {
      expect(() => loadConfig({ DATA_DIR: dir })).toThrow(ConfigError);
      expect(() => loadConfig({ DATA_DIR: dir })).toThrow(`DATA_DIR: the folder ${dir} cannot be written`);
      const server = startServer({ DATA_DIR: dir, PORT: '0' });
      expect(await server.exited(20_000)).toBe(1);
      expect(server.output()).toContain(`DATA_DIR: the folder ${dir} cannot be written`);
      expect(server.output()).not.toMatch(/\n\s+at /);
    } finally {
      execFileSync('chattr', ['-i', dir]);
    }
  }, 60_000);
});
