/**
 * Catalogue benchmark (`npm run bench:catalogue`): an embedded PostgreSQL in a temporary folder, migrated, with the
 * reference data and 10 000 generated published needs (deterministic), then the real app (createApp, production
 * settings: view cache on) listening on a port. Each URL is loaded with the same concurrency for the same time and
 * reported as requests per second, p50/p95 latency and its ratio to two bare pages of the same app in the same
 * run: /healthz (no middleware beyond the first, no template) and /about (the whole middleware chain and a
 * template, no query). Sizes: BENCH_NEEDS, BENCH_SECONDS, BENCH_CONCURRENCY.
 */
import { benchConfig } from './bench-config.js';
import { startBenchDatabase } from './bench-database.js';
import type { Server } from 'node:http';
import net from 'node:net';
import { createApp } from '../src/app.js';
import { createLogger } from '../src/lib/logger.js';
import { load, type LoadResult } from './catalogue-load.js';
import { seedCatalogue } from './catalogue-seed.js';

const NEEDS = Number(process.env.BENCH_NEEDS ?? 10_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const SEED = 20261129;
const TODAY = new Date('2026-11-29T00:00:00Z');


const fmt = (r: LoadResult) => `${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms`;

async function main() {
  const logger = createLogger('warn');
  const bench = await startBenchDatabase('catalogue', logger);
  const { dir, db } = bench;
  let server: Server | undefined;
  try {
    const t0 = Date.now();
    const seeded = await seedCatalogue(db.pool, NEEDS, SEED, TODAY);
    console.log(`# catalogue benchmark — ${seeded.needs} published needs (${seeded.needSkills} skills, ${seeded.needLanguages} languages), ` +
      `${seeded.institutions} institutions, seeded in ${Date.now() - t0} ms; ${CONCURRENCY} connections × ${SECONDS} s per URL, node ${process.version}`);

    const config = benchConfig(dir);
    const app = createApp({ config, db, logger: createLogger('silent') });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;

    const urls: [string, string][] = [
      ['baseline /healthz', '/healthz'],
      ['baseline /about', '/about'],
      ['catalogue, no filter', '/needs'],
      ['catalogue, text search', '/needs?q=gestion'],
      ['catalogue, filtered + sorted', `/needs?sector=water_environment&language=fr&skill=${encodeURIComponent('Gestion des ressources en eau')}&from=2027-01-01&sort=closing`],
      ['catalogue, page 50', '/needs?page=50'],
    ];
    const results = new Map<string, LoadResult>();
    for (const [label, url] of urls) {
      const r = await load(base + url, { concurrency: CONCURRENCY, seconds: SECONDS });
      if (r.errors) throw new Error(`${url}: ${r.errors} answers other than 200`);
      results.set(label, r);
      const health = results.get('baseline /healthz')!;
      const about = results.get('baseline /about');
      const ratios = label.startsWith('baseline') ? '' : `  ×${(r.rps / health.rps).toFixed(3)} of /healthz  ×${(r.rps / about!.rps).toFixed(3)} of /about`;
      console.log(`${label.padEnd(30)} ${fmt(r)}${ratios}   ${url}`);
    }
    const catalogue = [...results.entries()].filter(([k]) => k.startsWith('catalogue'));
    const worst = Math.min(...catalogue.map(([, r]) => r.rps / results.get('baseline /about')!.rps));
    console.log(`catalogue-vs-about (worst): ${worst.toFixed(3)}`);
  } finally {
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    server?.closeAllConnections();
    await bench.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
