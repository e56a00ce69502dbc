import { describe, expect, it } from 'vitest';
import { cachedFor } from '../../src/lib/cached.js';

describe('cachedFor', () => {
  it('computes once per period, shares a computation in flight, and forgets a failure', async () => {
    let clock = 0;
    let calls = 0;
    let fail = false;
    const get = cachedFor(1000, async () => {
      calls++;
      if (fail) throw new Error('down');
      return calls;
    }, () => clock);
    expect(await Promise.all([get(), get(), get()])).toEqual([1, 1, 1]);
    clock = 999;
    expect(await get()).toBe(1);
    clock = 1000;
    expect(await get()).toBe(2);
    fail = true;
    clock = 5000;
    await expect(get()).rejects.toThrow('down');
    fail = false;
    expect(await get()).toBe(4);
    expect(calls).toBe(4);
  });
});
