import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { DEMO_PASSWORD } from '../../src/demo/accounts.js';
import { createTestDatabase, DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { csrfFrom } from '../helpers/forms.js';
import { escapeHtml } from '../helpers/security.js';
import { killStartedServers, startServer } from '../helpers/server-process.js';

// Two app processes on one database, as behind a load balancer: a skill renamed through A shows on B's pages,
// whose matcher keeps the taxonomy in a per-process cache that only the NOTIFY from A can empty.

let db: Database;
let tmp: string;
const base: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase(DEMO_TEMPLATE_DB);
  tmp = mkdtempSync(path.join(os.tmpdir(), 'jisr-ref-'));
  chmodSync(tmp, 0o755);
  const servers = ['a', 'b'].map((name) => startServer({
    DATABASE_URL: db.url, SESSION_SECRET: 'reference-two-instances-secret-0123456789abcdef', DATA_DIR: path.join(tmp, name), PORT: '0', PUBLIC_URL: 'http://jisr.test',
  }));
  for (const s of servers) base.push(`http://127.0.0.1:${await s.serving()}`);
}, 120_000);
afterAll(async () => {
  killStartedServers();
  await db?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const cookieOf = (res: { headers: Record<string, unknown> }) =>
  ((res.headers['set-cookie'] as string[] | undefined) ?? []).find((c) => c.startsWith('jisr.sid='))?.split(';')[0];

async function signIn(url: string, email: string): Promise<string> {
  const page = await request(url).get('/login');
  const res = await request(url).post('/login').set('Cookie', cookieOf(page)!).type('form').send({ _csrf: csrfFrom(page.text), email, password: DEMO_PASSWORD });
  expect(res.status).toBe(303);
  return cookieOf(res)!;
}

describe('reference data across instances', () => {
  it('a skill renamed through instance A is shown renamed by instance B within seconds', async () => {
    const expertCookie = await signIn(base[1]!, 'expert@demo.jisr.local');
    const page = async () => (await request(base[1]!).get('/opportunities').set('Cookie', expertCookie)).text;
    const before = await page(); // fills B's taxonomy cache
    // Only the reasons' lines: their skill names come from the matcher's cached taxonomy, not from a fresh query.
    const reasons = (html: string) => [...html.matchAll(/data-testid="match-reason"><span dir="auto">([^<]*)</g)].map((m) => m[1]!).join('\n');
    const skills = await db.prisma.skill.findMany({ select: { code: true, labelFr: true, labelAr: true, labelEn: true } });
    const found = skills.filter((s) => reasons(before).includes(escapeHtml(s.labelFr))).sort((x, y) => y.labelFr.length - x.labelFr.length)[0];
    expect(found, `a skill named in the reasons on /opportunities:\n${reasons(before).slice(0, 500)}`).toBeDefined();
    const shown = { skill: found! };
    const renamed = `${shown.skill.labelFr} (renommée)`;

    const adminCookie = await signIn(base[0]!, 'admin@demo.jisr.local');
    const form = await request(base[0]!).get('/admin/reference').set('Cookie', adminCookie);
    const res = await request(base[0]!).post('/admin/reference/skills/rename').set('Cookie', adminCookie).type('form').send({
      _csrf: csrfFrom(form.text), code: shown.skill.code, labelFr: renamed, labelAr: shown.skill.labelAr, labelEn: shown.skill.labelEn,
    });
    expect(res.status).toBe(303);
    await expect.poll(async () => reasons(await page()).includes(escapeHtml(renamed)), { timeout: 10_000, interval: 300 }).toBe(true);
  }, 60_000);
});
