import { Cron } from 'croner';
import { calendarDate } from './dates.js';
import { isoWeekKey } from './digest-period.js';

export type DigestKind = 'daily' | 'weekly';

/** Checks a cron pattern (five fields, as in DAILY_DIGEST_CRON); returns the problem, or undefined when valid. */
export function cronProblem(pattern: string, timezone: string): string | undefined {
  try {
    new Cron(pattern, { timezone, paused: true });
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/** The latest time the schedule fired at or before `now` (in `timezone`, DST-aware), if it ever did. */
export function lastFireTime(pattern: string, timezone: string, now: Date): Date | undefined {
  const job = new Cron(pattern, { timezone, paused: true });
  // previousRuns looks strictly before its reference: a fire at exactly `now` counts as fired.
  return job.previousRuns(1, new Date(now.getTime() + 1))[0];
}

/** The period a digest fired at `fireTime` covers, as recorded: '2026-11-25' (daily) or '2026-W48' (weekly). */
export function digestPeriod(kind: DigestKind, fireTime: Date, timezone: string): string {
  const day = calendarDate(fireTime, timezone);
  return kind === 'daily' ? day : isoWeekKey(day);
}

const TWO_DAYS_MS = 2 * 86_400_000;

/**
 * Whether a digest that was due at `fireTime` should still go out at `now`: a daily one only on the same day (in
 * the desk's time zone), a weekly one within two days; later ones are skipped (and logged) — a digest about
 * yesterday posted today would mislead.
 */
export function stillWorthPosting(kind: DigestKind, fireTime: Date, now: Date, timezone: string): boolean {
  if (kind === 'daily') return calendarDate(fireTime, timezone) === calendarDate(now, timezone);
  return now.getTime() - fireTime.getTime() <= TWO_DAYS_MS;
}
