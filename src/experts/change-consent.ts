import { z } from 'zod';
import type { PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import { CONSENT_PURPOSE, CONSENT_VERSION } from '../auth/register-expert.js';
import type { CommandContext } from './deps.js';
import { choice } from './form-fields.js';

export const consentSchema = z.object({ action: choice(['withdraw', 'give'] as const) });

/**
 * Withdrawing consent closes every open consent to the profile's processing and takes the profile out of matching
 * (and out of sight of institutions and the public, see seeExpertProfile). Giving it again records a new consent
 * with the current text version. Either way the history of consents stays, as proof of what was agreed when.
 */
export async function changeConsent(prisma: PrismaClient, action: 'withdraw' | 'give', ctx: CommandContext): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const open = await tx.consent.findFirst({ where: { userId: ctx.userId, purpose: CONSENT_PURPOSE, withdrawnAt: null } });
    if (action === 'withdraw') {
      await tx.consent.updateMany({ where: { userId: ctx.userId, purpose: CONSENT_PURPOSE, withdrawnAt: null }, data: { withdrawnAt: ctx.now } });
    } else if (!open) {
      await tx.consent.create({ data: { userId: ctx.userId, purpose: CONSENT_PURPOSE, textVersion: CONSENT_VERSION, givenAt: ctx.now } });
    }
    const profile = await tx.expertProfile.update({ where: { userId: ctx.userId }, data: { matchable: action === 'give' }, select: { id: true } });
    await recordAudit(tx, {
      actorId: ctx.userId, action: action === 'withdraw' ? 'expert.consent_withdrawn' : 'expert.consent_given',
      entity: 'ExpertProfile', entityId: profile.id, ip: ctx.ip, details: { purpose: CONSENT_PURPOSE, version: CONSENT_VERSION },
    });
  });
}

/** Whether the expert's consent to the profile's processing is in force. */
export async function hasActiveConsent(prisma: PrismaClient, userId: string): Promise<boolean> {
  return (await prisma.consent.count({ where: { userId, purpose: CONSENT_PURPOSE, withdrawnAt: null } })) > 0;
}
