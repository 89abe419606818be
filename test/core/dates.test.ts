import { describe, expect, it } from 'vitest';
import { calendarDate } from '../../src/core/dates.js';

describe('calendarDate', () => {
  it.each([
    // UTC around midnight
    ['2026-03-10T00:00:00.000Z', 'UTC', '2026-03-10'],
    ['2026-03-09T23:59:59.999Z', 'UTC', '2026-03-09'],
    // ahead of UTC: already tomorrow
    ['2026-03-10T22:59:59.999Z', 'Europe/Berlin', '2026-03-10'], // 23:59:59 CET
    ['2026-03-10T23:00:00.000Z', 'Europe/Berlin', '2026-03-11'], // 00:00 CET
    ['2026-07-10T21:59:59.999Z', 'Europe/Berlin', '2026-07-10'], // 23:59:59 CEST
    ['2026-07-10T22:00:00.000Z', 'Europe/Berlin', '2026-07-11'], // 00:00 CEST
    ['2026-03-10T18:29:59.999Z', 'Asia/Kolkata', '2026-03-10'], // 23:59:59 IST (+05:30)
    ['2026-03-10T18:30:00.000Z', 'Asia/Kolkata', '2026-03-11'],
    ['2026-03-10T11:00:00.000Z', 'Pacific/Auckland', '2026-03-11'], // 00:00 NZDT (+13)
    ['2026-03-10T10:59:59.999Z', 'Pacific/Auckland', '2026-03-10'],
    // behind UTC: still yesterday
    ['2026-03-11T06:59:59.999Z', 'America/Los_Angeles', '2026-03-10'], // 23:59:59 PDT
    ['2026-03-11T07:00:00.000Z', 'America/Los_Angeles', '2026-03-11'],
    ['2026-03-11T03:00:00.000Z', 'America/New_York', '2026-03-10'],
    // year boundary
    ['2026-12-31T23:00:00.000Z', 'Europe/Berlin', '2027-01-01'],
    ['2027-01-01T04:59:59.000Z', 'America/New_York', '2026-12-31'],
    // leap day
    ['2028-02-29T12:00:00.000Z', 'UTC', '2028-02-29'],
  ])('at %s in %s it is %s', (iso, timeZone, expected) => {
    expect(calendarDate(new Date(iso), timeZone)).toBe(expected);
  });
});
