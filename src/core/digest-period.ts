import { calendarDate } from './dates.js';

/**
 * A digest week: Monday 00:00 to the next Monday 00:00 in the desk's time zone (167 or 169 hours across a daylight
 * saving change), with its ISO week key such as '2026-W48'.
 */
export interface WeekWindow {
  /** ISO week key, e.g. '2026-W48'. */
  week: string;
  /** The Monday it starts on, YYYY-MM-DD (local). */
  startDate: string;
  start: Date;
  end: Date;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** How far `timeZone`'s wall clock is ahead of UTC at `at`, in milliseconds (+3,600,000 for Berlin in winter). */
export function zoneOffsetMs(at: Date, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of wallClockFormatter(timeZone).formatToParts(at)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const wall = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant a local calendar day (YYYY-MM-DD) begins in `timeZone`. */
export function startOfLocalDay(isoDate: string, timeZone: string): Date {
  const wall = Date.parse(`${isoDate}T00:00:00Z`);
  // Two passes: the offset at the first guess can differ from the offset at midnight across a DST change.
  const first = wall - zoneOffsetMs(new Date(wall), timeZone);
  return new Date(wall - zoneOffsetMs(new Date(first), timeZone));
}

/** YYYY-MM-DD plus `days` (calendar arithmetic, no time zone involved). */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 1 for Monday … 7 for Sunday. */
function isoWeekday(isoDate: string): number {
  return new Date(`${isoDate}T00:00:00Z`).getUTCDay() || 7;
}

/** The ISO 8601 week key of a calendar date: '2026-W48'; 1 Jan 2027 is in '2026-W53'. */
export function isoWeekKey(isoDate: string): string {
  // The ISO week belongs to the year of its Thursday.
  const thursday = addDays(isoDate, 4 - isoWeekday(isoDate));
  const year = Number(thursday.slice(0, 4));
  const dayOfYear = (Date.parse(`${thursday}T00:00:00Z`) - Date.UTC(year, 0, 1)) / DAY_MS;
  return `${year}-W${String(Math.floor(dayOfYear / 7) + 1).padStart(2, '0')}`;
}

/** The week that starts on the Monday `mondayDate` (YYYY-MM-DD), in `timeZone`. */
export function weekStartingOn(mondayDate: string, timeZone: string): WeekWindow {
  return {
    week: isoWeekKey(mondayDate),
    startDate: mondayDate,
    start: startOfLocalDay(mondayDate, timeZone),
    end: startOfLocalDay(addDays(mondayDate, 7), timeZone),
  };
}

/** The last complete ISO week before `now` in `timeZone`: what a weekly digest posted at `now` reports. */
export function reportedWeek(now: Date, timeZone: string): WeekWindow {
  const today = calendarDate(now, timeZone);
  const thisMonday = addDays(today, 1 - isoWeekday(today));
  return weekStartingOn(addDays(thisMonday, -7), timeZone);
}

/** The `count` weeks before `week`, nearest first. */
export function weeksBefore(week: WeekWindow, count: number, timeZone: string): WeekWindow[] {
  return Array.from({ length: count }, (_, k) => weekStartingOn(addDays(week.startDate, -7 * (k + 1)), timeZone));
}
