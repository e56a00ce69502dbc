import type { Express } from 'express';
import type pg from 'pg';
import { expect } from 'vitest';
import type { PrismaClient } from '../../src/db/prisma.js';
import { translator } from '../../src/i18n/i18n.js';
import { browserLike, csrfFrom, sessionCookie } from './forms.js';

/** Loose limits, for files that sign in or register many times from one address. */
export const LOOSE_LIMITS = {
  login: { windowMs: 60_000, limit: 1000 },
  register: { windowMs: 60_000, limit: 1000 },
  registerFailed: { windowMs: 60_000, limit: 1000 },
  passwordReset: { windowMs: 60_000, limit: 1000 },
};

/** Strong enough for the password policy, and not personal to any test name. */
export const STRONG_PASSWORD = 'Tajine-Orbit-Lantern-93';
export const OTHER_STRONG_PASSWORD = 'Blue cactus sings at dawn 42';

export const fr = translator('fr');
export const ar = translator('ar');

/** What EJS's `<%= %>` makes of a text. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');
}

/** The inner text of the first element carrying `data-testid="<id>"`, or undefined. */
export function byTestId(html: string, id: string): string | undefined {
  const m = new RegExp(`data-testid="${id}"[^>]*>([\\s\\S]*?)</`).exec(html);
  return m?.[1]?.trim();
}

/** The <main> element of a page: what the visitor reads, without the header (which holds per-session tokens). */
export function mainOf(html: string): string {
  const m = /<main[\s\S]*?<\/main>/.exec(html);
  if (!m) throw new Error('no <main> on the page');
  return m[0];
}

/** The session id a `jisr.sid=s%3A<sid>.<signature>` cookie points at. */
export function sidOf(cookie: string): string {
  const value = cookie.split(';')[0]!.split('=').slice(1).join('=');
  return decodeURIComponent(value).replace(/^s:/, '').split('.')[0]!;
}

/** A signed-in agent (cookie jar), with its CSRF helper for the next POST. */
export async function signedIn(app: Express, email: string, password: string) {
  const b = browserLike(app);
  const res = await b.signIn(email, password);
  expect(res.status, `sign-in of ${email}`).toBe(303);
  const cookie = sessionCookie(res)!;
  // Reads the welcome message, so the next page shows only what the test causes.
  await b.agent.get('/me');
  return {
    ...b,
    cookie,
    sid: sidOf(cookie),
    /** POSTs with the CSRF token of a page this agent opens first (default: /me). */
    async postFrom(action: string, fields: Record<string, string> = {}, pagePath = '/me') {
      const page = await b.agent.get(pagePath);
      return b.agent.post(action).type('form').send({ _csrf: csrfFrom(page.text), ...fields });
    },
  };
}

/** The link in the newest message of one template sent to an address (from the outbox row). */
export async function mailLink(prisma: PrismaClient, to: string, template: string): Promise<string> {
  const row = await prisma.outboxEmail.findFirstOrThrow({ where: { toAddress: to, template }, orderBy: { createdAt: 'desc' } });
  const link = /https?:\/\/\S+/.exec(row.textBody)?.[0];
  if (!link) throw new Error(`no link in the ${template} mail to ${to}`);
  return link;
}

/** The path of a link of ours (http://jisr.test/verify-email/… → /verify-email/…). */
export const pathOf = (link: string) => new URL(link).pathname;

export async function sessionRows(pool: pg.Pool, userId: string): Promise<number> {
  const r = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "session" WHERE ("sess" -> 'passport' ->> 'user') = $1`, [userId]);
  return r.rows[0]!.n;
}

/** Nothing a visitor should ever see on an error page: stack frames, file paths, SQL or Prisma texts. */
export function expectNoInternals(html: string): void {
  for (const leak of [/\bat [\w.<>]+ \(/, /node_modules/, /\/work\//, /\.ts:\d+/, /Prisma/i, /\bSELECT\b[^<]*\bFROM\b/i, /\bINSERT INTO\b/i, /violates/i, /constraint/i, /invalid byte sequence/i, /ZodError/, /TypeError|ReferenceError/]) {
    expect(html).not.toMatch(leak);
  }
}
