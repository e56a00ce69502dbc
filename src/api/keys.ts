import { createHash, randomBytes } from 'node:crypto';
import { recordAudit } from '../audit/record-audit.js';
import type { PrismaClient } from '../db/prisma.js';
import type { ApiScope } from './policy.js';

const KEY_PREFIX = 'jisr_';
/** lastUsedAt is written at most this often per key: a busy partner does not turn every read into a write. */
const LAST_USED_GRANULARITY_MS = 60_000;

/** The sha256 of a key, as stored: a leak of the table gives no usable key (32 random bytes cannot be guessed). */
export const hashKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

export interface KeyContext { actorId: string; ip?: string }

/** Creates a key for a partner; returns the key itself, which is shown once and never stored. */
export async function createApiKey(prisma: PrismaClient, input: { partner: string; scopes: ApiScope[]; requestsPerMinute: number }, ctx: KeyContext) {
  const key = KEY_PREFIX + randomBytes(32).toString('base64url');
  const prefix = key.slice(0, KEY_PREFIX.length + 8);
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.apiKey.create({ data: { partner: input.partner, prefix, keyHash: hashKey(key), scopes: input.scopes, requestsPerMinute: input.requestsPerMinute } });
    await recordAudit(tx, { actorId: ctx.actorId, action: 'api_key.created', entity: 'ApiKey', entityId: created.id, ip: ctx.ip, details: { partner: input.partner, scopes: input.scopes, requestsPerMinute: input.requestsPerMinute } });
    return created;
  });
  return { id: row.id, key, prefix };
}

/** Revokes a key for good; revoking twice changes nothing. Returns false for an unknown key. */
export async function revokeApiKey(prisma: PrismaClient, id: string, ctx: KeyContext & { now: Date }): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const key = await tx.apiKey.findUnique({ where: { id }, select: { id: true } });
    if (!key) return false;
    const { count } = await tx.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: ctx.now } });
    if (count) await recordAudit(tx, { actorId: ctx.actorId, action: 'api_key.revoked', entity: 'ApiKey', entityId: id, ip: ctx.ip });
    return true;
  });
}

export type ApiKeyCheck = { ok: true; key: { id: string; partner: string; scopes: string[]; requestsPerMinute: number } } | { ok: false; reason: 'missing' | 'unknown' | 'revoked' };

/** The key a request presents (Authorization: Bearer, or X-Api-Key), looked up by its hash; notes its use. */
export async function authenticateKey(prisma: PrismaClient, presented: string | undefined, now: Date): Promise<ApiKeyCheck> {
  if (!presented) return { ok: false, reason: 'missing' };
  const row = await prisma.apiKey.findUnique({ where: { keyHash: hashKey(presented) } });
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.revokedAt) return { ok: false, reason: 'revoked' };
  await prisma.apiKey.updateMany({
    where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_GRANULARITY_MS) } }] },
    data: { lastUsedAt: now },
  });
  return { ok: true, key: { id: row.id, partner: row.partner, scopes: row.scopes, requestsPerMinute: row.requestsPerMinute } };
}
