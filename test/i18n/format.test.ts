import { describe, expect, it } from 'vitest';
import { formatDay, formatDuration, formatElapsed, formatHours, formatNumber } from '../../src/i18n/format.js';

describe('formatDay', () => {
  it.each([
    ['2026-11-27', 'Fri 27 Nov 2026', 'Fr. 27. Nov. 2026'],
    ['2026-11-28', 'Sat 28 Nov 2026', 'Sa. 28. Nov. 2026'],
    ['2026-03-01', 'Sun 1 Mar 2026', 'So. 1. März 2026'],
    ['2026-12-31', 'Thu 31 Dec 2026', 'Do. 31. Dez. 2026'],
    ['2027-01-01', 'Fri 1 Jan 2027', 'Fr. 1. Jan. 2027'],
    ['2028-02-29', 'Tue 29 Feb 2028', 'Di. 29. Feb. 2028'],
  ])('a due date %s reads %j / %j', (iso, en, de) => {
    expect(formatDay(iso, 'en', { weekday: true, year: true })).toBe(en);
    expect(formatDay(iso, 'de', { weekday: true, year: true })).toBe(de);
  });

  it('writes short chart labels without the year', () => {
    expect(formatDay('2026-10-05', 'en')).toBe('5 Oct');
    expect(formatDay('2026-10-05', 'de')).toBe('5. Okt.');
  });
});

describe('formatNumber', () => {
  it('groups thousands the way each language does', () => {
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
    expect(formatNumber(1234567, 'de')).toBe('1.234.567');
  });
});

describe('formatDuration (time spent, exact)', () => {
  it.each([
    [0, '0m', '0 Min.'],
    [45, '45m', '45 Min.'],
    [60, '1h', '1 Std.'],
    [90, '1h 30m', '1 Std. 30 Min.'],
    [605, '10h 5m', '10 Std. 5 Min.'],
    [1500, '25h', '25 Std.'],
  ])('%d minutes: %s / %s', (minutes, en, de) => {
    expect(formatDuration(minutes, 'en')).toBe(en);
    expect(formatDuration(minutes, 'de')).toBe(de);
  });
});

describe('formatElapsed (waiting times, rounded)', () => {
  it.each([
    [0, '0m', '0 Min.'],
    [45, '45m', '45 Min.'],
    [59.6, '1h', '1 Std.'],
    [90, '1h 30m', '1 Std. 30 Min.'],
    [180, '3h', '3 Std.'],
    [1439, '23h 59m', '23 Std. 59 Min.'],
    [1440, '1d', '1 Tg.'],
    [24 * 60 + 4 * 60 + 10, '1d 4h', '1 Tg. 4 Std.'],
    [3 * 1440 + 23 * 60 + 50, '4d', '4 Tg.'],
  ])('%d minutes: %s / %s', (minutes, en, de) => {
    expect(formatElapsed(minutes, 'en')).toBe(en);
    expect(formatElapsed(minutes, 'de')).toBe(de);
  });
});

describe('formatHours', () => {
  it.each([
    [1260, '21 h', '21 Std.'],
    [90, '1.5 h', '1,5 Std.'],
    [0, '0 h', '0 Std.'],
    [60_000, '1,000 h', '1.000 Std.'],
  ])('%d minutes: %s / %s', (minutes, en, de) => {
    expect(formatHours(minutes, 'en')).toBe(en);
    expect(formatHours(minutes, 'de')).toBe(de);
  });
});
