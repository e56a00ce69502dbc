import { describe, expect, it } from 'vitest';
import { isLocked, LOCKOUT_SCHEDULE, lockUntilAfterFailure } from '../../src/auth/lockout.js';

const now = new Date('2026-11-29T10:00:00Z');
const MIN = 60_000;
const lockMinutes = (failures: number) => {
  const until = lockUntilAfterFailure(failures, now);
  return until === null ? null : (until.getTime() - now.getTime()) / MIN;
};

describe('progressive lock-out', () => {
  it('does not lock below ten failures', () => {
    for (let n = 0; n < 10; n++) expect(lockUntilAfterFailure(n, now)).toBeNull();
  });

  it('locks 5 min at 10, 15 min at 15, 1 h at 20, then 24 h every five failures', () => {
    expect(lockMinutes(10)).toBe(5);
    expect(lockMinutes(15)).toBe(15);
    expect(lockMinutes(20)).toBe(60);
    expect(lockMinutes(25)).toBe(24 * 60);
    expect(lockMinutes(30)).toBe(24 * 60);
    expect(lockMinutes(1000)).toBe(24 * 60);
  });

  it('leaves the account usable between two steps', () => {
    for (const n of [11, 12, 14, 16, 19, 21, 24, 26, 29, 31, 1001]) expect(lockUntilAfterFailure(n, now)).toBeNull();
  });

  it('ignores counts that are not whole numbers', () => {
    for (const n of [-5, 10.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(lockUntilAfterFailure(n, now)).toBeNull();
  });

  it('exports its schedule as data, in increasing order', () => {
    expect(LOCKOUT_SCHEDULE.map((s) => [s.failures, s.lockMs / MIN])).toEqual([
      [10, 5],
      [15, 15],
      [20, 60],
      [25, 1440],
    ]);
    expect(Object.isFrozen(LOCKOUT_SCHEDULE)).toBe(true);
  });

  it('is locked strictly before the instant, free from it on', () => {
    const until = lockUntilAfterFailure(10, now)!;
    expect(isLocked(until, now)).toBe(true);
    expect(isLocked(until, new Date(until.getTime() - 1))).toBe(true);
    expect(isLocked(until, until)).toBe(false);
    expect(isLocked(until, new Date(until.getTime() + 1))).toBe(false);
    expect(isLocked(null, now)).toBe(false);
  });
});
