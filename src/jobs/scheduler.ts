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
  jobs: Job[], logger: Logger, clock: () => Date = () => new Date(), reporter?: WriteReporter,
): Scheduler {
  let stopped = false;
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Set<Promise<unknown>>();
  const loop = (job: Job) => {
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
    }, job.everyMs);
    timer.unref();
    timers.set(job.name, timer);
  };
  jobs.forEach(loop);
  return {
    async stop() {
      stopped = true;
      for (const t of timers.values()) clearTimeout(t);
      await Promise.allSettled([...running]);
    },
  };
}
