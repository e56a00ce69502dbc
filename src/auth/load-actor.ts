import type { PrismaClient } from '../db/prisma.js';
import type { Actor } from './policy.js';

export interface SignedInUser extends Actor {
  email: string;
  displayName: string | null;
  locale: string;
}

declare global {
  namespace Express {
    // passport puts the signed-in user on req.user
    interface User extends SignedInUser {}
  }
}

/** The signed-in user as policies see them; undefined when the account is gone or no longer active. */
export async function loadActor(prisma: PrismaClient, id: string): Promise<SignedInUser | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const user = await prisma.user.findUnique({
    where: { id },
    select: {
      id: true, email: true, displayName: true, role: true, locale: true, status: true,
      memberships: { select: { institutionId: true, role: true, status: true, institution: { select: { status: true } } } },
    },
  });
  if (!user || user.status !== 'active') return undefined;
  const { status: _status, ...actor } = user;
  return actor;
}
