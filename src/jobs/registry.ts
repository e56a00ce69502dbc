import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../lib/logger.js';
import type { Job } from './scheduler.js';

export interface JobDeps {
  config: Config;
  db: Database;
  logger: Logger;
}

/** Every periodic job of Jisr. Features add theirs here. */
export function allJobs(_deps: JobDeps): Job[] {
  return [];
}
