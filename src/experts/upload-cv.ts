import type { PrismaClient } from '../db/prisma.js';
import { recordAudit } from '../audit/record-audit.js';
import type { FieldErrors } from '../http/forms.js';
import { pdfProblem } from '../lib/pdf-file.js';
import type { CommandContext } from './deps.js';
import { cvKeyFor, type CvStore } from './cv-store.js';
import { confirmedNow } from './save-profile-fields.js';

export const MAX_CV_BYTES = 5 * 1024 * 1024;

/**
 * Stores the expert's CV. What counts is the bytes: a PDF starts with `%PDF-` (file-type reads the magic
 * number), whatever the file's name or the type the browser declared. The new file replaces the old one
 * atomically under the same key, so the profile never points at a missing or half-written file.
 */
export async function uploadCv(
  deps: { prisma: PrismaClient; cvStore: CvStore },
  file: { buffer: Buffer; size: number } | undefined,
  ctx: CommandContext,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const problem = await pdfProblem(file, MAX_CV_BYTES);
  if (problem === 'missing' || !file) return { ok: false, errors: { cv: { key: 'validation.expert.cvMissing' } } };
  if (problem === 'tooLarge') return { ok: false, errors: { cv: { key: 'validation.expert.cvTooLarge', params: { max: 5 } } } };
  if (problem === 'notPdf') return { ok: false, errors: { cv: { key: 'validation.expert.cvNotPdf' } } };
  const profile = await deps.prisma.expertProfile.findUniqueOrThrow({ where: { userId: ctx.userId }, select: { id: true } });
  const key = cvKeyFor(profile.id);
  await deps.cvStore.put(key, file.buffer);
  await deps.prisma.$transaction(async (tx) => {
    await tx.expertProfile.update({ where: { id: profile.id }, data: { cvFileKey: key, cvUploadedAt: ctx.now, ...confirmedNow(ctx.now) } });
    await recordAudit(tx, { actorId: ctx.userId, action: 'expert.cv_uploaded', entity: 'ExpertProfile', entityId: profile.id, ip: ctx.ip, details: { bytes: file.size } });
  });
  return { ok: true };
}

/** Removes the CV: the profile forgets it first, then the file goes (a leftover file is harmless, a dangling key is not). */
export async function deleteCv(deps: { prisma: PrismaClient; cvStore: CvStore }, ctx: CommandContext): Promise<void> {
  const profile = await deps.prisma.expertProfile.findUniqueOrThrow({ where: { userId: ctx.userId }, select: { id: true, cvFileKey: true } });
  if (!profile.cvFileKey) return;
  await deps.prisma.$transaction(async (tx) => {
    await tx.expertProfile.update({ where: { id: profile.id }, data: { cvFileKey: null, cvUploadedAt: null } });
    await recordAudit(tx, { actorId: ctx.userId, action: 'expert.cv_deleted', entity: 'ExpertProfile', entityId: profile.id, ip: ctx.ip });
  });
  await deps.cvStore.delete(profile.cvFileKey);
}
