import { describe, expect, it } from 'vitest';
import { computeBudget, fromCentimes, missionDays, toCentimes } from '../../src/missions/budget.js';

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe('mission budget', () => {
  it('counts calendar days inclusively, across month ends, leap days and years', () => {
    expect(missionDays(d('2027-03-01'), d('2027-03-01'))).toBe(1);
    expect(missionDays(d('2027-01-31'), d('2027-02-01'))).toBe(2);
    expect(missionDays(d('2028-02-28'), d('2028-03-01'))).toBe(3);
    expect(missionDays(d('2027-02-28'), d('2027-03-01'))).toBe(2);
    expect(missionDays(d('2026-12-30'), d('2027-01-02'))).toBe(4);
    expect(missionDays(new Date('2027-03-28T23:30:00Z'), new Date('2027-03-29T00:10:00Z'))).toBe(2);
    expect(() => missionDays(d('2027-03-02'), d('2027-03-01'))).toThrow(RangeError);
  });

  it('adds travel and per diem × days exactly, in centimes', () => {
    expect(computeBudget('4500', '850.50', d('2027-03-01'), d('2027-03-14'))).toEqual({
      travelCost: '4500.00', perDiemDaily: '850.50', perDiemDays: 14, total: '16407.00',
    });
    expect(computeBudget('0.10', '0.20', d('2027-01-01'), d('2027-01-01')).total).toBe('0.30');
    expect(computeBudget('1 200,5', 999.99, d('2028-02-28'), d('2028-03-01')).total).toBe('4200.47');
  });

  it('refuses amounts that are not money', () => {
    for (const bad of ['-5', 'abc', '1.234', '', '1e5', '12345678901']) expect(toCentimes(bad), bad).toBeUndefined();
    expect(() => computeBudget('-1', '100', d('2027-01-01'), d('2027-01-02'))).toThrow(RangeError);
    expect(toCentimes('0')).toBe(0);
    expect(fromCentimes(5)).toBe('0.05');
  });
});
