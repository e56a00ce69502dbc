/**
 * `npm run bench:password`: the password check on inputs built to slow zxcvbn down (long, repetitive, look-alike
 * characters) against an ordinary 16-character password, in the same run. The registration form runs this check
 * for anyone, so its worst case must stay a small multiple of the usual one (zxcvbn's maxLength and l33t bounds in
 * src/auth/password-policy.ts). Prints the ratio; a timed unit test would fail on a busy shared machine.
 */
import { checkPassword } from '../src/auth/password-policy.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const ordinary = 'Vent-du-Souss-2026';
const hostile = ['Zx9!kQ2#mP7$vL4&'.repeat(16), 'p4$$w0rd'.repeat(32), 'a1'.repeat(128), '4@3!1|0$5'.repeat(28)];

function median(label: string, fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const m = times[Math.floor(times.length / 2)]!;
  console.log(`${label.padEnd(34)} median ${m.toFixed(2)} ms over ${ROUNDS} rounds`);
  return m;
}

checkPassword('warm the dictionaries up');
const base = median('ordinary password', () => checkPassword(ordinary));
let worst = 0;
for (const pw of hostile) worst = Math.max(worst, median(`hostile, ${[...pw].length} characters`, () => checkPassword(pw)));
console.log(`worst-hostile-vs-ordinary: ${(worst / base).toFixed(1)}`);
