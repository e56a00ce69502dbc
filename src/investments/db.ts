import type { Prisma, PrismaClient } from '../db/prisma.js';

export type Db = PrismaClient | Prisma.TransactionClient;
export type Tx = Prisma.TransactionClient;

/**
 * Runs `fn` in a transaction: a new one on the client, or the caller's own when given a transaction (the demo
 * seeder runs the real commands inside its single transaction, so the demo goes in whole or not at all).
 */
export function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return '$transaction' in db ? db.$transaction(fn) : fn(db);
}

export interface CommandContext {
  actorId: string;
  ip?: string;
  now?: Date;
}

export { UUID_PATTERN as UUID } from '../lib/uuid.js';
