import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { createApp } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import type { RateLimits } from '../../src/http/limits.js';
import type { Clock } from '../../src/lib/clock.js';
import { createLogger } from '../../src/lib/logger.js';
import { createTestDatabase, TEMPLATE_DB } from './db.js';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    env: 'test',
    port: 0,
    host: '127.0.0.1',
    dataDir: path.join(os.tmpdir(), 'jisr-test-data'), // inside the run's own temp folder (tests/setup/global-db.ts)
    sessionSecret: 'test-secret-that-is-long-enough-to-be-valid-0123456789',
    logLevel: 'silent',
    embeddedPgPort: 0,
    seedDemo: false,
    trustProxy: 0,
    publicUrl: 'http://jisr.test',
    mailFrom: 'Jisr <no-reply@jisr.test>',
    databaseConnectTimeoutMs: 10_000,
    drainDelayMs: 0,
    shutdownTimeoutMs: 10_000,
    jobsStartDelayMs: 30_000,
    ...overrides,
  };
}

export interface TestApp {
  app: Express;
  db: Database;
  close(): Promise<void>;
}

/** The app in-process, on its own copy of a template database (reference data only, or with demo data). */
export async function startTestApp(
  options: { template?: string; config?: Partial<Config>; limits?: Partial<RateLimits>; clock?: Clock } = {},
): Promise<TestApp> {
  const db = await createTestDatabase(options.template ?? TEMPLATE_DB);
  const app = createApp({
    config: testConfig(options.config), db, logger: createLogger(process.env.LOG_LEVEL ?? 'silent'), limits: options.limits, clock: options.clock,
  });
  return { app, db, close: () => db.close() };
}

/** Listens on an ephemeral port, for browser tests. */
export function listen(app: Express): Promise<{ server: Server; baseUrl: string }> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, baseUrl: `http://127.0.0.1:${port}` });
    });
  });
}
