import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createTransport } from 'nodemailer';
import type { Config } from '../config.js';
import type { Logger } from '../lib/logger.js';

export interface MailMessage {
  /** the outbox id: names the file and makes the Message-ID, so a retried message keeps its Message-ID */
  id: string;
  to: string;
  from: string;
  subject: string;
  text: string;
  html?: string;
}

export interface MailTransport {
  send(message: MailMessage): Promise<void>;
  /** releases connections, if the transport holds any */
  close?(): Promise<void>;
}

/** SMTP when SMTP_URL is set; otherwise messages are written as .eml files under DATA_DIR/mail. */
export function createMailTransport(config: Pick<Config, 'smtpUrl' | 'dataDir'>, logger: Logger): MailTransport {
  if (config.smtpUrl) return smtpTransport(config.smtpUrl);
  return fileTransport(path.join(config.dataDir, 'mail'), logger);
}

/** Writes each message as an .eml file (readable by any mail client) and logs its links so they can be clicked. */
export function fileTransport(dir: string, logger: Logger): MailTransport {
  return {
    async send(message) {
      await mkdir(dir, { recursive: true });
      const date = new Date();
      const name = `${date.toISOString().replace(/:/g, '-')}-${safeFilePart(message.id)}.eml`;
      const file = path.join(dir, name);
      // Written under a temporary name and renamed, so a reader never sees half a message.
      const tmp = path.join(dir, `.${name}.${randomBytes(4).toString('hex')}.tmp`);
      await writeFile(tmp, formatEml(message, date), { encoding: 'utf8', mode: 0o600 });
      await rename(tmp, file);
      logger.info({ to: message.to, subject: message.subject, file, links: findLinks(message.text) }, 'email written to file');
    },
  };
}

/** Sends through an SMTP server given as smtp(s)://user:pass@host:port. */
export function smtpTransport(url: string, from?: string): MailTransport {
  // Timeouts well below the worker's 10-minute reclaim delay, so a hung connection fails (and is retried)
  // before another worker may take the message over.
  const transporter = createTransport(
    { url, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 },
    from ? { from } : undefined,
  );
  return {
    async send(message) {
      await transporter.sendMail({
        from: message.from || from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        messageId: messageId(message),
      });
    },
    async close() {
      transporter.close();
    },
  };
}

/** The message as RFC 5322 text with CRLF line ends (plain text only; the HTML version is not written). */
export function formatEml(message: MailMessage, date = new Date()): string {
  const headers = [
    `From: ${oneLine(message.from)}`,
    `To: ${oneLine(message.to)}`,
    `Subject: ${encodeHeader(oneLine(message.subject))}`,
    `Date: ${date.toUTCString().replace(/GMT$/, '+0000')}`,
    `Message-ID: ${messageId(message)}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
  ];
  const body = message.text.replace(/\r?\n/g, '\r\n');
  return `${headers.join('\r\n')}\r\n\r\n${body}${body.endsWith('\r\n') ? '' : '\r\n'}`;
}

/**
 * RFC 2047: ASCII text as is; otherwise UTF-8 "B" encoded words of at most 75 characters, folded onto
 * continuation lines, never cutting a character in two.
 */
export function encodeHeader(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return value;
  const words: string[] = [];
  let chunk = '';
  for (const ch of value) {
    // 45 bytes make 60 base64 characters; with "=?UTF-8?B?" and "?=" that is 72 ≤ 75.
    if (Buffer.byteLength(chunk + ch, 'utf8') > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join('\r\n ');
}

/** The http(s) URLs in a text. */
export function findLinks(text: string): string[] {
  const found = (text.match(/https?:\/\/[^\s<>"']+/g) ?? []).map((u) => u.replace(/[.,;:!?)\]]+$/, ''));
  return [...new Set(found)];
}

function messageId(message: MailMessage): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(message.from)?.[1] ?? 'jisr.local';
  return `<${safeFilePart(message.id)}@${domain}>`;
}

function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}

function safeFilePart(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, '_');
}
