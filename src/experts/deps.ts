import type { Submission } from '../http/submission-key.js';
import type pg from 'pg';
import type { PrismaClient } from '../db/prisma.js';
import type { CvStore } from './cv-store.js';

/** What the expert features need from the application. */
export interface ExpertDeps {
  prisma: PrismaClient;
  pool: pg.Pool;
  cvStore: CvStore;
  /** business plans of the user's investment projects (their files go with an erasure) */
  businessPlanStore?: CvStore;
  /** base of the links put in e-mails */
  publicUrl: string;
}

/** Who acts and from where, for the audit log. */
export interface CommandContext {
  userId: string;
  ip?: string;
  now: Date;
  /** the one-time key of a create form, for the commands that honour it (a replay leads to the first result) */
  submission?: Submission;
}
