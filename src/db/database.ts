import path from 'node:path';
import pg from 'pg';
import type { Config } from '../config.js';
import type { Logger } from '../lib/logger.js';
import { startEmbeddedPostgres, type EmbeddedServer } from './embedded-postgres.js';
import { migrate } from './migrate.js';
import { createPrisma, type PrismaClient } from './prisma.js';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../prisma/migrations');

export interface Database {
  url: string;
  pool: pg.Pool;
  prisma: PrismaClient;
  /** the embedded server, when the app started (or adopted) one */
  embedded?: EmbeddedServer;
  /** true when the database answers a trivial query within the timeout */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

/** DATABASE_URL's server, or the embedded one under DATA_DIR (started, or used if already running); no migration. */
export async function startDatabaseServer(
  config: Config,
  logger: Logger,
  options: { whenRunning?: 'adopt' | 'borrow' } = {},
): Promise<{ url: string; embedded?: EmbeddedServer }> {
  if (config.databaseUrl) return { url: config.databaseUrl };
  const embedded = await startEmbeddedPostgres({
    dir: path.join(config.dataDir, 'postgres'),
    port: config.embeddedPgPort,
    database: 'jisr',
    logger,
    whenRunning: options.whenRunning,
  });
  logger.info({ port: config.embeddedPgPort }, 'embedded PostgreSQL started');
  return { url: embedded.url, embedded };
}

/** Connects to DATABASE_URL, or starts the embedded server under DATA_DIR; then applies pending migrations. */
export async function openDatabase(
  config: Config,
  logger: Logger,
  options: { whenRunning?: 'adopt' | 'borrow' } = {},
): Promise<Database> {
  const { url, embedded } = await startDatabaseServer(config, logger, options);
  try {
    await migrate(url, MIGRATIONS_DIR, logger, { connectTimeoutMs: config.databaseConnectTimeoutMs });
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
  const db = connectDatabase(url, logger);
  return {
    ...db,
    embedded,
    async close() {
      await db.close();
      await embedded?.stop();
    },
  };
}

export function connectDatabase(url: string, logger: Logger, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  // An idle client losing its server (restart, network) must not crash the process; the pool replaces it.
  pool.on('error', (err: Error & { code?: string }) => logger.warn({ code: err.code, message: err.message }, 'idle database connection lost'));
  const prisma = createPrisma(pool);
  return {
    url,
    pool,
    prisma,
    async ping(timeoutMs = 2000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      const query = pool.query('SELECT 1').then(
        () => true,
        () => false,
      );
      try {
        return await Promise.race([query, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
