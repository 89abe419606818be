import { calendarDate } from './dates.js';
import { nextWorkingStart, zonedInstant, type WorkingHours } from './working-hours.js';

/** The lengths of focus time a helper can pick on their Home. */
export const FOCUS_CHOICES = ['1h', '2h', '4h', 'endOfDay', 'nextMorning'] as const;
export type FocusChoice = (typeof FOCUS_CHOICES)[number];

/** What "the working day" means: WORKING_HOURS if set, else 09:00–17:30, in the desk's time zone. */
export interface FocusCalendar {
  timezone: string;
  workingHours: WorkingHours | undefined;
}

const HOUR_MS = 60 * 60 * 1000;
/** Without WORKING_HOURS: a working day ends at 17:30 and starts at 09:00. */
const DEFAULT_DAY_END = 17 * 60 + 30;
const DEFAULT_DAY_START = 9 * 60;

const weekdayOf = (isoDate: string) => (new Date(`${isoDate}T12:00:00Z`).getUTCDay() + 6) % 7;
const nextDate = (isoDate: string) => new Date(Date.parse(`${isoDate}T12:00:00Z`) + 24 * HOUR_MS).toISOString().slice(0, 10);

function endOfWorkingDay(now: Date, { timezone, workingHours }: FocusCalendar): Date | undefined {
  const today = calendarDate(now, timezone);
  const ends = workingHours
    ? workingHours.filter((s) => s.days.includes(weekdayOf(today))).map((s) => s.end)
    : [DEFAULT_DAY_END];
  if (ends.length === 0) return undefined;
  return zonedInstant(today, Math.max(...ends), timezone);
}

function nextMorning(now: Date, { timezone, workingHours }: FocusCalendar): Date | undefined {
  const tomorrow = nextDate(calendarDate(now, timezone));
  // One millisecond before midnight, so a span starting at 00:00 tomorrow counts.
  if (workingHours) return nextWorkingStart(workingHours, new Date(zonedInstant(tomorrow, 0, timezone).getTime() - 1), timezone);
  return zonedInstant(tomorrow, DEFAULT_DAY_START, timezone);
}

/**
 * Until when focus time lasts for `choice` picked at `now`; undefined when the choice makes no sense now (the
 * working day is already over, or today is not a working day).
 */
export function focusUntil(choice: FocusChoice, now: Date, calendar: FocusCalendar): Date | undefined {
  const until = (() => {
    switch (choice) {
      case '1h':
        return new Date(now.getTime() + HOUR_MS);
      case '2h':
        return new Date(now.getTime() + 2 * HOUR_MS);
      case '4h':
        return new Date(now.getTime() + 4 * HOUR_MS);
      case 'endOfDay':
        return endOfWorkingDay(now, calendar);
      case 'nextMorning':
        return nextMorning(now, calendar);
    }
  })();
  return until && until.getTime() > now.getTime() ? until : undefined;
}

/** The choices that make sense at `now`, in the order the Home lists them. */
export function availableFocusChoices(now: Date, calendar: FocusCalendar): FocusChoice[] {
  return FOCUS_CHOICES.filter((c) => focusUntil(c, now, calendar) !== undefined);
}

/** The focus end that is still ahead of `now`, or undefined when focus is off or has run out. */
export function activeFocus(until: Date | undefined, now: Date): Date | undefined {
  return until && until.getTime() > now.getTime() ? until : undefined;
}
