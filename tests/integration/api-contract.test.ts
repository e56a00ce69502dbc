import { createHash } from 'node:crypto';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import type { Database } from '../../src/db/database.js';
import { DEMO_PASSWORD } from '../../src/demo/accounts.js';
import { createLogger } from '../../src/lib/logger.js';
import { testConfig } from '../helpers/app.js';
import { createTestDatabase, DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { csrfFrom } from '../helpers/forms.js';
import { byTestId, LOOSE_LIMITS, signedIn } from '../helpers/security.js';

type Doc = { paths: Record<string, { get: { responses: Record<string, { content?: Record<string, { schema: object }> }> } }>; components: object };

let db: Database;
let app: Express;
let doc: Doc;
let admin: Awaited<ReturnType<typeof signedIn>>;
let fullKey: string;
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const exercised = new Set<string>();

const appOn = () => createApp({ config: testConfig(), db, logger: createLogger('silent'), limits: LOOSE_LIMITS });

/** Creates a key through the admin page; returns the key shown once. */
async function createKey(partner: string, scopes: string[], requestsPerMinute = 1000) {
  const page = await admin.agent.get('/admin/api-keys');
  const res = await admin.agent.post('/admin/api-keys').type('form').send(`_csrf=${encodeURIComponent(csrfFrom(page.text))}&partner=${encodeURIComponent(partner)}&requestsPerMinute=${requestsPerMinute}&${scopes.map((s) => `scopes=${encodeURIComponent(s)}`).join('&')}`);
  expect(res.status).toBe(201);
  return byTestId(res.text, 'api-key-once')!;
}

/**
 * Every API response of this file goes through here: its body must match the schema the OpenAPI document gives
 * for that path, status and content type. A response the document does not describe fails the test.
 */
async function call(path: string, key: string | undefined, headers: Record<string, string> = {}, on: Express = app) {
  const req = request(on).get(`/api/v1${path}`);
  if (key) req.set('Authorization', `Bearer ${key}`);
  for (const [k, v] of Object.entries(headers)) req.set(k, v);
  const res = await req;
  const bare = path.split('?')[0]!;
  const template = Object.keys(doc.paths).find((p) => new RegExp(`^${p.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(bare));
  expect(template, `documented path for ${bare}`).toBeDefined();
  const response = doc.paths[template!]!.get.responses[String(res.status)];
  expect(response, `documented ${res.status} for ${template}`).toBeDefined();
  if (res.status !== 304) {
    const type = String(res.headers['content-type']).split(';')[0]!;
    const schema = response!.content?.[type]?.schema;
    expect(schema, `schema for ${res.status} ${type} of ${template}`).toBeDefined();
    const validate = ajv.compile({ ...schema, components: doc.components });
    const body = type.endsWith('json') ? JSON.parse(res.text) : res.text;
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
  }
  exercised.add(`${template} ${res.status}`);
  return res;
}

beforeAll(async () => {
  db = await createTestDatabase(DEMO_TEMPLATE_DB);
  app = appOn();
  doc = (await request(app).get('/api/v1/openapi.json')).body as Doc;
  admin = await signedIn(app, 'admin@demo.jisr.local', DEMO_PASSWORD);
  fullKey = await createKey('Ministère des MRE', ['needs:read', 'institutions:read', 'opportunities:read', 'statistics:read']);
});
afterAll(() => db?.close());

describe('partner API keys', () => {
  it('shows the key once and stores only its sha256', async () => {
    expect(fullKey).toMatch(/^jisr_[A-Za-z0-9_-]{43}$/);
    const row = await db.prisma.apiKey.findFirstOrThrow({ where: { partner: 'Ministère des MRE' } });
    expect(row.keyHash).toBe(createHash('sha256').update(fullKey).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(fullKey.slice(13));
    const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM "ApiKey" WHERE position($1 in "ApiKey"::text) > 0`, [fullKey]);
    expect(rows[0].n).toBe(0);
    const list = await admin.agent.get('/admin/api-keys');
    expect(list.text).not.toContain(fullKey);
    expect(list.text).not.toContain('data-testid="api-key-once"');
  });

  it('refuses a key without partner or scope, and keeps the pages from other roles', async () => {
    const page = await admin.agent.get('/admin/api-keys');
    const res = await admin.agent.post('/admin/api-keys').type('form').send({ _csrf: csrfFrom(page.text), partner: '', requestsPerMinute: '0' });
    expect(res.status).toBe(400);
    expect(byTestId(res.text, 'field-error-scopes')).toBeTruthy();
    expect(byTestId(res.text, 'field-error-requestsPerMinute')).toBeTruthy();
    expect(await db.prisma.apiKey.count()).toBe(1);
    const officer = await signedIn(app, 'officer@demo.jisr.local', DEMO_PASSWORD);
    expect((await officer.agent.get('/admin/api-keys')).status).toBe(403);
  });

  it('answers an unknown, a missing and a revoked key with problem details, and notes the last use', async () => {
    expect((await call('/needs', 'jisr_unknown')).body).toMatchObject({ status: 401, type: '/api/v1/problems/unknown-key' });
    expect((await call('/needs', undefined)).status).toBe(401);
    const key = await createKey('Consulat', ['needs:read']);
    expect((await call('/needs', key)).status).toBe(200);
    const row = await db.prisma.apiKey.findFirstOrThrow({ where: { partner: 'Consulat' } });
    expect(row.lastUsedAt).not.toBeNull();
    expect((await call('/institutions', key)).body).toMatchObject({ status: 403, type: '/api/v1/problems/missing-scope' });
    const page = await admin.agent.get('/admin/api-keys');
    expect((await admin.agent.post(`/admin/api-keys/${row.id}/revoke`).type('form').send({ _csrf: csrfFrom(page.text) })).status).toBe(303);
    const res = await call('/needs', key);
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.type).toBe('/api/v1/problems/revoked-key');
  });

  it('limits requests per key, at the key own rate, in PostgreSQL, without touching another key', async () => {
    const key = await createKey('Association', ['statistics:read'], 3);
    for (let i = 0; i < 3; i++) expect((await call('/statistics', key)).status).toBe(200);
    const refused = await call('/statistics', key);
    expect(refused.status).toBe(429);
    expect(refused.body.type).toBe('/api/v1/problems/rate-limited');
    // A second instance on the same database shares the count; another key has its own.
    expect((await call('/statistics', key, {}, appOn())).status).toBe(429);
    expect((await call('/statistics', fullKey)).status).toBe(200);
  });
});

describe('partner API data', () => {
  it('pages through published needs with cursors, in the reader language, with filters', async () => {
    const published = await db.prisma.need.count({ where: { status: 'published' } });
    const seen: string[] = [];
    let next: string | null = '';
    while (next !== null) {
      const res = await call(`/needs?limit=50${next ? `&cursor=${next}` : ''}`, fullKey);
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((n: { id: string }) => n.id));
      next = res.body.next;
    }
    expect(seen.length).toBe(published);
    expect(new Set(seen).size).toBe(seen.length);
    const one = (await call(`/needs/${seen[0]}`, fullKey, { 'Accept-Language': 'ar, fr;q=0.5' })).body;
    const region = await db.prisma.region.findUniqueOrThrow({ where: { code: one.region.code } });
    expect(one.region.name).toBe(region.nameAr);
    // whom the need is open to (issue 13), as stored
    expect(one.audiences).toEqual((await db.prisma.need.findUniqueOrThrow({ where: { id: one.id } })).audiences);
    const filtered = (await call(`/needs?region=${one.region.code}&mode=${one.mode}&limit=100`, fullKey)).body;
    expect(filtered.data.every((n: { region: { code: string }; mode: string }) => n.region.code === one.region.code && n.mode === one.mode)).toBe(true);
    expect((await call('/needs/00000000-0000-4000-8000-000000000000', fullKey)).status).toBe(404);
    const word = (await db.prisma.need.findUniqueOrThrow({ where: { id: seen[0]! } })).title.split(/\s+/).find((w) => w.length > 6)!;
    const searched = (await call(`/needs?q=${encodeURIComponent(word)}&limit=100`, fullKey)).body;
    expect(searched.data.map((n: { id: string }) => n.id)).toContain(seen[0]);
    expect(searched.data.length).toBeLessThan(published);
  });

  it('refuses a malformed cursor or filter with problem details', async () => {
    expect((await call('/needs?cursor=not-a-cursor!', fullKey)).body).toMatchObject({ status: 400, type: '/api/v1/problems/bad-cursor' });
    const forged = Buffer.from('{"at":"yesterday","id":"x"}').toString('base64url');
    expect((await call(`/needs?cursor=${forged}`, fullKey)).body.type).toBe('/api/v1/problems/bad-cursor');
    const bad = await call('/needs?mode=teleport&limit=1000', fullKey);
    expect(bad.body.type).toBe('/api/v1/problems/invalid-parameter');
    expect(bad.body.errors.map((e: { name: string }) => e.name).sort()).toEqual(['limit', 'mode']);
  });

  it('answers 304 to an If-None-Match holding the current ETag', async () => {
    const first = await call('/institutions', fullKey);
    expect(first.headers.etag).toMatch(/^"[\w-]+"$/);
    expect((await call('/institutions', fullKey, { 'If-None-Match': String(first.headers.etag) })).status).toBe(304);
    expect((await call('/institutions', fullKey, { 'If-None-Match': '"stale"' })).status).toBe(200);
    // The language changes the body, so the tag too.
    expect((await call('/institutions', fullKey, { 'Accept-Language': 'en' })).headers.etag).not.toBe(first.headers.etag);
  });

  it('lists verified institutions only, open opportunities, and the impact figures with small cells hidden', async () => {
    const inst = (await call('/institutions?limit=100', fullKey)).body;
    const verified = await db.prisma.institution.count({ where: { status: 'verified' } });
    expect(inst.data.length).toBe(Math.min(verified, 100));
    expect(inst.data.every((i: { country: string }) => /^[A-Z]{2}$/.test(i.country))).toBe(true);
    const opps = (await call('/opportunities?limit=100', fullKey)).body;
    expect(opps.data.length).toBe(Math.min(await db.prisma.investmentOpportunity.count({ where: { status: 'open' } }), 100));
    const stats = (await call('/statistics', fullKey)).body;
    expect(stats.smallCell).toBe(5);
    for (const f of stats.figures.filter((x: { id: string }) => x.id.includes('experts'))) {
      for (const r of f.rows) expect(r.value === null || r.value === 0 || r.value >= 5).toBe(true);
    }
  });

  it('never returns personal data of experts', async () => {
    const people = await db.prisma.user.findMany({ select: { email: true, displayName: true }, where: { role: { in: ['expert', 'staff'] } } });
    const bodies = await Promise.all(['/needs?limit=100', '/institutions?limit=100', '/opportunities?limit=100', '/statistics'].map((p) => call(p, fullKey)));
    const text = bodies.map((b) => b.text).join('\n');
    for (const p of people) expect(text).not.toContain(p.email);
    expect(JSON.stringify(doc.components)).not.toMatch(/email|phone|firstName|lastName|publisher/i);
  });

  it('answered every documented operation with a 200 somewhere above, and serves a local reference page', async () => {
    for (const path of Object.keys(doc.paths)) expect(exercised.has(`${path} 200`), path).toBe(true);
    expect(doc).toMatchObject({ openapi: expect.stringMatching(/^3\.1\./) });
    const page = await request(app).get('/api/v1/docs');
    expect(page.status).toBe(200);
    expect(page.text).toContain('href="/api/v1/openapi.json"');
    expect(page.text).not.toMatch(/<script(?![^>]*src="\/)/);
    expect(page.text).not.toMatch(/https?:\/\/(cdn|unpkg)/);
    expect((await request(app).get('/api/v1/nothing')).headers['content-type']).toMatch(/problem\+json/);
    for (const lng of ['fr', 'ar', 'en']) {
      const docs = await request(app).get(`/api/v1/docs?lng=${lng}`);
      expect(docs.text, `untranslated key in ${lng}`).not.toMatch(/apiDocs\./);
      expect((await admin.agent.get(`/admin/api-keys?lng=${lng}`)).text, `untranslated key in ${lng}`).not.toMatch(/apiKeys\./);
    }
    expect((await request(app).get('/api/v1/docs?lng=ar')).text).toContain('dir="rtl"');
  });
});
