import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../src/db/embedded-postgres.js';
import { connectDatabase, MIGRATIONS_DIR } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { createLogger } from '../../src/lib/logger.js';
import { seedReference } from '../../src/reference/seed-reference.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { TEMPLATE_DB, DEMO_TEMPLATE_DB, DEMO_TODAY } from '../helpers/constants.js';
import { freePort } from '../../src/lib/free-port.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
  }
}

/**
 * Starts one PostgreSQL for the whole run (embedded, in a temporary folder; or the server of TEST_DATABASE_URL)
 * and prepares two template databases, freshly migrated: reference data only, and reference plus demo data.
 * Each test file then copies a template into a database of its own (tests/helpers/db.ts).
 */
export default async function setup(project: TestProject) {
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  // Every temporary file of the run (ours, Playwright's browser profiles, libraries') goes into one folder of the
  // run, removed at the end: the workers inherit TMPDIR, and os.tmpdir() reads it.
  const savedTmp = process.env.TMPDIR;
  const runTmp = mkdtempSync(path.join(os.tmpdir(), 'jisr-test-run-'));
  chmodSync(runTmp, 0o755); // the embedded PostgreSQL runs as another user and must reach its folder inside
  process.env.TMPDIR = runTmp;
  let server: EmbeddedServer | undefined;
  let dir: string | undefined;
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    dir = mkdtempSync(path.join(os.tmpdir(), 'jisr-test-pg-'));
    chmodSync(dir, 0o755);
    server = await startEmbeddedPostgres({ dir: path.join(dir, 'data'), port: await freePort(), database: 'postgres', logger });
    serverUrl = server.url;
  }
  for (const [name, withDemo] of [[TEMPLATE_DB, false], [DEMO_TEMPLATE_DB, true]] as const) {
    const url = await recreateDatabase(serverUrl, name);
    await migrate(url, MIGRATIONS_DIR, logger);
    const db = connectDatabase(url, logger, 2);
    await seedReference(db.prisma, logger);
    if (withDemo) await seedDemo(db.prisma, logger, { today: DEMO_TODAY, withDemoAccounts: true });
    await db.close();
  }
  project.provide('pgServerUrl', serverUrl);
  return async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
    rmSync(runTmp, { recursive: true, force: true });
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
  };
}

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function recreateDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  await client.end();
  return databaseUrl(serverUrl, name);
}

