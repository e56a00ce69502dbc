import type { Prisma, PrismaClient } from '../db/prisma.js';
import { isLocale, translator, DEFAULT_LOCALE } from '../i18n/i18n.js';
import { enqueueEmail } from '../mail/outbox.js';
import { recipientName } from '../mail/recipient-name.js';

type Db = PrismaClient | Prisma.TransactionClient;

export interface NotificationInput {
  kind: string;
  params: Record<string, string>;
  /** a path of the site, e.g. /needs/<id> */
  link: string;
}

/**
 * Tells users about an event that concerns them: an entry in their in-app list and an e-mail through the outbox,
 * both in each recipient's own language. Call it inside the transaction of the change, so nobody is told about a
 * change that did not happen.
 */
export async function notify(db: Db, publicUrl: string, userIds: readonly string[], input: NotificationInput): Promise<void> {
  const unique = [...new Set(userIds)];
  if (!unique.length) return;
  const users = await db.user.findMany({
    where: { id: { in: unique }, status: 'active' },
    select: { id: true, email: true, locale: true, displayName: true, emailVerifiedAt: true },
  });
  for (const user of users) {
    await db.notification.create({ data: { userId: user.id, kind: input.kind, params: input.params, link: input.link } });
    const locale = isLocale(user.locale) ? user.locale : DEFAULT_LOCALE;
    const text = translator(locale)(`notifications.${input.kind}`, input.params);
    await enqueueEmail(db, {
      to: user.email, locale, template: 'notification',
      params: { name: recipientName(user), text, link: `${publicUrl}${input.link}` },
    });
  }
}

/** Everyone who acts for an institution (active staff), to notify them of its needs and candidacies. */
export async function institutionStaff(db: Db, institutionId: string): Promise<string[]> {
  const members = await db.institutionMember.findMany({ where: { institutionId, status: 'active' }, select: { userId: true } });
  return members.map((m) => m.userId);
}

export async function officers(db: Db): Promise<string[]> {
  const users = await db.user.findMany({ where: { role: 'officer', status: 'active' }, select: { id: true } });
  return users.map((u) => u.id);
}
