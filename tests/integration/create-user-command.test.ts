import { spawnSync } from 'node:child_process';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import type { Database } from '../../src/db/database.js';
import { DEMO_PASSWORD } from '../../src/demo/accounts.js';
import { createLogger } from '../../src/lib/logger.js';
import { testConfig } from '../helpers/app.js';
import { createTestDatabase, DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { browserLike } from '../helpers/forms.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
let db: Database;
beforeAll(async () => {
  db = await createTestDatabase(DEMO_TEMPLATE_DB);
});
afterAll(() => db.close());

function run(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/create-user.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: db.url, PUBLIC_URL: 'http://jisr.test', LOG_LEVEL: 'silent' },
    encoding: 'utf8',
  });
}

describe('npm run user:create', () => {
  it('creates an officer who chooses a password through a single-use link', async () => {
    const result = run(['--role', 'officer', '--email', 'Nadia.Bennani@iom.int', '--name', 'نادية بناني']);
    expect(result.status, result.stderr).toBe(0);
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: 'nadia.bennani@iom.int' } });
    expect(user).toMatchObject({ role: 'officer', displayName: 'نادية بناني', status: 'active' });
    const link = /(http:\/\/jisr\.test\/password\/reset\/[\w-]+)/.exec(result.stdout)?.[1];
    expect(link).toBeDefined();
    const app = createApp({ config: testConfig(), db, logger: createLogger('silent') });
    const resetPath = new URL(link!).pathname;
    const b = browserLike(app);
    const reset = await b.post(resetPath, resetPath, { password: 'Mon bureau donne sur la mer à Tanger' });
    expect(reset.status).toBe(303);
    expect((await b.signIn('nadia.bennani@iom.int', 'Mon bureau donne sur la mer à Tanger')).status).toBe(303);
    expect(await db.prisma.auditLog.count({ where: { action: 'user.created_by_command', entityId: user.id } })).toBe(1);
  });

  it('refuses bad arguments and an address already taken, creating nothing', async () => {
    const before = await db.prisma.user.count();
    expect(run(['--role', 'chief', '--email', 'x@y.z', '--name', 'X']).status).toBe(2);
    expect(run(['--role', 'admin', '--email', 'officer@demo.jisr.local', '--name', 'Someone']).status).toBe(1);
    expect(await db.prisma.user.count()).toBe(before);
  });
});

describe('in production', () => {
  it('refuses the documented demo accounts even with the right password', async () => {
    const app = createApp({ config: testConfig({ env: 'production' }), db, logger: createLogger('silent') });
    const res = await browserLike(app).signIn('officer@demo.jisr.local', DEMO_PASSWORD);
    expect(res.status).toBe(401);
    await request(app).get('/healthz').expect(200);
  });
});
