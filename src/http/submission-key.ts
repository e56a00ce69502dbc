import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Prisma, PrismaClient } from '../db/prisma.js';
import { AppError } from './app-error.js';

/**
 * Idempotent create forms. Each form carries a one-time random key (`_submission`). The command that creates
 * inserts the key first in its own transaction (primary key: a twin submitted at the same moment waits on it, and
 * finds it taken once the first commits), then records where the first submission led. A replay — a double click,
 * a browser resending after a lost response — is sent to that first result and creates nothing.
 * A request without a key (an old page, a script) is served as before.
 */
export interface Submission {
  key: string;
  userId: string;
  /** which form, e.g. 'need.create' */
  form: string;
}

/** Thrown inside the creating transaction (which then rolls back) when the key was used already. */
export class ReplayedSubmission extends Error {
  constructor(readonly result: string) {
    super('submission replayed');
  }
}

const KEY = /^[A-Za-z0-9_-]{22,64}$/;

/** Views call `submissionKey()` in a create form: `<%- include('partials/submission-key') %>`. */
export function submissionKeys(_req: Request, res: Response, next: NextFunction) {
  res.locals.submissionKey = () => randomBytes(16).toString('base64url');
  next();
}

/** The submission a request carries, if its form had a well-formed key. */
export function submissionOf(req: Request, form: string): Submission | undefined {
  const key = (req.body as Record<string, unknown> | undefined)?._submission;
  return req.user && typeof key === 'string' && KEY.test(key) ? { key, userId: req.user.id, form } : undefined;
}

/**
 * First statement of the creating transaction. A key already committed throws ReplayedSubmission with the first
 * result; one being committed by a twin request blocks here until that transaction ends.
 */
export async function claimSubmission(tx: Prisma.TransactionClient, s: Submission | undefined): Promise<void> {
  if (!s) return;
  const inserted = await tx.$executeRaw`
    INSERT INTO "SubmissionKey" ("key", "userId", "form") VALUES (${s.key}, ${s.userId}::uuid, ${s.form})
    ON CONFLICT ("key") DO NOTHING`;
  if (inserted === 1) return;
  const first = await tx.submissionKey.findUnique({ where: { key: s.key } });
  // Another user's or another form's key is not a replay of this one: refuse it rather than reveal its result.
  if (!first || first.userId !== s.userId || first.form !== s.form || !first.result) throw new ReplayedSubmission('');
  throw new ReplayedSubmission(first.result);
}

/** Last statement of the creating transaction: where the first submission leads (a path of this site). */
export async function settleSubmission(tx: Prisma.TransactionClient, s: Submission | undefined, result: string): Promise<void> {
  if (s) await tx.submissionKey.update({ where: { key: s.key }, data: { result } });
}

/** Keys older than a day have done their job (a replay comes within seconds). Returns how many went. */
export async function pruneSubmissionKeys(prisma: PrismaClient, now: Date): Promise<number> {
  const { count } = await prisma.submissionKey.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 86_400_000) } } });
  return count;
}

/**
 * For a route's catch: a replay is sent (303) to the first result; a key that is not this user's or this form's is
 * a bad request; any other error goes on.
 */
export function redirectReplay(err: unknown, res: Response): void {
  if (!(err instanceof ReplayedSubmission)) throw err;
  if (!err.result) throw AppError.badRequest();
  res.redirect(303, err.result);
}
