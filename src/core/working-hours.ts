import { calendarDate } from './dates.js';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** One stretch of working time on some weekdays: minutes after local midnight, weekdays 0 (Mon) … 6 (Sun). */
export interface WorkingSpan {
  days: number[];
  start: number;
  end: number;
}

/** When the helper works, in the desk's time zone. */
export type WorkingHours = WorkingSpan[];

const minutes = (hhmm: string): number | undefined => {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
};

const dayIndex = (name: string) => DAYS.indexOf(name.slice(0, 3).toLowerCase() as (typeof DAYS)[number]);

/**
 * Parses WORKING_HOURS such as "Mon-Fri 09:00-17:30" or "Mon-Thu 09:00-17:30, Fri 09:00-14:00"; throws with a
 * readable message when it cannot.
 */
export function parseWorkingHours(text: string): WorkingHours {
  return text.split(/[,;]/).map((part) => {
    const m = /^\s*([A-Za-z]{3})(?:\s*-\s*([A-Za-z]{3}))?\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})\s*$/.exec(part);
    const from = m ? dayIndex(m[1]!) : -1;
    const to = m?.[2] ? dayIndex(m[2]) : from;
    const start = m ? minutes(m[3]!) : undefined;
    const end = m ? minutes(m[4]!) : undefined;
    if (!m || from < 0 || to < 0 || start === undefined || end === undefined || end <= start) {
      throw new Error(`"${part.trim()}" is not like "Mon-Fri 09:00-17:30"`);
    }
    const days: number[] = [];
    for (let d = from; ; d = (d + 1) % 7) {
      days.push(d);
      if (d === to) break;
    }
    return { days, start, end };
  });
}

/** The weekday (0 = Monday) and minutes after midnight of `at` in `timeZone`. */
function localClock(at: Date, timeZone: string): { weekday: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { weekday: dayIndex(get('weekday')), minute: Number(get('hour')) * 60 + Number(get('minute')) };
}

/** The instant at which the wall clock in `timeZone` shows `minute` minutes after midnight on `isoDate`. */
export function zonedInstant(isoDate: string, minute: number, timeZone: string): Date {
  const wanted = Date.parse(`${isoDate}T00:00:00Z`) + minute * 60_000;
  let guess = wanted;
  // Two rounds settle the offset, also on the day the clocks change.
  for (let i = 0; i < 2; i++) {
    const local = localClock(new Date(guess), timeZone);
    const shownDate = calendarDate(new Date(guess), timeZone);
    const shown = Date.parse(`${shownDate}T00:00:00Z`) + local.minute * 60_000;
    guess += wanted - shown;
  }
  return new Date(guess);
}

/** True when `at` falls in the working hours. */
export function isWorkingTime(hours: WorkingHours, at: Date, timeZone: string): boolean {
  const { weekday, minute } = localClock(at, timeZone);
  return hours.some((s) => s.days.includes(weekday) && minute >= s.start && minute < s.end);
}

/** The next moment working hours begin after `at` (within two weeks), for "back on Monday at 09:00". */
export function nextWorkingStart(hours: WorkingHours, at: Date, timeZone: string): Date | undefined {
  for (let offset = 0; offset <= 14; offset++) {
    const isoDate = calendarDate(new Date(at.getTime() + offset * 86_400_000), timeZone);
    const weekday = (new Date(`${isoDate}T12:00:00Z`).getUTCDay() + 6) % 7;
    const starts = hours
      .filter((s) => s.days.includes(weekday))
      .map((s) => zonedInstant(isoDate, s.start, timeZone))
      .filter((d) => d.getTime() > at.getTime())
      .sort((a, b) => a.getTime() - b.getTime());
    if (starts[0]) return starts[0];
  }
  return undefined;
}
