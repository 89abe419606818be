import { describe, expect, it } from 'vitest';
import { formatDay, formatNumber } from '../../src/i18n/format.js';

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
