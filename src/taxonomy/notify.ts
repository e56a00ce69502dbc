import pg from 'pg';
import type { Prisma } from '../db/prisma.js';
import type { Logger } from '../lib/logger.js';

/** The PostgreSQL channel on which a change of reference data is announced to every instance. */
export const REFERENCE_CHANNEL = 'jisr_reference';
export type ReferenceTopic = 'skills';

/**
 * Announces a change inside the transaction that makes it: PostgreSQL delivers the notification at commit and
 * drops it at rollback, so no instance throws its cache away for a change that did not happen.
 */
export async function announceReferenceChange(tx: Prisma.TransactionClient, topic: ReferenceTopic): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${REFERENCE_CHANNEL}, ${topic})`;
}

export interface ReferenceListener { stop(): Promise<void> }

/**
 * Each instance holds one connection that LISTENs and runs `onChange` for every announced topic (the caches then
 * reload on their next use). A lost connection is re-opened after a pause, and the caches are cleared then too,
 * since changes made meanwhile were not heard.
 */
export function listenForReferenceChanges(url: string, onChange: (topic: string) => void, logger: Logger, retryMs = 2000): ReferenceListener {
  let client: pg.Client | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const connect = async () => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (msg) => onChange(msg.payload ?? ''));
    c.on('error', (err) => {
      logger.warn({ err }, 'reference listener: connection lost; reconnecting');
      c.end().catch(() => undefined);
      if (client === c) client = undefined;
      schedule();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${REFERENCE_CHANNEL}`);
      client = c;
      onChange('*');
      if (stopped) await c.end();
    } catch (err) {
      logger.warn({ err }, 'reference listener: cannot listen; retrying');
      c.end().catch(() => undefined);
      schedule();
    }
  };
  const schedule = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => { timer = undefined; void connect(); }, retryMs);
    timer.unref();
  };
  const ready = connect();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await ready;
      await client?.end().catch(() => undefined);
    },
  };
}
