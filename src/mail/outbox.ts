import type { Prisma, PrismaClient } from '../db/prisma.js';
import type { Locale } from '../i18n/i18n.js';
import { renderEmail, type MailTemplate } from './templates.js';

export interface OutgoingEmail {
  to: string;
  locale: Locale;
  template: MailTemplate;
  params: Record<string, string>;
}

export class InvalidRecipientError extends Error {}

/**
 * Renders a message now, in the recipient's language, and stores it in the outbox (status `pending`); the worker
 * sends it. Call it with the transaction client of the change that causes the message: if that change rolls back,
 * no message is left behind, and if it commits, the message is durable even if the process dies right after.
 * Returns the outbox row's id.
 */
export async function enqueueEmail(db: PrismaClient | Prisma.TransactionClient, message: OutgoingEmail): Promise<string> {
  const to = message.to.trim();
  // One address, no header injection: no line breaks, no list, an @ with something on each side.
  if (!/^[^\s@,;<>]+@[^\s@,;<>]+$/.test(to)) throw new InvalidRecipientError('invalid recipient address');
  const { subject, text, html } = renderEmail(message.template, message.locale, message.params);
  // Dates come from the application, in UTC like every date Prisma writes (never from the column's
  // CURRENT_TIMESTAMP default, which follows the session's time zone): the worker compares availableAt in UTC.
  const now = new Date();
  const row = await db.outboxEmail.create({
    data: {
      toAddress: to,
      locale: message.locale,
      template: message.template,
      subject,
      textBody: text,
      htmlBody: html ?? null,
      availableAt: now,
      createdAt: now,
    },
    select: { id: true },
  });
  return row.id;
}
