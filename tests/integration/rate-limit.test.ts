import type { Server } from 'node:http';
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectDatabase, type Database } from '../../src/db/database.js';
import { AppError } from '../../src/http/app-error.js';
import { errorHandler } from '../../src/http/errors.js';
import { PostgresRateLimitStore, rateLimit, type RateLimitOptions } from '../../src/http/rate-limit.js';
import { createLogger } from '../../src/lib/logger.js';
import { createTestDatabase } from '../helpers/db.js';

let db: Database;
// Every limiter reports its misconfiguration warnings here: none is expected.
const limiterLogger = { warn: vi.fn(), error: vi.fn() };
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  expect(limiterLogger.warn).not.toHaveBeenCalled();
  expect(limiterLogger.error).not.toHaveBeenCalled();
  await db.close();
});

type Limit = Omit<RateLimitOptions, 'logger'>;

/** Routes behind the limiter, then the app's own error handler, asked for JSON (no views are set up here). */
function appWith(pool: Database['pool'], options: Limit, trustProxy = 0) {
  const app = express();
  app.set('trust proxy', trustProxy);
  app.use((req, _res, next) => {
    req.headers.accept = 'application/json';
    next();
  });
  app.get('/', rateLimit(pool, { ...options, logger: limiterLogger }), (_req, res) => {
    res.send('ok');
  });
  app.post('/login', rateLimit(pool, { ...options, logger: limiterLogger }), (req, res, next) => {
    if (req.query.ok === '1') res.send('welcome');
    else next(new AppError(401, 'errors.badCredentials'));
  });
  app.use(errorHandler(createLogger('silent')));
  return app;
}

const hits = async (key: string) =>
  (await db.pool.query<{ hits: number }>('SELECT hits FROM "RateLimit" WHERE key = $1', [key])).rows[0]?.hits;

describe('PostgreSQL-backed rate limits', () => {
  it('refuses the (limit+1)-th request of the window with a 429 through the error handler', async () => {
    const app = appWith(db.pool, { name: 'basic', windowMs: 60_000, limit: 3 });
    for (let i = 0; i < 3; i++) await request(app).get('/').expect(200, 'ok');
    const res = await request(app).get('/').expect(429);
    expect(res.body).toEqual({ error: 'errors.tooManyRequests' });
    expect(res.headers['ratelimit-policy']).toMatch(/^"basic"; q=3; w=60;/);
    expect(res.headers['ratelimit']).toMatch(/^"basic"; r=0; t=\d+/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.headers['x-ratelimit-limit']).toBeUndefined();
    expect(await hits('basic:127.0.0.1')).toBe(4);
  });

  it('keeps counting across a restart: a new app and pool on the same database continue the count', async () => {
    const options = { name: 'restart', windowMs: 60_000, limit: 3 };
    await request(appWith(db.pool, options)).get('/').expect(200);
    await request(appWith(db.pool, options)).get('/').expect(200);
    const other = connectDatabase(db.url, createLogger('silent'), 2);
    try {
      const restarted = appWith(other.pool, options);
      await request(restarted).get('/').expect(200);
      await request(restarted).get('/').expect(429);
    } finally {
      await other.close();
    }
  });

  it('keeps separate counts for limiters with different names', async () => {
    const first = appWith(db.pool, { name: 'first', windowMs: 60_000, limit: 1 });
    const second = appWith(db.pool, { name: 'second', windowMs: 60_000, limit: 1 });
    await request(first).get('/').expect(200);
    await request(first).get('/').expect(429);
    await request(second).get('/').expect(200);
  });

  it('starts a new window once the old one has ended', async () => {
    const app = appWith(db.pool, { name: 'window', windowMs: 300, limit: 2 });
    await request(app).get('/').expect(200);
    await request(app).get('/').expect(200);
    await request(app).get('/').expect(429);
    await new Promise((r) => setTimeout(r, 400));
    await request(app).get('/').expect(200);
    expect(await hits('window:127.0.0.1')).toBe(1);
  });

  it('lets exactly `limit` of many concurrent requests through', async () => {
    const app = appWith(db.pool, { name: 'burst', windowMs: 60_000, limit: 25 });
    const server: Server = app.listen(0, '127.0.0.1');
    try {
      const statuses = await Promise.all(Array.from({ length: 40 }, () => request(server).get('/').then((r) => r.status)));
      expect(statuses.filter((s) => s === 200)).toHaveLength(25);
      expect(statuses.filter((s) => s === 429)).toHaveLength(15);
      expect(await hits('burst:127.0.0.1')).toBe(40);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('ignores X-Forwarded-For when no proxy is trusted', async () => {
    const app = appWith(db.pool, { name: 'direct', windowMs: 60_000, limit: 3 }, 0);
    const forged = (i: number) => request(app).get('/').set('X-Forwarded-For', `198.51.100.${i}`);
    for (let i = 1; i <= 3; i++) await forged(i).expect(200);
    await forged(4).expect(429);
    await forged(5).expect(429);
    expect(await hits('direct:127.0.0.1')).toBe(5);
  });

  it('behind one proxy, counts the address the proxy appended, not what the client forged before it', async () => {
    const app = appWith(db.pool, { name: 'proxied', windowMs: 60_000, limit: 3 }, 1);
    const forgedEntry = () => `198.51.100.${Math.floor(Math.random() * 254) + 1}`;
    const via = (client: string) => request(app).get('/').set('X-Forwarded-For', `${forgedEntry()}, ${client}`);
    for (let i = 0; i < 3; i++) await via('203.0.113.7').expect(200);
    await via('203.0.113.7').expect(429);
    await via('203.0.113.8').expect(200);
    expect(await hits('proxied:203.0.113.7')).toBe(4);
  });

  it('with skipSuccessfulRequests and a custom key, counts only the failures of that key', async () => {
    const app = appWith(db.pool, {
      name: 'login',
      windowMs: 60_000,
      limit: 2,
      skipSuccessfulRequests: true,
      key: (req) => String(req.query.email ?? '').toLowerCase(),
    });
    const login = (email: string, ok: boolean) => request(app).post(`/login?email=${email}${ok ? '&ok=1' : ''}`);
    for (let i = 0; i < 4; i++) await login('amina@example.org', true).expect(200);
    await login('amina@example.org', false).expect(401);
    await login('AMINA@example.org', false).expect(401);
    await login('amina@example.org', true).expect(429);
    await login('yassine@example.org', false).expect(401);
    // The decrement for a success runs once the response has finished, after the client has its answer.
    await vi.waitFor(async () => expect(await hits('login:amina@example.org')).toBe(3));
  });

  it('deletes counters whose window ended over a day ago, and only those', async () => {
    await db.pool.query(`INSERT INTO "RateLimit" (key, hits, "resetAt") VALUES
      ('old:a', 9, (now() AT TIME ZONE 'UTC') - interval '25 hours'),
      ('old:b', 9, (now() AT TIME ZONE 'UTC') - interval '23 hours')`);
    const store = new PostgresRateLimitStore(db.pool, 'old');
    expect(await store.deleteExpired()).toBe(1);
    expect(await hits('old:a')).toBeUndefined();
    expect(await hits('old:b')).toBe(9);
  });

  it('reads, resets and decrements through the store interface', async () => {
    const store = new PostgresRateLimitStore(db.pool, 'iface');
    store.init({ windowMs: 60_000 } as Parameters<PostgresRateLimitStore['init']>[0]);
    expect(await store.get('k')).toBeUndefined();
    const first = await store.increment('k');
    expect(first.totalHits).toBe(1);
    // The reset time is a real instant about one window ahead, whatever the time zones involved.
    expect(Math.abs(first.resetTime!.getTime() - Date.now() - 60_000)).toBeLessThan(5_000);
    await store.increment('k');
    await store.decrement('k');
    expect((await store.get('k'))?.totalHits).toBe(1);
    await store.resetKey('k');
    expect(await store.get('k')).toBeUndefined();
    await store.increment('k');
    await new PostgresRateLimitStore(db.pool, 'other').increment('k');
    await store.resetAll();
    expect(await hits('iface:k')).toBeUndefined();
    expect(await hits('other:k')).toBe(1);
  });
});
