import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.js';

export type { PrismaClient };
export { Prisma } from '../generated/prisma/client.js';

/** Prisma Client over the application's own pg pool (one pool for Prisma, sessions and health checks). */
export function createPrisma(pool: pg.Pool): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}
