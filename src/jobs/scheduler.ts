import type { Logger } from '../lib/logger.js';
import type { WriteReporter } from '../ops/health.js';

/**
 * A periodic job: runs in every app instance, so it must be idempotent and claim its work atomically
 * (a conditional UPDATE … RETURNING, or FOR UPDATE SKIP LOCKED), never assume it is the only runner.
 */
export interface Job {
  name: string;
  everyMs: number;
  /** does one round of due work as of `now`; returns how many items it handled */
  run(now: Date): Promise<number>;
}

export interface Scheduler {
  stop(): Promise<void>;
}

/** Runs each job on its own setTimeout loop (runs of one job never overlap); errors are logged, never fatal. */
export function startScheduler(
  jobs: Job[], logger: Logger,
  options: { clock?: () => Date; reporter?: WriteReporter; firstRunAfterMs?: number } = {},
): Scheduler {
  const clock = options.clock ?? (() => new Date());
  const reporter = options.reporter;
  let stopped = false;
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Set<Promise<unknown>>();
  // The first run comes soon after start (work that fell due while no instance ran is not left for a whole
  // period); every instance does it, which the jobs' atomic claims allow.
  const loop = (job: Job, delayMs = job.everyMs) => {
    if (stopped) return;
    const timer = setTimeout(() => {
      const run = job
        .run(clock())
        .then((n) => {
          reporter?.writeSucceeded(`job:${job.name}`);
          if (n > 0) logger.info({ job: job.name, handled: n }, 'job ran');
        })
        .catch((err: unknown) => {
          reporter?.writeFailed(`job:${job.name}`, err);
          logger.error({ err, job: job.name }, 'job failed');
        })
        .finally(() => {
          running.delete(run);
          loop(job);
        });
      running.add(run);
    }, delayMs);
    timer.unref();
    timers.set(job.name, timer);
  };
  jobs.forEach((job) => loop(job, Math.min(job.everyMs, options.firstRunAfterMs ?? job.everyMs)));
  return {
    async stop() {
      stopped = true;
      for (const t of timers.values()) clearTimeout(t);
      await Promise.allSettled([...running]);
    },
  };
}
