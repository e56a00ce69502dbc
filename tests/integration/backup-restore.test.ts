import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { connectDatabase, type Database } from '../../src/db/database.js';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.js';
import { freePort } from '../../src/lib/free-port.js';
import { createLogger } from '../../src/lib/logger.js';
import { tableDigests, type Manifest } from '../../src/ops/backup/backup.js';
import { testConfig } from '../helpers/app.js';
import { createEmptyDatabase, createTestDatabase, DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { csrfFrom } from '../helpers/forms.js';
import { ROOT } from '../helpers/server-process.js';
import { DEMO_PASSWORD } from '../../src/demo/accounts.js';

// The restore drill: back up a seeded database with a CV, restore into a fresh one, compare every table's count
// and checksum, and download the CV from the restored portal.

const run = promisify(execFile);
const npm = (args: string[], env: Record<string, string | undefined>) =>
  run('npm', ['run', '--silent', ...args], { cwd: ROOT, env: withEnv(env) }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );

function withEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent' };
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}

let source: Database;
let tmp: string;
let archive: string;
let expertId: string;
const CV = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('curriculum vitae — سيرة ذاتية\n'), Buffer.from('%%EOF\n')]);

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'jisr-drill-'));
  chmodSync(tmp, 0o755);
  source = await createTestDatabase(DEMO_TEMPLATE_DB);
  const expert = await source.prisma.expertProfile.findFirstOrThrow({ where: { user: { email: 'expert@demo.jisr.local' } } });
  expertId = expert.id;
  mkdirSync(path.join(tmp, 'source', 'cv'), { recursive: true });
  writeFileSync(path.join(tmp, 'source', 'cv', `${expertId}.pdf`), CV);
  await source.prisma.expertProfile.update({ where: { id: expertId }, data: { cvFileKey: `${expertId}.pdf`, cvUploadedAt: new Date() } });
  archive = path.join(tmp, 'jisr.tar.gz');
  const backup = await npm(['backup', '--', '--out', archive], { DATABASE_URL: source.url, DATA_DIR: path.join(tmp, 'source') });
  expect(backup.code, backup.out).toBe(0);
  expect(backup.out).toContain(`Backup written: ${archive}`);
}, 120_000);
afterAll(async () => {
  await source?.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function manifestOf(file: string): Promise<Manifest> {
  const dir = mkdtempSync(path.join(tmp, 'x-'));
  await tar.extract({ file, cwd: dir });
  return JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

describe('backup and restore', () => {
  it('restores every table and file into a fresh database; the CV downloads from the restored portal', async () => {
    const manifest = await manifestOf(archive);
    const before = await tableDigests(source.url);
    expect(manifest.tables.map((t) => [t.name, { rows: t.rows, sha256: t.sha256 }])).toEqual(Object.entries(before));
    expect(manifest.files).toEqual([expect.objectContaining({ path: `cv/${expertId}.pdf`, bytes: CV.length })]);
    expect(before.ExpertProfile!.rows).toBeGreaterThan(10);

    const target = await createEmptyDatabase();
    const restored = path.join(tmp, 'restored');
    try {
      const res = await npm(['restore', archive], { DATABASE_URL: target.url, DATA_DIR: restored });
      expect(res.code, res.out).toBe(0);
      expect(await tableDigests(target.url)).toEqual(before);

      const db = connectDatabase(target.url, createLogger('silent'), 2);
      try {
        const app = createApp({ config: testConfig({ dataDir: restored }), db, logger: createLogger('silent') });
        const agent = request.agent(app);
        const login = await agent.get('/login');
        await agent.post('/login').type('form').send({ _csrf: csrfFrom(login.text), email: 'expert@demo.jisr.local', password: DEMO_PASSWORD }).expect(303);
        const cv = await agent.get(`/experts/${expertId}/cv`).buffer(true).parse((r, cb) => {
          const parts: Buffer[] = [];
          r.on('data', (c: Buffer) => parts.push(c));
          r.on('end', () => cb(null, Buffer.concat(parts)));
        }).expect(200);
        expect(Buffer.compare(cv.body as Buffer, CV)).toBe(0);
        // Sequences follow the data: a new row gets a fresh id, not one already taken.
        await db.prisma.skill.create({ data: { code: 'drill.new', sectorCode: 'agriculture', labelFr: 'N', labelAr: 'ن', labelEn: 'N' } });
      } finally {
        await db.close();
      }
      const again = await npm(['restore', archive], { DATABASE_URL: target.url, DATA_DIR: restored });
      expect(again.code).toBe(1);
      expect(again.out).toMatch(/is not empty/);
    } finally {
      await target.drop();
    }
  }, 120_000);

  it('refuses an archive whose migration history does not match', async () => {
    const dir = mkdtempSync(path.join(tmp, 'tampered-'));
    await tar.extract({ file: archive, cwd: dir });
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
    manifest.migrations[0]!.checksum = 'f'.repeat(64); // made by a build whose first migration was edited
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
    const tampered = path.join(tmp, 'tampered.tar.gz');
    await tar.create({ gzip: true, file: tampered, cwd: dir }, ['manifest.json', 'tables', 'files']);
    const target = await createEmptyDatabase();
    try {
      const res = await npm(['restore', tampered], { DATABASE_URL: target.url, DATA_DIR: path.join(tmp, 'tampered-data') });
      expect(res.code).toBe(1);
      expect(res.out).toMatch(/migration \S+ differs between the archive and this code/);
    } finally {
      await target.drop();
    }
  }, 60_000);

  it('restores into the embedded PostgreSQL of a new DATA_DIR', async () => {
    const dataDir = path.join(tmp, 'embedded');
    const port = await freePort();
    const res = await npm(['restore', archive], { DATABASE_URL: undefined, DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(port) });
    expect(res.code, res.out).toBe(0);
    const server = await startEmbeddedPostgres({ dir: path.join(dataDir, 'postgres'), port, database: 'jisr', logger: createLogger('silent') });
    try {
      expect(await tableDigests(server.url)).toEqual(await tableDigests(source.url));
    } finally {
      await server.stop();
    }
  }, 180_000);
});
