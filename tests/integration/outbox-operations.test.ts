import { execFile } from 'node:child_process';
import { getEventListeners } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/lib/logger.js';
import { enqueueEmail } from '../../src/mail/outbox.js';
import { fileTransport, smtpTransport, type MailTransport } from '../../src/mail/transport.js';
import { drainOutbox } from '../../src/mail/worker.js';
import { startOutboxWorker } from '../../src/mail/worker-loop.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_TEMPLATE_DB } from '../helpers/db.js';
import { csrfFrom, signedInAgent } from '../helpers/forms.js';
import { ROOT } from '../helpers/server-process.js';

const logger = createLogger('silent');
let t: TestApp;
const dirs: string[] = [];
beforeAll(async () => {
  t = await startTestApp({ template: DEMO_TEMPLATE_DB });
});
afterAll(async () => {
  await t?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
beforeEach(async () => {
  await t.db.prisma.outboxEmail.deleteMany();
});

const mail = (to: string) =>
  enqueueEmail(t.db.prisma, { to, locale: 'fr', template: 'verify_email', params: { name: 'Nadia', link: 'http://jisr.test/v/1' } });
const row = (id: string) => t.db.prisma.outboxEmail.findUniqueOrThrow({ where: { id } });
const failing: MailTransport = {
  send: async () => {
    throw new Error('connect ECONNREFUSED 10.0.0.9:25');
  },
};
const HOUR = 3_600_000;

describe('the outbox under operations', () => {
  it('stops within a second while an SMTP server accepts and never greets, and puts the batch back to pending', async () => {
    const sockets: net.Socket[] = [];
    const mute = net.createServer((s) => void sockets.push(s));
    await new Promise<void>((r) => mute.listen(0, '127.0.0.1', r));
    const ids = [await mail('a@example.org'), await mail('b@example.org'), await mail('c@example.org')];
    const transport = smtpTransport(`smtp://127.0.0.1:${(mute.address() as net.AddressInfo).port}`);
    const worker = startOutboxWorker(t.db.prisma, transport, logger, { intervalMs: 50 });
    try {
      const deadline = Date.now() + 5000;
      while ((await row(ids[0]!)).status !== 'sending') {
        if (Date.now() > deadline) throw new Error('not claimed');
        await new Promise((r) => setTimeout(r, 20));
      }
      const started = Date.now();
      await worker.stop();
      expect(Date.now() - started).toBeLessThan(1000);
      const rows = await Promise.all(ids.map(row));
      expect(rows.map((r) => r.status)).toEqual(['pending', 'pending', 'pending']);
      expect(rows.map((r) => r.attempts).sort()).toEqual([0, 0, 1]); // the one in flight counts as tried
      for (const r of rows) expect(r.availableAt.getTime()).toBeLessThanOrEqual(Date.now()); // due at once
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise((r) => mute.close(r));
      await transport.close?.();
    }
  });

  it('keeps retrying at the capped interval (hourly) for three days before giving up', async () => {
    const id = await mail('later@example.org');
    const t0 = new Date(Date.now() + 1000);
    let clock = t0.getTime();
    let attempts = 0;
    for (;;) {
      const r = await drainOutbox(t.db.prisma, failing, logger, { now: new Date(clock) });
      attempts += r.retried + r.failed;
      if (r.failed) break;
      clock = (await row(id)).availableAt.getTime();
      expect(clock - t0.getTime()).toBeLessThan(4 * 24 * HOUR);
    }
    expect(clock - t0.getTime()).toBeGreaterThanOrEqual(3 * 24 * HOUR - HOUR);
    expect(attempts).toBeGreaterThan(65); // 1, 2, 4 … 32 min, then hourly for the rest of 72 h
    expect(await row(id)).toMatchObject({ status: 'failed', sentAt: null });
  });

  it('npm run mail:retry re-queues failed mails with a fresh retry period', async () => {
    const id = await mail('failed@example.org');
    await t.db.prisma.outboxEmail.update({ where: { id }, data: { status: 'failed', attempts: 70, createdAt: new Date(Date.now() - 5 * 24 * HOUR) } });
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'mail:retry'], {
      cwd: ROOT, env: { ...process.env, DATABASE_URL: t.db.url, LOG_LEVEL: 'silent' },
    });
    expect(stdout).toContain('Re-queued 1 failed e-mail(s)');
    expect(await row(id)).toMatchObject({ status: 'pending', attempts: 0 });
    // Fails once more: not given up at once (its clock restarted), retried.
    expect(await drainOutbox(t.db.prisma, failing, logger)).toEqual({ sent: 0, failed: 0, retried: 1 });
  });

  it('an admin re-queues failed mails with a button on /admin/mail, audited', async () => {
    const id = await mail('button@example.org');
    await t.db.prisma.outboxEmail.update({ where: { id }, data: { status: 'failed', attempts: 70, lastError: 'connect ECONNREFUSED' } });
    const admin = await signedInAgent(t.app, 'admin@demo.jisr.local');
    const page = await admin.agent.get('/admin/mail').expect(200);
    expect(page.text).toContain('button@example.org');
    expect(page.text).toContain('data-testid="mail-retry"');
    const res = await admin.agent.post('/admin/mail/retry').type('form').send({ _csrf: csrfFrom(page.text) }).expect(303);
    expect(res.headers.location).toBe('/admin/mail');
    expect(await row(id)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await t.db.prisma.auditLog.count({ where: { action: 'mail.requeued' } })).toBeGreaterThan(0);
    const after = await admin.agent.get('/admin/mail').expect(200);
    expect(after.text).toContain('data-testid="flash-success"');
    expect(after.text).toContain('data-testid="mail-none-failed"');
  });

  it('leaves no listener on the worker loop\'s signal after its batches (they piled up, one per batch)', async () => {
    const sent: string[] = [];
    const transport: MailTransport = { send: async (m) => { sent.push(m.id); } };
    const signal = new AbortController().signal;
    for (let i = 0; i < 12; i++) {
      await mail(`listener${i}@example.org`);
      await drainOutbox(t.db.prisma, transport, logger, { signal });
    }
    expect(sent.length).toBeGreaterThanOrEqual(12);
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  });

  it('a message sent twice (crash between send and record) keeps its Message-ID', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jisr-mail-'));
    dirs.push(dir);
    const id = await mail('twice@example.org');
    const transport = fileTransport(dir, logger);
    await drainOutbox(t.db.prisma, transport, logger);
    // As if the process died after sending and before recording it: the row is taken over 10 minutes later.
    await t.db.prisma.outboxEmail.update({ where: { id }, data: { status: 'sending', sentAt: null, availableAt: new Date(Date.now() - 11 * 60_000) } });
    await drainOutbox(t.db.prisma, transport, logger);
    const ids = readdirSync(dir).map((f) => /^Message-ID: (.+)$/m.exec(readFileSync(path.join(dir, f), 'utf8'))![1]);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
  });
});
