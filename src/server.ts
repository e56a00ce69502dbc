import { createApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { createLogger } from './lib/logger.js';
import { seedReference } from './reference/seed-reference.js';
import { seedDemo } from './demo/seed-demo.js';
import { DEMO_PASSWORD } from './demo/accounts.js';
import { createMailTransport } from './mail/transport.js';
import { startOutboxWorker, type OutboxWorker } from './mail/worker-loop.js';
import { allJobs } from './jobs/registry.js';
import { startScheduler, type Scheduler } from './jobs/scheduler.js';
import { listenForReferenceChanges, type ReferenceListener } from './taxonomy/notify.js';
import { forgetReferenceCaches } from './taxonomy/caches.js';
import { Health } from './ops/health.js';
import { createHttpServer } from './ops/http-server.js';

// A supervisor (systemd, a container runtime) must be able to trust this process: every start-up failure ends it
// with a message and exit 1; a stop signal drains the requests in flight, then stops the workers and the database;
// a second signal forces the exit; the death of the embedded PostgreSQL ends the process with exit 1.

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
const logger = createLogger(config.logLevel);
const startedAt = Date.now();
const health = new Health();
const http = createHttpServer(health);
let db: Database | undefined;
let outbox: OutboxWorker | undefined;
let scheduler: Scheduler | undefined;
let referenceListener: ReferenceListener | undefined;

let stopping: Promise<void> | undefined;
let firstSignalAt = 0;
/** A terminal's Ctrl-C reaches node twice (directly, and forwarded by npm): one key press within this window. */
const SAME_SIGNAL_MS = 1000;

function onSignal(signal: string) {
  if (!stopping) {
    firstSignalAt = Date.now();
    stopping = shutdown(signal, 0);
    return;
  }
  if (Date.now() - firstSignalAt < SAME_SIGNAL_MS) return;
  logger.warn({ signal }, 'second signal: forcing the exit without finishing the requests in flight');
  db?.embedded?.stopNow();
  process.exit(1);
}
process.on('SIGTERM', () => onSignal('SIGTERM'));
process.on('SIGINT', () => onSignal('SIGINT'));

async function shutdown(reason: string, code: number): Promise<void> {
  await starting.catch(() => undefined);
  health.startDraining();
  logger.info({ reason, drainDelayMs: config.drainDelayMs }, 'shutting down: /readyz now says 503; finishing requests in flight');
  if (config.drainDelayMs > 0) await new Promise((r) => setTimeout(r, config.drainDelayMs));
  await http.close(config.shutdownTimeoutMs);
  await Promise.all([outbox?.stop(), scheduler?.stop(), referenceListener?.stop()]);
  // The database goes last: requests and workers finished above may still have needed it.
  await db?.close().catch((err: unknown) => logger.error({ err }, 'closing the database failed'));
  logger.info({ code }, 'stopped');
  process.exit(code);
}

async function fail(message: string, err: unknown): Promise<never> {
  logger.fatal({ err }, message);
  await http.close(1000);
  await db?.close().catch(() => undefined);
  process.exit(1);
}

const starting = (async () => {
  const port = await http.listen(config.port, config.host).catch((err: Error) => fail(err.message, err));
  db = await openDatabase(config, logger).catch((err: Error) => fail(`cannot open the database: ${err.message}`, err));
  db.embedded?.onUnexpectedExit((exit) => {
    logger.fatal(exit, 'embedded PostgreSQL exited unexpectedly: stopping, so that a supervisor restarts the whole');
    stopping ??= shutdown('embedded PostgreSQL exited', 1);
  });
  await seedReference(db.prisma, logger);
  if (config.seedDemo) {
    const today = new Date(new Date().toISOString().slice(0, 10));
    const result = await seedDemo(db.prisma, logger, { today, withDemoAccounts: config.env !== 'production', publicUrl: config.publicUrl });
    if (result.seeded) logger.info('demo data generated (first start only)');
  }
  // Every instance runs a worker; claims with SKIP LOCKED keep them from sending a message twice.
  outbox = startOutboxWorker(db.prisma, createMailTransport(config, logger), logger, { from: config.mailFrom, reporter: health });
  scheduler = startScheduler(allJobs({ config, db, logger }), logger, { reporter: health, firstRunAfterMs: config.jobsStartDelayMs });
  // An admin's change of the skills reaches every instance's caches (src/taxonomy/notify.ts).
  referenceListener = listenForReferenceChanges(db.url, forgetReferenceCaches, logger);
  const app = createApp({ config, db, logger, health });
  app.locals.demoMode = config.seedDemo;
  http.serve(app);
  logger.info({ port, ms: Date.now() - startedAt }, `Jisr is serving on http://localhost:${port}`);
  if (config.env === 'development' && config.seedDemo) {
    console.log(
      [
        '',
        `  Jisr: http://localhost:${port}`,
        `  Demo accounts (password ${DEMO_PASSWORD}):`,
        '    expert@demo.jisr.local · staff@demo.jisr.local · officer@demo.jisr.local · admin@demo.jisr.local',
        '',
      ].join('\n'),
    );
  }
})();
await starting.catch((err: unknown) => fail(`start-up failed: ${(err as Error).message}`, err));
