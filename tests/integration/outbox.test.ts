import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectDatabase, type Database } from '../../src/db/database.js';
import { createLogger } from '../../src/lib/logger.js';
import { enqueueEmail } from '../../src/mail/outbox.js';
import { encodeHeader, fileTransport, type MailMessage, type MailTransport } from '../../src/mail/transport.js';
import { drainOutbox, drainUntilEmpty } from '../../src/mail/worker.js';
import { startOutboxWorker } from '../../src/mail/worker-loop.js';
import { createTestDatabase } from '../helpers/db.js';

const logger = createLogger('silent');
const LINK = 'http://jisr.test/verify-email/tok_123';
let db: Database;
const dirs: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
beforeEach(async () => {
  await db.prisma.outboxEmail.deleteMany();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A transport that records what it sends, taking `delayMs` per message. */
function recordingTransport(delayMs = 0): MailTransport & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    sent,
    async send(message) {
      if (delayMs) await sleep(delayMs);
      sent.push(message);
    },
  };
}

function failingTransport(): MailTransport & { calls: number } {
  const t = {
    calls: 0,
    async send() {
      t.calls++;
      throw new Error('connect ECONNREFUSED via smtp://mailer:s3cret@smtp.example.org:587');
    },
  };
  return t;
}

function verify(to: string, locale: 'fr' | 'ar' | 'en' = 'fr', name = 'Nadia Benali') {
  return enqueueEmail(db.prisma, { to, locale, template: 'verify_email', params: { name, link: LINK } });
}

describe('enqueueEmail', () => {
  it('leaves no message when the transaction rolls back', async () => {
    await expect(
      db.prisma.$transaction(async (tx) => {
        await enqueueEmail(tx, { to: 'rollback@example.org', locale: 'fr', template: 'verify_email', params: { name: 'A', link: LINK } });
        expect(await tx.outboxEmail.count()).toBe(1);
        throw new Error('rollback please');
      }),
    ).rejects.toThrow('rollback please');
    expect(await db.prisma.outboxEmail.count()).toBe(0);
  });

  it('leaves one pending message, rendered in the recipient\'s language, when it commits', async () => {
    const ids = await db.prisma.$transaction(async (tx) => [
      await enqueueEmail(tx, { to: 'fr@example.org', locale: 'fr', template: 'reset_password', params: { name: 'Zoé Aït-Lahcen', link: LINK } }),
      await enqueueEmail(tx, { to: 'ar@example.org', locale: 'ar', template: 'verify_email', params: { name: 'يوسف العلوي', link: LINK } }),
      await enqueueEmail(tx, { to: 'en@example.org', locale: 'en', template: 'account_exists', params: { link: LINK } }),
    ]);
    const rows = await db.prisma.outboxEmail.findMany({ where: { id: { in: ids } } });
    expect(rows).toHaveLength(3);
    const by = (to: string) => rows.find((r) => r.toAddress === to)!;
    for (const r of rows) expect(r).toMatchObject({ status: 'pending', attempts: 0, lastError: null, sentAt: null });

    expect(by('fr@example.org')).toMatchObject({ locale: 'fr', template: 'reset_password', subject: 'Réinitialisation de votre mot de passe Jisr' });
    expect(by('fr@example.org').textBody).toContain('Bonjour Zoé Aït-Lahcen,');
    expect(by('fr@example.org').textBody).toContain('1 heure');
    expect(by('fr@example.org').textBody).toContain("L'équipe Jisr");

    const ar = by('ar@example.org');
    expect(ar.subject).toBe('أكِّد عنوان بريدك الإلكتروني على جسر');
    // the verification mail goes to an unproven address: no name in it, whatever the caller passes (issue 10)
    expect(ar.textBody).toMatch(/^مرحبًا،\n/);
    expect(ar.textBody).not.toContain('يوسف');
    expect(ar.textBody).toContain('48 ساعة');
    expect(ar.textBody).toContain('فريق جسر');
    expect(ar.textBody).toContain(LINK);
    expect(ar.htmlBody).toContain('dir="rtl"');

    const en = by('en@example.org');
    expect(en.subject).toBe('Someone tried to register with your e-mail address');
    expect(en.textBody).toContain(LINK);
    expect(en.textBody).toContain('The Jisr team');
  });

  it('refuses a missing parameter or a header-injecting address, and stores nothing', async () => {
    await expect(enqueueEmail(db.prisma, { to: 'x@example.org', locale: 'fr', template: 'verify_email', params: { name: 'A' } })).rejects.toThrow(/link/);
    await expect(verify('x@example.org\r\nBcc: all@example.org')).rejects.toThrow(/recipient/);
    expect(await db.prisma.outboxEmail.count()).toBe(0);
  });
});

describe('drainOutbox', () => {
  it('really sends a queued message: file transport, status sent, .eml with headers and link, links logged', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jisr-mail-'));
    dirs.push(dir);
    const lines: string[] = [];
    const capture = pino({ level: 'info' }, { write: (s: string) => void lines.push(s) });
    const id = await verify('yousef@example.org', 'ar', 'يوسف العلوي');

    const result = await drainOutbox(db.prisma, fileTransport(path.join(dir, 'mail'), capture), logger, { from: 'Jisr <no-reply@jisr.test>' });
    expect(result).toEqual({ sent: 1, failed: 0, retried: 0 });
    const row = await db.prisma.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe('sent');
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(row.attempts).toBe(1);

    const files = readdirSync(path.join(dir, 'mail'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d\\.\\d{3}Z-${id}\\.eml$`));
    const eml = readFileSync(path.join(dir, 'mail', files[0]!), 'utf8');
    const end = eml.indexOf('\r\n\r\n');
    const head = eml.slice(0, end);
    const body = eml.slice(end + 4);
    expect(head).toContain('To: yousef@example.org');
    expect(head).toContain('From: Jisr <no-reply@jisr.test>');
    expect(head).toContain(`Subject: ${encodeHeader(row.subject)}`);
    expect(head).toContain('Content-Type: text/plain; charset=utf-8');
    expect(head).toMatch(/^Message-ID: <.+@jisr\.test>$/m);
    const words = [...head.matchAll(/=\?UTF-8\?B\?([^?]*)\?=/g)].map((m) => Buffer.from(m[1]!, 'base64').toString('utf8'));
    expect(words.join('')).toBe(row.subject);
    expect(body).toContain(LINK);
    expect(body).toContain('أهلًا بك في جسر'); // Arabic text intact (the verification mail carries no name: issue 10)

    const logged = lines.map((l) => JSON.parse(l)).find((l) => l.file);
    expect(logged).toMatchObject({ to: 'yousef@example.org', subject: row.subject, links: [LINK] });
    expect(logged.file).toBe(path.join(dir, 'mail', files[0]!));
  });

  it('retries a failed send with backoff, keeps credentials out of lastError, backing off 1 min, 2 min, … (giving up: outbox-operations.test.ts)', async () => {
    const id = await verify('retry@example.org');
    const transport = failingTransport();
    const t0 = new Date(Date.now() + 1000);

    expect(await drainOutbox(db.prisma, transport, logger, { now: t0 })).toEqual({ sent: 0, failed: 0, retried: 1 });
    let row = await db.prisma.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.lastError).toContain('ECONNREFUSED');
    expect(row.lastError).not.toContain('s3cret');
    expect(row.availableAt.getTime()).toBe(t0.getTime() + 60_000);

    // Not due yet: nothing is claimed, nothing is sent.
    expect(await drainOutbox(db.prisma, transport, logger, { now: new Date(t0.getTime() + 30_000) })).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(transport.calls).toBe(1);

    const t1 = new Date(t0.getTime() + 61_000);
    expect(await drainOutbox(db.prisma, transport, logger, { now: t1 })).toEqual({ sent: 0, failed: 0, retried: 1 });
    row = await db.prisma.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row.attempts).toBe(2);
    expect(row.availableAt.getTime()).toBe(t1.getTime() + 120_000);

  });

  it('sends each message exactly once when two workers drain at the same time', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push(await verify(`many${i}@example.org`));
    const transport = recordingTransport(3);
    const [a, b] = await Promise.all([
      drainUntilEmpty(db.prisma, transport, logger, { batch: 5 }),
      drainUntilEmpty(db.prisma, transport, logger, { batch: 5 }),
    ]);
    expect(a.sent + b.sent).toBe(30);
    expect(transport.sent).toHaveLength(30);
    expect(new Set(transport.sent.map((m) => m.id))).toEqual(new Set(ids));
    expect(await db.prisma.outboxEmail.count({ where: { status: 'sent', attempts: 1 } })).toBe(30);
  });

  it('takes over a message stuck in sending for more than 10 minutes, not one stuck for 5', async () => {
    const stuck = await verify('stuck@example.org');
    const recent = await verify('recent@example.org');
    const now = new Date();
    await db.prisma.outboxEmail.update({ where: { id: stuck }, data: { status: 'sending', attempts: 1, availableAt: new Date(now.getTime() - 11 * 60_000) } });
    await db.prisma.outboxEmail.update({ where: { id: recent }, data: { status: 'sending', attempts: 1, availableAt: new Date(now.getTime() - 5 * 60_000) } });
    const transport = recordingTransport();
    expect(await drainOutbox(db.prisma, transport, logger, { now })).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(transport.sent.map((m) => m.id)).toEqual([stuck]);
    expect(await db.prisma.outboxEmail.findUniqueOrThrow({ where: { id: stuck } })).toMatchObject({ status: 'sent', attempts: 2 });
    expect(await db.prisma.outboxEmail.findUniqueOrThrow({ where: { id: recent } })).toMatchObject({ status: 'sending', attempts: 1 });
  });
});

describe('time zones', () => {
  it('claims due messages whatever the database session\'s time zone is', async () => {
    await db.pool.query(`ALTER DATABASE "${new URL(db.url).pathname.slice(1)}" SET TIME ZONE 'Asia/Tokyo'`);
    const tokyo = connectDatabase(db.url, logger, 2);
    try {
      const zone = await tokyo.prisma.$queryRaw<{ TimeZone: string }[]>`SHOW TIME ZONE`;
      expect(zone[0]?.TimeZone).toBe('Asia/Tokyo');
      const id = await enqueueEmail(tokyo.prisma, { to: 'tz@example.org', locale: 'en', template: 'password_changed', params: { name: 'Kenji' } });
      const transport = recordingTransport();
      expect(await drainOutbox(tokyo.prisma, transport, logger)).toEqual({ sent: 1, failed: 0, retried: 0 });
      const row = await db.prisma.outboxEmail.findUniqueOrThrow({ where: { id } });
      expect(Math.abs(row.sentAt!.getTime() - Date.now())).toBeLessThan(60_000);
    } finally {
      await tokyo.close();
    }
  });
});

describe('startOutboxWorker', () => {
  it('sends a message enqueued after it started, and stop() resolves', async () => {
    const transport = recordingTransport();
    const worker = startOutboxWorker(db.prisma, transport, logger, { intervalMs: 50 });
    await sleep(120);
    const id = await verify('later@example.org');
    const deadline = Date.now() + 5000;
    while ((await db.prisma.outboxEmail.findUniqueOrThrow({ where: { id } })).status !== 'sent') {
      if (Date.now() > deadline) throw new Error('the worker did not send the message');
      await sleep(25);
    }
    expect(transport.sent.map((m) => m.id)).toEqual([id]);
    await expect(worker.stop()).resolves.toBeUndefined();
  });

  it('stop() aborts the run in progress: the message in flight goes back to pending, due at once', async () => {
    const id = await verify('slow@example.org');
    const transport = recordingTransport(300);
    const worker = startOutboxWorker(db.prisma, transport, logger, { intervalMs: 50 });
    const deadline = Date.now() + 5000;
    while ((await db.prisma.outboxEmail.findUniqueOrThrow({ where: { id } })).status !== 'sending') {
      if (Date.now() > deadline) throw new Error('the worker did not claim the message');
      await sleep(10);
    }
    await worker.stop();
    expect(transport.sent).toHaveLength(0);
    expect(await db.prisma.outboxEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'pending', attempts: 1 });
  });
});
