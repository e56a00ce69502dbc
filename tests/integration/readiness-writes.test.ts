import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import type { Database } from '../../src/db/database.js';
import { createLogger } from '../../src/lib/logger.js';
import { enqueueEmail } from '../../src/mail/outbox.js';
import { startOutboxWorker } from '../../src/mail/worker-loop.js';
import { Health } from '../../src/ops/health.js';
import { testConfig } from '../helpers/app.js';
import { createTestDatabase } from '../helpers/db.js';
import { browserLike } from '../helpers/forms.js';

// With the disk full, 398 of 400 writes failed while /readyz stayed 200: a ping still answers when writes do not.
// The disk-full error is played by a trigger raising PostgreSQL's own SQLSTATE for it (53100 disk_full).

const logger = createLogger('silent');
let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

async function diskFullOn(table: string, event: 'INSERT' | 'UPDATE') {
  await db.pool.query(`CREATE OR REPLACE FUNCTION jisr_test_disk_full() RETURNS trigger AS $$
    BEGIN RAISE EXCEPTION 'could not extend file "base/1/2": No space left on device' USING ERRCODE = '53100'; END $$ LANGUAGE plpgsql`);
  await db.pool.query(`CREATE TRIGGER jisr_test_disk_full BEFORE ${event} ON "${table}" FOR EACH ROW EXECUTE FUNCTION jisr_test_disk_full()`);
  return () => db.pool.query(`DROP TRIGGER jisr_test_disk_full ON "${table}"`).then(() => undefined);
}

async function eventually(check: () => Promise<boolean>, ms = 10_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('/readyz and failing writes', () => {
  it("says 503 while the outbox worker's writes fail, and 200 again once they succeed", async () => {
    const health = new Health();
    const app = createApp({ config: testConfig(), db, logger, health });
    await request(app).get('/readyz').expect(200);
    await enqueueEmail(db.prisma, { to: 'a@example.org', locale: 'fr', template: 'verify_email', params: { name: 'A', link: 'http://jisr.test/x' } });
    const restore = await diskFullOn('OutboxEmail', 'UPDATE');
    const worker = startOutboxWorker(db.prisma, { send: async () => undefined }, logger, { intervalMs: 50, reporter: health });
    try {
      await eventually(async () => (await request(app).get('/readyz')).status === 503);
      const res = await request(app).get('/readyz').expect(503);
      expect(res.body).toEqual({ status: 'unavailable', database: 'up', writes: 'failing', failing: ['outbox'] });
      expect(JSON.stringify(res.body)).not.toContain('base/1/2'); // details stay in the log
      await restore();
      await eventually(async () => (await request(app).get('/readyz')).status === 200);
    } finally {
      await worker.stop();
    }
  });

  it('says 503 after a request failed because the database could not write, for a while', async () => {
    let now = 1_000_000;
    const health = new Health({ failureWindowMs: 30_000, now: () => now });
    const app = createApp({ config: testConfig(), db, logger, health });
    const restore = await diskFullOn('User', 'INSERT');
    try {
      const res0 = await browserLike(app).post('/register/expert', '/register/expert', {
        firstName: 'Nadia', lastName: 'Benali', email: 'nadia@example.org', password: 'Tajine-Orbit-Lantern-93', kind: 'diaspora', consent: 'on',
      });
      expect(res0.status).toBe(500);
      const res = await request(app).get('/readyz').expect(503);
      expect(res.body.failing).toEqual(['requests']);
    } finally {
      await restore();
    }
    now += 31_000; // no failure since: the outage is over
    await request(app).get('/readyz').expect(200);
  });

  it('does not count an ordinary bug as an outage', async () => {
    const health = new Health();
    health.writeFailed('job:x', new Error('TypeError: cannot read properties of undefined'));
    expect(health.failingWrites()).toEqual([]);
  });
});
