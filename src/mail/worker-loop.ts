import type { PrismaClient } from '../db/prisma.js';
import type { Logger } from '../lib/logger.js';
import type { WriteReporter } from '../ops/health.js';
import { describeError } from './retry-policy.js';
import type { MailTransport } from './transport.js';
import { DEFAULT_BATCH } from './retry-policy.js';
import { drainOutbox } from './worker.js';

export interface OutboxWorker {
  /** stops the loop and aborts the batch in progress (its unsent messages go back to pending); resolves then */
  stop(): Promise<void>;
}

/**
 * Drains the outbox every `intervalMs` (at once again when a batch came back full). A setTimeout loop, so runs
 * never overlap; the timer is unref'd, so it never keeps the process alive. Errors (database down…) are logged and
 * the loop goes on.
 */
export function startOutboxWorker(
  prisma: PrismaClient, transport: MailTransport, logger: Logger,
  options: { intervalMs?: number; batch?: number; from?: string; reporter?: WriteReporter } = {},
): OutboxWorker {
  const intervalMs = options.intervalMs ?? 2000;
  const batch = Math.max(1, Math.floor(options.batch ?? DEFAULT_BATCH));
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const abort = new AbortController();

  const run = async (): Promise<number> => {
    try {
      const r = await drainOutbox(prisma, transport, logger, { batch, signal: abort.signal, ...(options.from ? { from: options.from } : {}) });
      options.reporter?.writeSucceeded('outbox');
      const handled = r.sent + r.failed + r.retried;
      if (handled > 0) logger.info(r, 'outbox drained');
      return handled;
    } catch (err) {
      // A run is database writes only (sending errors are settled per message): readiness must know.
      options.reporter?.writeFailed('outbox', err);
      logger.error({ error: describeError(err) }, 'outbox worker run failed');
      return 0;
    }
  };
  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = undefined;
      running = run().then((handled) => {
        running = undefined;
        schedule(handled >= batch ? 0 : intervalMs);
      });
    }, delay);
    timer.unref();
  };
  schedule(0);

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      // A hung SMTP server must not hold the shutdown: the batch ends now and its unsent messages go back to pending.
      abort.abort();
      await running;
    },
  };
}
