import type { Server } from 'node:http';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { createLogger } from './lib/logger.js';
import { seedReference } from './reference/seed-reference.js';
import { seedDemo } from './demo/seed-demo.js';
import { DEMO_PASSWORD } from './demo/accounts.js';
import { createMailTransport } from './mail/transport.js';
import { startOutboxWorker } from './mail/worker-loop.js';
import { allJobs } from './jobs/registry.js';
import { startScheduler } from './jobs/scheduler.js';

let config;
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
const db = await openDatabase(config, logger).catch((err: unknown) => {
  logger.fatal({ err }, `cannot open the database: ${(err as Error).message}`);
  process.exit(1);
});
await seedReference(db.prisma, logger);
if (config.seedDemo) {
  const today = new Date(new Date().toISOString().slice(0, 10));
  const result = await seedDemo(db.prisma, logger, { today, withDemoAccounts: config.env !== 'production' });
  if (result.seeded) logger.info('demo data generated (first start only)');
}

// Every instance runs a worker; claims with SKIP LOCKED keep them from sending a message twice.
const outbox = startOutboxWorker(db.prisma, createMailTransport(config, logger), logger, { from: config.mailFrom });

const scheduler = startScheduler(allJobs({ config, db, logger }), logger);

const app = createApp({ config, db, logger });
app.locals.demoMode = config.seedDemo;
const server: Server = app.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
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
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down: no new connections, finishing requests in flight');
  const force = setTimeout(() => server.closeAllConnections(), 10_000);
  force.unref();
  // close() waits for requests in flight; idle keep-alive sockets would hold it open, so close them now.
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
  await Promise.all([outbox.stop(), scheduler.stop()]);
  await db.close();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
