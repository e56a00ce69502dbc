/**
 * `npm run bench`: runs every `bench:<name>` script of package.json in turn (today `bench:matcher`); a new
 * benchmark only needs its own `bench:<name>` script. Stops at the first failure. `npm run bench -- matcher`
 * runs only the named ones.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
const only = process.argv.slice(2);
const benches = Object.keys(scripts)
  .filter((name) => name.startsWith('bench:'))
  .filter((name) => only.length === 0 || only.includes(name.slice('bench:'.length)))
  .sort();

if (benches.length === 0) {
  console.error(only.length ? `no bench script named ${only.join(', ')}` : 'no bench:* script in package.json');
  process.exit(1);
}
for (const name of benches) {
  console.log(`\n=== npm run ${name}`);
  const run = spawnSync('npm', ['run', '--silent', name], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`${name} failed (exit ${run.status ?? run.signal})`);
    process.exit(run.status ?? 1);
  }
}
