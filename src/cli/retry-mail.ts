// Puts the e-mails that failed for good back in the outbox queue (a running portal's worker sends them):
//   npm run mail:retry              every failed message
//   npm run mail:retry -- --id <uuid> [--id <uuid> …]
// Each keeps its Message-ID, so a receiver that got an earlier copy can drop the new one.
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { createLogger } from '../lib/logger.js';
import { UUID_PATTERN } from '../lib/uuid.js';
import { outboxCounts, requeueFailedEmails } from '../mail/requeue.js';

const { values } = parseArgs({ options: { id: { type: 'string', multiple: true } } });
const ids = values.id;
if (ids?.some((id) => !UUID_PATTERN.test(id))) {
  console.error('Usage: npm run mail:retry [-- --id <uuid> …]');
  process.exit(2);
}
const config = loadConfig();
const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
const db = await openDatabase(config, logger, { whenRunning: 'borrow' });
let exitCode = 0;
try {
  const count = await requeueFailedEmails(db.prisma, ids ? { ids } : {});
  const now = await outboxCounts(db.prisma);
  console.log(`Re-queued ${count} failed e-mail(s). Outbox now: ${now.pending} pending, ${now.sending} sending, ${now.sent} sent, ${now.failed} failed.`);
} catch (err) {
  console.error(`mail:retry failed: ${(err as Error).message}`);
  exitCode = 1;
} finally {
  await db.close();
}
process.exit(exitCode);
