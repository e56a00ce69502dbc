import type { Request } from 'express';
import type { PrismaClient } from '../db/prisma.js';
import { allowedCandidacyActions, NOT_SELECTED_REASONS, WITHDRAWN_REASONS } from '../candidacies/policy.js';
import type { NeedPage } from './need-loader.js';
import { allowedNeedActions, NEED_TRANSITIONS, needPolicy } from './policy.js';

/** Everything the need page shows to this viewer: actions they may take, candidacies they may see, their own. */
export async function needPageData(prisma: PrismaClient, req: Request, need: NeedPage) {
  const actor = req.user;
  const seeCandidacies = needPolicy.seeCandidacies(actor, need);
  const candidacies = seeCandidacies
    ? await prisma.candidacy.findMany({
        where: { needId: need.id },
        orderBy: [{ createdAt: 'asc' }],
        include: { expert: { select: { id: true, userId: true, firstName: true, lastName: true, headline: true } } },
      })
    : [];
  const mine =
    actor?.role === 'expert'
      ? await prisma.candidacy.findFirst({ where: { needId: need.id, expert: { userId: actor.id } } })
      : null;
  const view = (c: { status: (typeof candidacies)[number]['status'] }, expertUserId: string) => ({ status: c.status, expertUserId, need });
  return {
    need,
    needActions: allowedNeedActions(actor, need).map((a) => ({ action: a, note: NEED_TRANSITIONS[a].note })),
    canEdit: needPolicy.edit(actor, need),
    candidacies: candidacies.map((c) => ({ ...c, actions: allowedCandidacyActions(actor, view(c, c.expert.userId)) })),
    seeCandidacies,
    mine: mine ? { ...mine, actions: allowedCandidacyActions(actor, view(mine, actor!.id)) } : null,
    canApply: actor?.role === 'expert' && need.status === 'published' && !mine,
    notSelectedReasons: NOT_SELECTED_REASONS,
    withdrawnReasons: WITHDRAWN_REASONS,
    applyValues: {} as Record<string, string>,
    applyErrors: {} as Record<string, { key: string }>,
  };
}
