/**
 * Each indexed profile's availability (merged day ranges) and approved missions, packed by slot, and the one
 * question the summary asks of them: within a need's window, how many days are free, how long is the longest run,
 * and does an approved mission overlap it. The same answers as availabilityWithin on the profile itself.
 */
import { PackedPool } from './packed-pool.js';
import { dayNumber, mergedDays } from './prepare.js';
import type { DayRange } from './types.js';

export class DayRanges {
  /** Per slot: [number of availability pairs, merged availability as day pairs…, approved missions as day pairs…]. */
  private readonly pool = new PackedPool();
  /** Results of the last `within` call (fields, so that the hot loop allocates nothing). */
  total = 0;
  longest = 0;

  set(slot: number, availability: readonly DayRange[], busy: readonly DayRange[]): void {
    const avail = mergedDays(availability);
    this.pool.set(slot, [avail.length / 2, ...avail, ...busy.flatMap((b) => [dayNumber(b.startsOn), dayNumber(b.endsOn)])]);
  }

  clear(slot: number): void {
    this.pool.clear(slot);
  }

  /** Sets `total` and `longest` for the window [start, end] (day numbers); true when an approved mission overlaps it. */
  within(slot: number, start: number, end: number): boolean {
    const { data, start: from, length } = this.pool;
    const at = from[slot]!;
    const pairs = length[slot] ? data[at]! : 0;
    let total = 0;
    let longest = 0;
    for (let i = 0; i < pairs; i++) {
      const a = Math.max(start, data[at + 1 + 2 * i]!);
      const b = Math.min(end, data[at + 2 + 2 * i]!);
      if (a > b) continue;
      total += b - a + 1;
      longest = Math.max(longest, b - a + 1);
    }
    this.total = total;
    this.longest = longest;
    for (let i = at + 1 + 2 * pairs; i < at + length[slot]!; i += 2) if (data[i]! <= end && data[i + 1]! >= start) return true;
    return false;
  }
}
