import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../lib/logger.js';
import type { Job } from './scheduler.js';
import { candidacyDeadlinesJob } from '../candidacies/response-deadlines.js';
import { followUpJob } from '../missions/follow-up-reminders.js';
import { staleProfileReminderJob } from '../experts/stale-profile-reminder.js';
import { pruneSubmissionKeys } from '../http/submission-key.js';
import { retentionJob } from '../privacy/retention.js';

export interface JobDeps {
  config: Config;
  db: Database;
  logger: Logger;
}

/** Every periodic job of Jisr. Features add theirs here. */
export function allJobs(deps: JobDeps): Job[] {
  return [
    candidacyDeadlinesJob({ prisma: deps.db.prisma, publicUrl: deps.config.publicUrl }),
    followUpJob({ prisma: deps.db.prisma, publicUrl: deps.config.publicUrl }),
    staleProfileReminderJob({ prisma: deps.db.prisma, publicUrl: deps.config.publicUrl }),
    retentionJob({ prisma: deps.db.prisma }),
    { name: 'submission-keys.prune', everyMs: 3_600_000, run: (now) => pruneSubmissionKeys(deps.db.prisma, now) },
  ];
}
