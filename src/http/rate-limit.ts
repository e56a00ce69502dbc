import type { Request } from 'express';
import {
  rateLimit as expressRateLimit,
  type ClientRateLimitInfo,
  type Logger,
  type Options,
  type RateLimitRequestHandler,
  type Store,
} from 'express-rate-limit';
import type pg from 'pg';
import { AppError } from './app-error.js';

// Rows whose window ended more than a day ago are garbage; one instance deleting them now and then is enough.
const SWEEP_EVERY_MS = 10 * 60_000;

// "resetAt" is TIMESTAMP without time zone and Prisma keeps such columns in UTC: compare and store in UTC, and read
// it back as timestamptz so node-pg builds the right instant whatever the server's or the process's time zone.
const NOW = `(now() AT TIME ZONE 'UTC')`;
const INCREMENT = `
  INSERT INTO "RateLimit" (key, hits, "resetAt") VALUES ($1, 1, ${NOW} + $2 * interval '1 millisecond')
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN "RateLimit"."resetAt" <= ${NOW} THEN 1 ELSE "RateLimit".hits + 1 END,
    "resetAt" = CASE WHEN "RateLimit"."resetAt" <= ${NOW} THEN EXCLUDED."resetAt" ELSE "RateLimit"."resetAt" END
  RETURNING hits, "resetAt" AT TIME ZONE 'UTC' AS "resetAt"`;

/**
 * express-rate-limit counters in PostgreSQL, so they survive restarts and every instance behind the load balancer
 * shares them. One atomic upsert per hit: concurrent requests can neither both see the same count nor lose a hit.
 */
export class PostgresRateLimitStore implements Store {
  readonly localKeys = false;
  readonly prefix: string;
  private windowMs = 60_000;
  private lastSweep = 0;
  private logger: Logger | undefined;

  constructor(
    private readonly pool: pg.Pool,
    name: string,
  ) {
    this.prefix = `${name}:`;
  }

  init(options: Options): void {
    this.windowMs = options.windowMs;
    this.logger = options.logger;
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const { rows } = await this.pool.query<{ hits: number; resetAt: Date }>(
      `SELECT hits, "resetAt" AT TIME ZONE 'UTC' AS "resetAt" FROM "RateLimit" WHERE key = $1 AND "resetAt" > ${NOW}`,
      [this.prefix + key],
    );
    const row = rows[0];
    return row && { totalHits: row.hits, resetTime: row.resetAt };
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    this.maybeSweep();
    const { rows } = await this.pool.query<{ hits: number; resetAt: Date }>(INCREMENT, [this.prefix + key, this.windowMs]);
    const row = rows[0]!;
    return { totalHits: row.hits, resetTime: row.resetAt };
  }

  /** Used by skipSuccessfulRequests; never below zero, and a window that has ended is left alone. */
  async decrement(key: string): Promise<void> {
    await this.pool.query(
      `UPDATE "RateLimit" SET hits = GREATEST(hits - 1, 0) WHERE key = $1 AND "resetAt" > ${NOW}`,
      [this.prefix + key],
    );
  }

  async resetKey(key: string): Promise<void> {
    await this.pool.query(`DELETE FROM "RateLimit" WHERE key = $1`, [this.prefix + key]);
  }

  /** This limiter's counters only; `left()` rather than LIKE so a name holding % or _ matches literally. */
  async resetAll(): Promise<void> {
    await this.pool.query(`DELETE FROM "RateLimit" WHERE left(key, length($1)) = $1`, [this.prefix]);
  }

  /** Deletes the rows of every limiter whose window ended over a day ago; returns how many went. */
  async deleteExpired(): Promise<number> {
    const result = await this.pool.query(`DELETE FROM "RateLimit" WHERE "resetAt" < ${NOW} - interval '1 day'`);
    return result.rowCount ?? 0;
  }

  // Fire and forget: a slow or failed clean-up must never delay or fail the request that triggered it.
  private maybeSweep(): void {
    const now = Date.now();
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    this.deleteExpired().catch((err: unknown) => this.logger?.warn(err, 'rate-limit: clean-up of expired rows failed'));
  }
}

export interface RateLimitOptions {
  /** Names the counters (key prefix) and the policy in the RateLimit-Policy header: one name per limiter. */
  name: string;
  windowMs: number;
  /** a number, or one per request (the partner API reads each key's own limit) */
  limit: number | ((req: Request) => number);
  /** Defaults to the client address (req.ip, IPv6 grouped by /56 so one host cannot rotate through its block). */
  key?: (req: Request) => string;
  skipSuccessfulRequests?: boolean;
  /** Counts only the requests answered below 400 (a refused form is given back its hit when answered). */
  skipFailedRequests?: boolean;
  /** Where express-rate-limit reports misconfigurations; the console when absent. */
  logger?: Logger;
}

/**
 * A limiter whose refusal goes through the app's error handler as a 429 page in the user's language.
 * The client address is Express's req.ip, which honours the app's `trust proxy` hop count; reading
 * X-Forwarded-For here instead would let any client choose its own key.
 */
export function rateLimit(pool: pg.Pool, options: RateLimitOptions): RateLimitRequestHandler {
  return expressRateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    store: new PostgresRateLimitStore(pool, options.name),
    // Without a custom key the library's own generator runs, with its checks of req.ip and `trust proxy`.
    ...(options.key ? { keyGenerator: options.key } : {}),
    skipSuccessfulRequests: options.skipSuccessfulRequests ?? false,
    skipFailedRequests: options.skipFailedRequests ?? false,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    identifier: options.name,
    handler: (_req, _res, next) => next(new AppError(429, 'errors.tooManyRequests')),
    ...(options.logger ? { logger: options.logger } : {}),
    // Keep the checks that catch real mistakes (trust proxy `true`, X-Forwarded-For with no trust proxy, a store
    // shared by two limiters, a key counted twice, an IP key that ignores IPv6 subnets). creationStack objects to a
    // limiter built inside a handler, which loses counts with a per-process memory store but not with PostgreSQL.
    validate: { default: true, creationStack: false },
  });
}
