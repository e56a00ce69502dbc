import path from 'node:path';
import { recordAudit } from '../audit/record-audit.js';
import { folderCvStore, type CvStore } from '../experts/cv-store.js';
import type { FieldErrors } from '../http/forms.js';
import { pdfProblem } from '../lib/pdf-file.js';
import type { Db } from './db.js';

export const MAX_PLAN_BYTES = 10 * 1024 * 1024;

/** The same storage as CVs (atomic replace, outside public/), in a folder of its own under DATA_DIR. */
export function businessPlanStoreFor(dataDir: string): CvStore {
  return folderCvStore(path.join(dataDir, 'business-plans'));
}

/**
 * Stores a project's business plan after the same byte checks as CVs (a real PDF by its magic number, 10 MB at
 * most). The file is written first under the project's own key, then the project points at it.
 */
export async function uploadBusinessPlan(
  deps: { db: Db; store: CvStore },
  input: { projectId: string; file: { buffer: Buffer; size: number } | undefined },
  ctx: { actorId: string; ip?: string; now?: Date },
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const problem = await pdfProblem(input.file, MAX_PLAN_BYTES);
  if (problem || !input.file) return { ok: false, errors: { businessPlan: { key: `invest.errors.plan_${problem ?? 'missing'}`, params: { max: 10 } } } };
  const key = `${input.projectId}.pdf`;
  await deps.store.put(key, input.file.buffer);
  await deps.db.investmentProject.update({ where: { id: input.projectId }, data: { businessPlanKey: key, businessPlanUploadedAt: ctx.now ?? new Date() } });
  await recordAudit(deps.db, { actorId: ctx.actorId, action: 'investment.business_plan_uploaded', entity: 'InvestmentProject', entityId: input.projectId, ip: ctx.ip, details: { bytes: input.file.size } });
  return { ok: true };
}
