import { describe, expect, it } from 'vitest';
import { suppress } from '../../src/reports/impact.js';
import { niceMax } from '../../src/reports/bar-chart.js';

describe('small-cell suppression of the public figures', () => {
  it('hides counts of 1 to 4 people, and a second cell when one alone would be found by subtraction', () => {
    expect(suppress([10, 3, 2, 0])).toEqual([10, null, null, 0]);
    expect(suppress([10, 3, 7, 0])).toEqual([10, null, null, 0]);
    expect(suppress([0, 5, 12])).toEqual([0, 5, 12]);
    expect(suppress([4])).toEqual([null]);
  });

  it('ends chart scales on round numbers', () => {
    expect([0, 3, 7, 10, 11, 180, 2500].map(niceMax)).toEqual([1, 5, 10, 10, 20, 200, 5000]);
  });
});
