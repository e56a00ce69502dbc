import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashPassword } from '../../src/lib/password.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { browserLike } from '../helpers/forms.js';
import { byTestId, LOOSE_LIMITS, STRONG_PASSWORD } from '../helpers/security.js';

// Issue 10, finding 3: once a real account's 5-minute lock had passed it answered "incorrect", while an unknown
// address kept answering "locked" for an hour, which told the two apart. Both now follow one schedule.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ limits: LOOSE_LIMITS });
  await t.db.prisma.user.create({
    data: { email: 'real.account@example.org', displayName: 'Real Account', passwordHash: await hashPassword(STRONG_PASSWORD), role: 'expert', emailVerifiedAt: new Date() },
  });
});
afterAll(() => t?.close());
afterEach(() => {
  vi.useRealTimers();
});

/** What a guesser reads: the status and the message of one wrong sign-in. */
async function answer(email: string): Promise<string> {
  const res = await browserLike(t.app).signIn(email, 'a wrong guess of a password');
  return `${res.status} ${byTestId(res.text, 'flash-error') ?? ''}`;
}

describe('lock-out of a real and of an unknown address (issue 10, finding 3)', () => {
  it('gives both the same answers, attempt after attempt, as the locks come and go', { timeout: 90_000 }, async () => {
    // Only the clock of the app moves (Date), so the test does not wait for real minutes.
    vi.useFakeTimers({ toFake: ['Date'] });
    let now = Date.now();
    vi.setSystemTime(now);
    const wait = (minutes: number) => {
      now += minutes * 60_000;
      vi.setSystemTime(now);
    };
    const seen: Record<'real' | 'unknown', string[]> = { real: [], unknown: [] };
    const attempts = async (n: number) => {
      for (let i = 0; i < n; i++) {
        seen.real.push(await answer('real.account@example.org'));
        seen.unknown.push(await answer('no.such.account@example.org'));
      }
    };
    await attempts(10); // the 10th locks for 5 minutes
    await attempts(2); // still locked
    wait(6);
    await attempts(5); // free again: the 15th failure locks for 15 minutes
    wait(16);
    await attempts(1); // free again
    expect(seen.unknown).toEqual(seen.real);
    // The answers did change along the way: both were locked, then both were told "incorrect" again.
    expect(new Set(seen.real).size).toBe(2);
    expect(seen.real[12]).toMatch(/^401 /);
  });
});
