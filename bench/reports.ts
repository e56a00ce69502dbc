/**
 * Reports benchmark (`npm run bench:reports`): an embedded PostgreSQL in a temporary folder with 100 000 experts,
 * 20 000 needs (bench/catalogue-seed.ts), 10 000 missions, 40 000 candidacies and 2 000 investment projects
 * (bench/reports-seed.ts); then the real app (production settings) and a signed-in officer. It times, in the same
 * run, the bare SQL aggregates of the report (every query, in parallel, as the page runs them) and the whole page
 * over HTTP, and prints p50/p95 of each and their ratio. Sizes: BENCH_EXPERTS, BENCH_NEEDS, BENCH_MISSIONS, BENCH_RUNS.
 */
import { benchConfig } from './bench-config.js';
import { startBenchDatabase } from './bench-database.js';
import type { Server } from 'node:http';
import type net from 'node:net';
import { createApp } from '../src/app.js';
import { createLogger } from '../src/lib/logger.js';
import { hashPassword } from '../src/lib/password.js';
import { reportQuerySchema, resolveFilter } from '../src/reports/filters.js';
import { missionFigures, investmentFigures } from '../src/reports/mission-queries.js';
import { candidacyFigures, needFigures } from '../src/reports/need-queries.js';
import { expertFigures } from '../src/reports/people-queries.js';
import { seedCatalogue } from './catalogue-seed.js';
import { seedReports } from './reports-seed.js';

const EXPERTS = Number(process.env.BENCH_EXPERTS ?? 100_000);
const NEEDS = Number(process.env.BENCH_NEEDS ?? 20_000);
const MISSIONS = Number(process.env.BENCH_MISSIONS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const TODAY = new Date('2026-11-29T00:00:00Z');

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
async function timed(runs: number, fn: () => Promise<unknown>) {
  await fn(); // warm-up: plans cached, pages compiled
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return { p50: pct(ms, 50), p95: pct(ms, 95) };
}

async function main() {
  const logger = createLogger('warn');
  const bench = await startBenchDatabase('reports', logger);
  const { dir, db } = bench;
  let server: Server | undefined;
  try {
    const t0 = Date.now();
    await seedCatalogue(db.pool, NEEDS, 20261129, TODAY);
    await seedReports(db.pool, { experts: EXPERTS, missions: MISSIONS, candidacies: 4 * MISSIONS, projects: 2_000 });
    const count = async (table: string) => (await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0]!.n;
    console.log(`# reports benchmark — ${await count('ExpertProfile')} experts, ${await count('Need')} needs, ${await count('Candidacy')} candidacies, ` +
      `${await count('Mission')} missions, ${await count('InvestmentProject')} projects; seeded in ${Date.now() - t0} ms; ${RUNS} runs, node ${process.version}`);

    await db.prisma.user.create({ data: { email: 'officer@bench.local', role: 'officer', passwordHash: await hashPassword('Bench-Officer-Pass-2026'), emailVerifiedAt: new Date() } });
    const config = benchConfig(dir);
    server = await new Promise<Server>((resolve) => {
      const s = createApp({ config, db, logger: createLogger('silent') }).listen(0, '127.0.0.1', () => resolve(s));
    });
    const base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
    const cookie = await signIn(base, 'officer@bench.local', 'Bench-Officer-Pass-2026');

    for (const [label, qs] of [['all periods', 'period=all'], ['year 2026, one region', 'period=year&year=2026&region=CS']] as const) {
      const filter = resolveFilter(reportQuerySchema.parse(Object.fromEntries(new URLSearchParams(qs))), TODAY);
      // each section's queries alone, to see where the time goes
      const parts = {
        experts: () => expertFigures(db.prisma, filter, TODAY), needs: () => needFigures(db.prisma, filter), candidacies: () => candidacyFigures(db.prisma, filter),
        missions: () => missionFigures(db.prisma, filter, TODAY), investments: () => investmentFigures(db.prisma, filter),
      };
      const each = [];
      for (const [name, run] of Object.entries(parts)) each.push(`${name} ${(await timed(Math.ceil(RUNS / 3), run)).p50.toFixed(1)}`);
      console.log(`${label.padEnd(24)} section queries alone, p50 ms: ${each.join(', ')}`);
      const bare = await timed(RUNS, () => Promise.all([
        expertFigures(db.prisma, filter, TODAY), needFigures(db.prisma, filter), candidacyFigures(db.prisma, filter),
        missionFigures(db.prisma, filter, TODAY), investmentFigures(db.prisma, filter),
      ]));
      const page = await timed(RUNS, async () => {
        const res = await fetch(`${base}/officer/reports?${qs}`, { headers: { cookie } });
        if (res.status !== 200) throw new Error(`/officer/reports answered ${res.status}`);
        await res.text();
      });
      console.log(`${label.padEnd(24)} bare queries p50 ${bare.p50.toFixed(1)} ms p95 ${bare.p95.toFixed(1)} ms | whole page p50 ${page.p50.toFixed(1)} ms p95 ${page.p95.toFixed(1)} ms | page/queries ×${(page.p95 / bare.p95).toFixed(2)} (p95)`);
    }
  } finally {
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    await bench.close();
  }
}

/** The real sign-in form: its CSRF token and session cookie, then the session cookie it sets. */
async function signIn(base: string, email: string, password: string): Promise<string> {
  const page = await fetch(`${base}/login`);
  const jar = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  const res = await fetch(`${base}/login`, {
    method: 'POST', redirect: 'manual', headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: token, email, password }),
  });
  if (res.status !== 303) throw new Error(`sign-in answered ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

await main();
