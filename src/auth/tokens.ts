import { createHash, randomBytes } from 'node:crypto';
import type { Prisma, PrismaClient } from '../db/prisma.js';
import type { TokenPurpose } from '../generated/prisma/enums.js';

type Db = PrismaClient | Prisma.TransactionClient;

export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  verify_email: 48 * 3600 * 1000,
  reset_password: 3600 * 1000,
  confirm_profile: 30 * 24 * 3600 * 1000,
};

const hash = (raw: string) => createHash('sha256').update(raw).digest('hex');

/**
 * A fresh single-use token for one purpose: only its sha256 is stored, so a database leak gives no usable link.
 * Older unused tokens of the same purpose stop working.
 */
export async function issueToken(db: Db, userId: string, purpose: TokenPurpose, now = new Date()): Promise<string> {
  const raw = randomBytes(32).toString('base64url');
  await db.userToken.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: now } });
  await db.userToken.create({
    data: { userId, purpose, tokenHash: hash(raw), expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[purpose]) },
  });
  return raw;
}

/** The user a still-valid token belongs to, without using it (to decide whether to show a form). */
export async function peekToken(db: Db, raw: string, purpose: TokenPurpose, now = new Date()): Promise<string | undefined> {
  if (!/^[\w-]{20,100}$/.test(raw)) return undefined;
  const token = await db.userToken.findFirst({
    where: { tokenHash: hash(raw), purpose, usedAt: null, expiresAt: { gt: now } },
    select: { userId: true },
  });
  return token?.userId;
}

/** Uses a token: exactly one caller wins, even when two requests arrive together. */
export async function consumeToken(db: Db, raw: string, purpose: TokenPurpose, now = new Date()): Promise<string | undefined> {
  const userId = await peekToken(db, raw, purpose, now);
  if (!userId) return undefined;
  const used = await db.userToken.updateMany({
    where: { tokenHash: hash(raw), purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  return used.count === 1 ? userId : undefined;
}
