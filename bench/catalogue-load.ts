/**
 * A small closed-loop load generator (autocannon-like, no dependency): `concurrency` workers on keep-alive
 * connections each send a request as soon as their previous answer is fully read, for `seconds`. Latencies are
 * kept whole, so the percentiles are exact.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface LoadResult {
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p95: number;
}

function once(agent: http.Agent, url: URL): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers: { accept: 'text/html' } }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

export async function load(url: string, options: { concurrency: number; seconds: number; warmupSeconds?: number }): Promise<LoadResult> {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const run = async (seconds: number, record: boolean) => {
    const latencies: number[] = [];
    let errors = 0;
    const end = performance.now() + seconds * 1000;
    const worker = async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        const status = await once(agent, target).catch(() => 0);
        if (status !== 200) errors++;
        if (record) latencies.push(performance.now() - t0);
      }
    };
    const t0 = performance.now();
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    return { latencies, errors, elapsed: (performance.now() - t0) / 1000 };
  };
  try {
    // Warm-up: JIT, view cache, connection pool and PostgreSQL's buffers, not counted.
    await run(options.warmupSeconds ?? 1, false);
    const { latencies, errors, elapsed } = await run(options.seconds, true);
    latencies.sort((a, b) => a - b);
    const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil((p / 100) * latencies.length) - 1))] ?? NaN;
    return { requests: latencies.length, errors, rps: latencies.length / elapsed, p50: at(50), p95: at(95) };
  } finally {
    agent.destroy();
  }
}
