import { Prisma, type PrismaClient } from '../db/prisma.js';
import type { Logger } from '../lib/logger.js';
import { backoffMs, DEFAULT_BATCH, DEFAULT_FROM, describeError, GIVE_UP_AFTER_MS, RECLAIM_AFTER_MS } from './retry-policy.js';
import type { MailTransport } from './transport.js';

export { backoffMs, describeError, GIVE_UP_AFTER_MS, RECLAIM_AFTER_MS, DEFAULT_BATCH, DEFAULT_FROM } from './retry-policy.js';

export interface DrainOptions {
  batch?: number;
  /** the clock, for tests; default: the current time */
  now?: Date;
  from?: string;
  /** aborted on stop: the batch ends at once and its unsent messages go back to `pending` */
  signal?: AbortSignal;
}

export interface DrainResult {
  sent: number;
  failed: number;
  retried: number;
}

interface ClaimedRow {
  id: string;
  toAddress: string;
  template: string;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  attempts: number;
  /** when its retry period began: created, or re-queued after it had failed */
  since: Date;
}

const ABORTED = Symbol('aborted');

/**
 * Claims up to `batch` due messages and sends them; returns what became of them. The claim is one statement
 * (`FOR UPDATE SKIP LOCKED`), so workers in several processes never take the same message. A message whose worker
 * died while sending is taken over after RECLAIM_AFTER_MS (delivery is at least once: such a message may go twice,
 * with the same Message-ID, made from its id, so that receivers can drop the copy).
 */
export async function drainOutbox(
  prisma: PrismaClient, transport: MailTransport, logger: Logger, options: DrainOptions = {},
): Promise<DrainResult> {
  const clock = () => options.now ?? new Date();
  const batch = Math.max(1, Math.floor(options.batch ?? DEFAULT_BATCH));
  const from = options.from ?? DEFAULT_FROM;
  const now = clock();
  // The columns are timestamp without time zone holding UTC (Prisma's convention): compare in UTC whatever the
  // session's TimeZone is.
  const utc = (d: Date) => Prisma.sql`(CAST(${d.toISOString()} AS timestamptz) AT TIME ZONE 'UTC')`;
  const ts = utc(now);
  const abandonedBefore = utc(new Date(now.getTime() - RECLAIM_AFTER_MS));
  const claimed = await prisma.$queryRaw<ClaimedRow[]>`
    UPDATE "OutboxEmail" SET status = 'sending', attempts = attempts + 1, "availableAt" = ${ts}
    WHERE id IN (
      SELECT id FROM "OutboxEmail"
      WHERE (status = 'pending' AND "availableAt" <= ${ts})
         OR (status = 'sending' AND "availableAt" <= ${abandonedBefore})
      ORDER BY "createdAt"
      LIMIT ${batch}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, "toAddress", template, subject, "textBody", "htmlBody", attempts, COALESCE("requeuedAt", "createdAt") AS since`;

  const result: DrainResult = { sent: 0, failed: 0, retried: 0 };
  // One listener per batch on the loop's long-lived signal, removed when the batch ends: left behind, they pile up.
  const { aborted, dispose } = abortPromise(options.signal);
  let index = 0;
  let inFlight: string | undefined;
  for (; index < claimed.length && !options.signal?.aborted; index++) {
    const row = claimed[index]!;
    // Only the claim that is still ours may settle the message (a slow worker must not undo a take-over).
    const ours = { id: row.id, status: 'sending' as const, attempts: row.attempts };
    const sending = transport.send({
      id: row.id, to: row.toAddress, from, subject: row.subject, text: row.textBody,
      ...(row.htmlBody ? { html: row.htmlBody } : {}),
    });
    void sending.catch(() => undefined); // still running after an abort: its outcome no longer matters
    let outcome: unknown;
    try {
      outcome = await Promise.race([sending, aborted]);
    } catch (err) {
      const lastError = describeError(err);
      if (clock().getTime() - row.since.getTime() >= GIVE_UP_AFTER_MS) {
        await prisma.outboxEmail.updateMany({ where: ours, data: { status: 'failed', lastError } });
        logger.error({ id: row.id, template: row.template, attempts: row.attempts, error: lastError }, 'email failed for good');
        result.failed++;
      } else {
        const availableAt = new Date(clock().getTime() + backoffMs(row.attempts));
        await prisma.outboxEmail.updateMany({ where: ours, data: { status: 'pending', lastError, availableAt } });
        logger.warn({ id: row.id, template: row.template, attempts: row.attempts, error: lastError, retryAt: availableAt }, 'email not sent, will retry');
        result.retried++;
      }
      continue;
    }
    if (outcome === ABORTED) {
      inFlight = row.id; // it may or may not have left: it goes again, with the same Message-ID
      break;
    }
    const settled = await prisma.outboxEmail.updateMany({ where: ours, data: { status: 'sent', sentAt: clock(), lastError: null } });
    if (settled.count !== 1) logger.warn({ id: row.id }, 'email sent, but another worker had taken it over');
    result.sent++;
  }
  dispose();
  await release(prisma, claimed.slice(index), inFlight, clock());
  return result;
}

/**
 * Puts messages claimed but not sent (the worker is stopping) back to `pending`, due at once, so that another
 * instance sends them without waiting for RECLAIM_AFTER_MS. Those never tried get their attempt back.
 */
async function release(prisma: PrismaClient, rows: ClaimedRow[], inFlight: string | undefined, now: Date): Promise<void> {
  for (const row of rows) {
    const tried = row.id === inFlight;
    await prisma.outboxEmail.updateMany({
      where: { id: row.id, status: 'sending', attempts: row.attempts },
      data: { status: 'pending', availableAt: now, ...(tried ? {} : { attempts: row.attempts - 1 }) },
    });
  }
}

function abortPromise(signal: AbortSignal | undefined): { aborted: Promise<typeof ABORTED>; dispose: () => void } {
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<typeof ABORTED>((resolve) => {
    if (!signal) return;
    if (signal.aborted) resolve(ABORTED);
    onAbort = () => resolve(ABORTED);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  return { aborted, dispose: () => onAbort && signal?.removeEventListener('abort', onAbort) };
}

/** Drains until nothing is due (for tests and scripts); stops after `maxRounds` batches. */
export async function drainUntilEmpty(
  prisma: PrismaClient, transport: MailTransport, logger: Logger, options: DrainOptions & { maxRounds?: number } = {},
): Promise<DrainResult> {
  const total: DrainResult = { sent: 0, failed: 0, retried: 0 };
  for (let round = 0; round < (options.maxRounds ?? 1000); round++) {
    const r = await drainOutbox(prisma, transport, logger, options);
    total.sent += r.sent;
    total.failed += r.failed;
    total.retried += r.retried;
    if (r.sent + r.failed + r.retried === 0) break;
  }
  return total;
}
