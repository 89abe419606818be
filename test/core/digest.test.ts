import { describe, expect, it } from 'vitest';
import { addDays, isoWeekKey, reportedWeek, startOfLocalDay, weeksBefore, zoneOffsetMs } from '../../src/core/digest-period.js';
import { chartSeries, compareWeeks, foldSmallTeams, formatChange, median, OTHER_TEAMS, percentChange } from '../../src/core/digest.js';

describe('ISO week keys', () => {
  it.each([
    ['2026-11-23', '2026-W48'], // a Monday
    ['2026-11-29', '2026-W48'], // its Sunday
    ['2026-11-30', '2026-W49'],
    ['2026-01-01', '2026-W01'], // a Thursday: week 1 of its own year
    ['2026-12-31', '2026-W53'], // 2026 has 53 ISO weeks
    ['2027-01-01', '2026-W53'], // a Friday: still 2026's last week
    ['2027-01-04', '2027-W01'],
    ['2021-01-03', '2020-W53'],
    ['2024-12-30', '2025-W01'], // a Monday in December that starts next year's week 1
  ])('%s is in %s', (date, key) => {
    expect(isoWeekKey(date)).toBe(key);
  });
});

describe('local days and weeks', () => {
  it.each([
    ['2026-11-23', 'Europe/Berlin', '2026-11-22T23:00:00.000Z'],
    ['2026-07-06', 'Europe/Berlin', '2026-07-05T22:00:00.000Z'],
    ['2026-10-25', 'Europe/Berlin', '2026-10-24T22:00:00.000Z'], // the day summer time ends, at 03:00
    ['2026-03-29', 'Europe/Berlin', '2026-03-28T23:00:00.000Z'], // the day it starts, at 02:00
    ['2026-11-23', 'America/New_York', '2026-11-23T05:00:00.000Z'],
    ['2026-11-23', 'Asia/Kolkata', '2026-11-22T18:30:00.000Z'],
    ['2026-11-23', 'UTC', '2026-11-23T00:00:00.000Z'],
  ])('%s starts in %s at %s', (date, tz, instant) => {
    expect(startOfLocalDay(date, tz).toISOString()).toBe(instant);
  });

  it('knows a zone\'s offset on either side of a change', () => {
    expect(zoneOffsetMs(new Date('2026-10-25T00:30:00Z'), 'Europe/Berlin')).toBe(2 * 3_600_000);
    expect(zoneOffsetMs(new Date('2026-10-25T01:30:00Z'), 'Europe/Berlin')).toBe(3_600_000);
  });

  it.each([
    // now (UTC), zone, reported week, its start and end (UTC)
    ['2026-11-30T07:00:00Z', 'Europe/Berlin', '2026-W48', '2026-11-22T23:00:00.000Z', '2026-11-29T23:00:00.000Z'],
    ['2026-11-29T22:59:59Z', 'Europe/Berlin', '2026-W47', '2026-11-15T23:00:00.000Z', '2026-11-22T23:00:00.000Z'], // still Sunday in Berlin
    ['2026-11-29T23:00:00Z', 'Europe/Berlin', '2026-W48', '2026-11-22T23:00:00.000Z', '2026-11-29T23:00:00.000Z'], // Monday 00:00
    ['2026-11-30T03:00:00Z', 'America/Los_Angeles', '2026-W47', '2026-11-16T08:00:00.000Z', '2026-11-23T08:00:00.000Z'], // Sunday evening there: W48 is not over
    ['2026-10-27T08:00:00Z', 'Europe/Berlin', '2026-W43', '2026-10-18T22:00:00.000Z', '2026-10-25T23:00:00.000Z'], // 169 hours long
    ['2027-01-04T08:00:00Z', 'Europe/Berlin', '2026-W53', '2026-12-27T23:00:00.000Z', '2027-01-03T23:00:00.000Z'],
  ])('a digest at %s in %s reports %s', (now, tz, week, start, end) => {
    const w = reportedWeek(new Date(now), tz);
    expect([w.week, w.start.toISOString(), w.end.toISOString()]).toEqual([week, start, end]);
  });

  it('lists the weeks before a week, nearest first, back to back', () => {
    const w = reportedWeek(new Date('2026-11-30T07:00:00Z'), 'Europe/Berlin');
    const before = weeksBefore(w, 4, 'Europe/Berlin');
    expect(before.map((b) => b.week)).toEqual(['2026-W47', '2026-W46', '2026-W45', '2026-W44']);
    expect(before[0]!.end).toEqual(w.start);
    expect(before[3]!.end).toEqual(before[2]!.start);
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
  });
});

describe('figures', () => {
  it.each([
    [[], null],
    [[7], 7],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[600, 30, 90, 60, 120], 90],
  ])('the median of %j is %j', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it.each([
    [34, 24, 42],
    [24, 34, -29],
    [5, 5, 0],
    [3, 0, null],
  ])('%d against %d changes by %j%%', (value, base, expected) => {
    expect(percentChange(value, base)).toBe(expected);
  });

  it('compares a week with the week before and the average of the four before it', () => {
    expect(compareWeeks(34, [30, 20, 26, 20])).toEqual({ current: 34, lastWeek: 30, fourWeekAverage: 24, vsLastWeek: 13, vsAverage: 42 });
    expect(compareWeeks(0, [0, 0, 0, 0])).toMatchObject({ vsLastWeek: null, vsAverage: null });
  });

  it('folds teams with fewer than 3 requests into "Other teams", last, and keeps the rest by size', () => {
    const teams = [
      { label: 'Product', count: 2, minutes: 60 },
      { label: 'Sales', count: 20, minutes: 600 },
      { label: 'Leadership', count: 1, minutes: 30 },
      { label: 'Customer Success', count: 3, minutes: 0 },
    ];
    expect(foldSmallTeams(teams)).toEqual([
      { label: 'Sales', count: 20, minutes: 600 },
      { label: 'Customer Success', count: 3, minutes: 0 },
      { label: OTHER_TEAMS, count: 3, minutes: 90 },
    ]);
    expect(foldSmallTeams(teams.filter((t) => t.count >= 3)).map((t) => t.label)).toEqual(['Sales', 'Customer Success']);
    expect(foldSmallTeams([{ label: 'Sales', count: 2, minutes: 0 }])).toEqual([{ label: OTHER_TEAMS, count: 2, minutes: 0 }]);
  });

  it('folds chart teams by their total over all the weeks', () => {
    const series = chartSeries(3, [
      { week: 0, team: 'Sales', count: 1 },
      { week: 2, team: 'Sales', count: 2 },
      { week: 1, team: 'HR', count: 1 },
      { week: 2, team: 'Legal', count: 1 },
    ]);
    expect(series).toEqual([
      { team: 'Sales', counts: [1, 0, 2] },
      { team: OTHER_TEAMS, counts: [0, 1, 1] },
    ]);
  });

  it.each([
    [40, '+40%'],
    [-12, '-12%'],
    [0, '±0%'],
  ])('a change of %d reads %s', (pct, text) => {
    expect(formatChange(pct)).toBe(text);
  });
});
