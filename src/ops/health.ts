/** Where failing database writes are reported: the outbox worker, the periodic jobs, the request error handler. */
export interface WriteReporter {
  /** any failure of the source; only those that say the database cannot write (isWriteOutage) count */
  writeFailed(source: string, err: unknown): void;
  writeSucceeded(source: string): void;
}

interface Failure {
  error: string;
  at: number;
}

/**
 * What readiness knows beyond a ping. A ping (`SELECT 1`) still answers when the disk is full or the server went
 * read-only, while every write fails: so the components that write report their failures here, and /readyz says
 * 503 while one is recent. A source's failure ends when that source succeeds again, or `failureWindowMs` after the
 * last failure (requests never report success; if writes still fail, the next one reports again).
 * Also: whether the process is draining (a stop signal came), so that a load balancer sends it nothing new.
 */
export class Health implements WriteReporter {
  #draining = false;
  readonly #failures = new Map<string, Failure>();
  readonly #windowMs: number;
  readonly #now: () => number;

  constructor(options: { failureWindowMs?: number; now?: () => number } = {}) {
    this.#windowMs = options.failureWindowMs ?? 30_000;
    this.#now = options.now ?? Date.now;
  }

  get draining(): boolean {
    return this.#draining;
  }

  startDraining(): void {
    this.#draining = true;
  }

  writeFailed(source: string, err: unknown): void {
    // A bug in one job must not take every instance out of the load balancer: only outages count.
    if (!isWriteOutage(err)) return;
    const error = (err instanceof Error ? err.message : String(err)).trim().split('\n').pop()!.slice(0, 200);
    this.#failures.set(source, { error, at: this.#now() });
  }

  writeSucceeded(source: string): void {
    this.#failures.delete(source);
  }

  /** The sources whose writes failed recently, with their last error; empty when writes work. */
  failingWrites(): { source: string; error: string }[] {
    const since = this.#now() - this.#windowMs;
    return [...this.#failures]
      .filter(([, f]) => f.at >= since)
      .map(([source, f]) => ({ source, error: f.error }));
  }
}

/**
 * The SQLSTATE of a database error, from pg (`code`) or from Prisma's driver adapter (somewhere in `cause`/`meta`).
 */
export function sqlState(err: unknown, depth = 0): string | undefined {
  if (!err || typeof err !== 'object' || depth > 4) return undefined;
  const e = err as Record<string, unknown>;
  for (const key of ['originalCode', 'code']) {
    const v = e[key];
    // Prisma's own codes (P1xxx, P2xxx…) look alike; PostgreSQL's P-class is only P0 (PL/pgSQL).
    if (typeof v === 'string' && /^[0-9A-Z]{5}$/.test(v) && !/^P[1-9]/.test(v)) return v;
  }
  for (const key of ['cause', 'meta', 'driverAdapterError']) {
    const found = sqlState(e[key], depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Errors that say the database cannot take writes, not that one request was wrong: insufficient resources (53:
 * disk full, out of memory), system and I/O errors (58), a read-only server (25006), a server starting or
 * stopping (57P0x).
 */
export function isWriteOutage(err: unknown): boolean {
  const code = sqlState(err);
  return !!code && (code.startsWith('53') || code.startsWith('58') || code === '25006' || code.startsWith('57P0'));
}

/** An error handler placed before the app's own: notes write outages for readiness, then passes the error on. */
export function noteWriteOutages(reporter: WriteReporter) {
  return (err: unknown, _req: unknown, _res: unknown, next: (err: unknown) => void) => {
    reporter.writeFailed('requests', err);
    next(err);
  };
}
