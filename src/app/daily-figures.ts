import { calendarDate } from '../core/dates.js';
import { listDailySection, type DailySection, type DigestTicket } from '../db/daily-digest-repository.js';
import type { Deps } from './deps.js';

/** One part of the daily digest: the first tickets of a kind, and how many there are in all. */
export interface DailyPart {
  kind: DailySection['kind'];
  total: number;
  tickets: DigestTicket[];
}

/** What the daily digest for the helpers says; `today` is YYYY-MM-DD in the desk's time zone. */
export interface DailyFigures {
  today: string;
  since: Date;
  parts: DailyPart[];
}

/** Most lines loaded per part (the view may show fewer to stay within Slack's limits). */
export const DAILY_LINES = 8;
/** "Waiting longest without a first response" names the oldest five. */
export const WAITING_LINES = 5;

/**
 * The daily digest's figures at `now`: tickets new since `since`, due today and overdue (open, by due date in the
 * desk's time zone), the oldest open ones without a first response, and those in progress.
 */
export async function collectDailyFigures(deps: Pick<Deps, 'db' | 'config'>, opts: { now: Date; since: Date }): Promise<DailyFigures> {
  const today = calendarDate(opts.now, deps.config.timezone);
  const sections: DailySection[] = [
    { kind: 'new', since: opts.since, until: opts.now },
    { kind: 'due_today', today },
    { kind: 'overdue', today },
    { kind: 'waiting' },
    { kind: 'in_progress' },
  ];
  const parts: DailyPart[] = [];
  for (const section of sections) {
    const { total, tickets } = await listDailySection(deps.db, section, section.kind === 'waiting' ? WAITING_LINES : DAILY_LINES);
    parts.push({ kind: section.kind, total, tickets });
  }
  return { today, since: opts.since, parts };
}
