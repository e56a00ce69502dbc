import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { connectDatabase, type Database } from '../../src/db/database.js';
import { createLogger } from '../../src/lib/logger.js';
import { testConfig } from '../helpers/app.js';
import { createTestDatabase } from '../helpers/db.js';
import { startTcpProxy } from '../helpers/tcp-proxy.js';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

describe('health and readiness', () => {
  it('answers /healthz with {"status":"ok"}', async () => {
    const app = createApp({ config: testConfig(), db, logger: createLogger('silent') });
    const res = await request(app).get('/healthz').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('fails /readyz while the database is unreachable and recovers when it returns', async () => {
    const target = new URL(db.url);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
    const viaProxy = new URL(db.url);
    viaProxy.port = String(proxy.port);
    const proxied = connectDatabase(viaProxy.toString(), createLogger('silent'), 2);
    const app = createApp({ config: testConfig(), db: proxied, logger: createLogger('silent') });
    try {
      await request(app).get('/readyz').expect(200, { status: 'ok', database: 'up' });
      await proxy.cut();
      const down = await request(app).get('/readyz').expect(503);
      expect(down.body).toEqual({ status: 'unavailable', database: 'down' });
      await request(app).get('/healthz').expect(200);
      await proxy.restore();
      await request(app).get('/readyz').expect(200);
    } finally {
      await proxied.close().catch(() => undefined);
      await proxy.close();
    }
  });

  it('answers every page with strict security headers and a request id', async () => {
    const app = createApp({ config: testConfig(), db, logger: createLogger('silent') });
    const res = await request(app).get('/');
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
