import { describe, expect, it } from 'vitest';
import { activeFocus, availableFocusChoices, focusUntil, type FocusChoice } from '../../src/core/focus.js';
import { parseWorkingHours } from '../../src/core/working-hours.js';

const BERLIN = { timezone: 'Europe/Berlin', workingHours: undefined };
const HOURS = { timezone: 'Europe/Berlin', workingHours: parseWorkingHours('Mon-Thu 09:00-17:30, Fri 09:00-14:00') };

describe('focusUntil', () => {
  it.each<[string, FocusChoice, string, typeof BERLIN | typeof HOURS, string | undefined]>([
    ['1 hour', '1h', '2026-11-25T10:00:00Z', BERLIN, '2026-11-25T11:00:00.000Z'],
    ['2 hours', '2h', '2026-11-25T10:00:00Z', BERLIN, '2026-11-25T12:00:00.000Z'],
    ['4 hours, past midnight', '4h', '2026-11-25T22:30:00Z', BERLIN, '2026-11-26T02:30:00.000Z'],
    ['end of day without WORKING_HOURS: 17:30 Berlin', 'endOfDay', '2026-11-25T10:00:00Z', BERLIN, '2026-11-25T16:30:00.000Z'],
    ['end of day in summer time', 'endOfDay', '2026-07-01T10:00:00Z', BERLIN, '2026-07-01T15:30:00.000Z'],
    ['end of day after 17:30: not offered', 'endOfDay', '2026-11-25T17:00:00Z', BERLIN, undefined],
    ['end of day with WORKING_HOURS, Wednesday', 'endOfDay', '2026-11-25T10:00:00Z', HOURS, '2026-11-25T16:30:00.000Z'],
    ['end of day with WORKING_HOURS, short Friday', 'endOfDay', '2026-11-27T10:00:00Z', HOURS, '2026-11-27T13:00:00.000Z'],
    ['end of day on a Saturday: not offered', 'endOfDay', '2026-11-28T10:00:00Z', HOURS, undefined],
    ['next morning without WORKING_HOURS: 09:00 tomorrow', 'nextMorning', '2026-11-25T10:00:00Z', BERLIN, '2026-11-26T08:00:00.000Z'],
    ['next morning just after local midnight is the following day', 'nextMorning', '2026-11-25T23:30:00Z', BERLIN, '2026-11-27T08:00:00.000Z'],
    ['next morning on a Friday with WORKING_HOURS is Monday', 'nextMorning', '2026-11-27T10:00:00Z', HOURS, '2026-11-30T08:00:00.000Z'],
    ['next morning across the clock change', 'nextMorning', '2026-10-24T10:00:00Z', HOURS, '2026-10-26T08:00:00.000Z'],
  ])('%s', (_label, choice, now, calendar, expected) => {
    expect(focusUntil(choice, new Date(now), calendar)?.toISOString()).toBe(expected);
  });
});

describe('availableFocusChoices', () => {
  it('leaves out the end of the working day once it is over', () => {
    expect(availableFocusChoices(new Date('2026-11-25T10:00:00Z'), BERLIN)).toEqual(['1h', '2h', '4h', 'endOfDay', 'nextMorning']);
    expect(availableFocusChoices(new Date('2026-11-25T18:00:00Z'), BERLIN)).toEqual(['1h', '2h', '4h', 'nextMorning']);
  });
});

describe('activeFocus', () => {
  const now = new Date('2026-11-25T10:00:00Z');
  it.each([
    ['off', undefined, undefined],
    ['still on', '2026-11-25T11:00:00Z', '2026-11-25T11:00:00.000Z'],
    ['run out', '2026-11-25T09:59:59Z', undefined],
    ['ending right now', '2026-11-25T10:00:00Z', undefined],
  ])('%s', (_label, until, expected) => {
    expect(activeFocus(until ? new Date(until) : undefined, now)?.toISOString()).toBe(expected);
  });
});
