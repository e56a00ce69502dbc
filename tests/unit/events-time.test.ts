import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventIcs, foldLine, icsText } from '../../src/events/ics.js';
import { isTimeZone, utcToZoned, zonedToUtc } from '../../src/events/time-zone.js';

describe('event times in their own time zone', () => {
  it('reads a wall-clock time in the zone, across its offset changes', () => {
    expect(zonedToUtc('2027-03-20T09:00', 'Africa/Casablanca')).toEqual(new Date('2027-03-20T08:00:00Z'));
    expect(zonedToUtc('2027-07-01T09:00', 'Europe/Paris')).toEqual(new Date('2027-07-01T07:00:00Z'));
    expect(zonedToUtc('2027-01-01T09:00', 'Africa/Dakar')).toEqual(new Date('2027-01-01T09:00:00Z'));
    expect(zonedToUtc('2027-02-30T09:00', 'UTC')).toBeUndefined();
    expect(isTimeZone('Africa/Casablanca')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
  });

  it('property: a time shown in the zone reads back as the same instant (outside DST gaps)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * 365 * 24 * 4 }), fc.constantFrom('Africa/Casablanca', 'Africa/Dakar', 'Asia/Amman', 'UTC'), (quarters, zone) => {
        const instant = new Date(Date.UTC(2026, 0, 1) + quarters * 15 * 60_000);
        const back = zonedToUtc(utcToZoned(instant, zone), zone)!;
        // an ambiguous hour (clocks going back) may read as either instant: same wall clock either way
        expect(utcToZoned(back, zone)).toBe(utcToZoned(instant, zone));
      }),
      { numRuns: 300 },
    );
  });
});

describe('.ics', () => {
  it('escapes text and folds long lines without cutting a character', () => {
    expect(icsText('a, b; c\\d\ne')).toBe('a\\, b\\; c\\\\d\\ne');
    const folded = foldLine(`SUMMARY:${'ورشة '.repeat(30)}`);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n ').join('')).toBe(`SUMMARY:${'ورشة '.repeat(30)}`);
    const ics = eventIcs({ id: 'x', title: 'T', description: 'D', startsAt: new Date('2027-01-01T09:00:00Z'), endsAt: new Date('2027-01-01T10:30:00Z'), place: null, onlineUrl: 'https://meet.example/a', status: 'open' }, 'http://j', new Date('2026-12-01T00:00:00Z'));
    expect(ics).toContain('DTEND:20270101T103000Z');
    expect(ics).toContain('LOCATION:https://meet.example/a');
  });
});
