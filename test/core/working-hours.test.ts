import { describe, expect, it } from 'vitest';
import { isWorkingTime, nextWorkingStart, parseWorkingHours } from '../../src/core/working-hours.js';

const BERLIN = 'Europe/Berlin';
const hours = parseWorkingHours('Mon-Thu 09:00-17:30, Fri 09:00-14:00');

describe('parseWorkingHours', () => {
  it('reads spans of weekdays with times', () => {
    expect(parseWorkingHours('Mon-Fri 09:00-17:30')).toEqual([{ days: [0, 1, 2, 3, 4], start: 540, end: 1050 }]);
    expect(parseWorkingHours('Sat 10:00-12:00; sun 10:00-11:00')).toEqual([
      { days: [5], start: 600, end: 720 },
      { days: [6], start: 600, end: 660 },
    ]);
    expect(parseWorkingHours('Fri-Mon 8:00-12:00')[0]!.days).toEqual([4, 5, 6, 0]);
  });

  it.each(['Mon-Fri', '9-17', 'Mon-Fri 17:00-09:00', 'Xyz 09:00-10:00', 'Mon 25:00-26:00', ''])('refuses %j', (text) => {
    expect(() => parseWorkingHours(text)).toThrow(/is not like "Mon-Fri 09:00-17:30"/);
  });
});

describe('isWorkingTime and nextWorkingStart (Europe/Berlin)', () => {
  it.each([
    ['Wednesday 10:00', '2026-11-25T09:00:00Z', true, undefined],
    ['Wednesday 08:59', '2026-11-25T07:59:00Z', false, '2026-11-25T08:00:00.000Z'],
    ['Wednesday 17:30', '2026-11-25T16:30:00Z', false, '2026-11-26T08:00:00.000Z'],
    ['Friday 14:00', '2026-11-27T13:00:00Z', false, '2026-11-30T08:00:00.000Z'],
    ['Saturday', '2026-11-28T12:00:00Z', false, '2026-11-30T08:00:00.000Z'],
    // The clocks go back on Sunday 25 October 2026: Monday 09:00 is 08:00 UTC, Friday 09:00 was 07:00 UTC.
    ['Friday 23 Oct after work', '2026-10-23T15:00:00Z', false, '2026-10-26T08:00:00.000Z'],
    ['Thursday 26 March, evening', '2026-03-26T18:00:00Z', false, '2026-03-27T08:00:00.000Z'],
    ['Sunday 29 March (clocks went forward)', '2026-03-29T12:00:00Z', false, '2026-03-30T07:00:00.000Z'],
  ])('%s', (_label, at, working, next) => {
    const when = new Date(at);
    expect(isWorkingTime(hours, when, BERLIN)).toBe(working);
    if (next) expect(nextWorkingStart(hours, when, BERLIN)?.toISOString()).toBe(next);
  });
});
