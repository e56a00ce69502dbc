import type { PrismaClient } from '../db/prisma.js';

const institution = { select: { id: true, name: true, nameAr: true } } as const;

/** Open offers and requests (newest first), and the exchanges the reader may follow. */
export async function exchangeBoard(prisma: PrismaClient, institutionIds: string[] | 'all') {
  const mineWhere = institutionIds === 'all' ? {} : { OR: [{ offer: { institutionId: { in: institutionIds } } }, { request: { institutionId: { in: institutionIds } } }] };
  const [offers, requests, exchanges] = await Promise.all([
    prisma.exchangeOffer.findMany({ where: { open: true }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take: 50, include: { institution } }),
    prisma.exchangeRequest.findMany({ where: { open: true }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take: 50, include: { institution } }),
    institutionIds === 'all' || institutionIds.length
      ? prisma.exchange.findMany({ where: mineWhere, orderBy: { updatedAt: 'desc' }, take: 50, include: { offer: { include: { institution } }, request: { include: { institution } } } })
      : Promise.resolve([]),
  ]);
  return { offers, requests, exchanges };
}

export function loadExchange(prisma: PrismaClient, id: string) {
  return prisma.exchange.findUnique({
    where: { id },
    include: {
      offer: { include: { institution } },
      request: { include: { institution } },
      events: { orderBy: { createdAt: 'asc' }, include: { actor: { select: { displayName: true } } } },
    },
  });
}
