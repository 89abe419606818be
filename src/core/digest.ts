/**
 * Digest figures, as pure functions (PRODUCT.md: counts by team and category, never by person).
 *
 * Definitions, for a weekly digest posted at `now` (see digest-period.ts for the week itself):
 * - the *reported week* is the last complete ISO week before `now` in the desk's TIMEZONE; it is compared with the
 *   week before it and with the average of the four weeks before it;
 * - *received*: tickets created in the week; *finished / declined / redirected*: tickets whose closed_at falls in the
 *   week with that status; *still open*: tickets open at `now` (for the earlier weeks: open at that week's end);
 * - *time spent*: the sum of ticket_history.minutes_spent recorded in the week, by the ticket's team and category;
 * - *median time to first response*: over tickets created in the week that have a first response;
 *   *median time to done*: over tickets closed as done in the week (closed_at − created_at);
 * - *arrivals*: offers made in the week (after a DM or @mention) and how many became tickets, plus the tickets filed
 *   by `/request`, the message shortcut and the :ticket: reaction;
 * - *guide candidates*: the categories with the most tickets over the last four weeks (the reported one included),
 *   at least MIN_GROUP each;
 * - *folding*: a team with fewer than MIN_GROUP requests in the period is counted under OTHER_TEAMS, so nobody is
 *   identifiable by elimination.
 */

/** Groups smaller than this are folded (PRODUCT.md: fewer than 3 requests). */
export const MIN_GROUP = 3;

/** Where small teams are counted. */
export const OTHER_TEAMS = 'Other teams';

/** One team's figure: how many requests, and (for time spent) how many minutes. */
export interface GroupFigure {
  label: string;
  count: number;
  minutes: number;
}

/** A figure this week, last week and on average over the four weeks before this one; changes in percent. */
export interface Comparison {
  current: number;
  lastWeek: number;
  fourWeekAverage: number;
  /** Percent change against last week; null when last week was 0. */
  vsLastWeek: number | null;
  /** Percent change against the 4-week average; null when the average was 0. */
  vsAverage: number | null;
}

/** The median of a list of numbers (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Percent change from `base` to `value`, rounded; null when `base` is 0. */
export function percentChange(value: number, base: number): number | null {
  return base === 0 ? null : Math.round(((value - base) / base) * 100);
}

/** Compares `current` with the four weeks before it (`previous`, nearest first). */
export function compareWeeks(current: number, previous: readonly [number, number, number, number]): Comparison {
  const fourWeekAverage = previous.reduce((a, b) => a + b, 0) / previous.length;
  return {
    current,
    lastWeek: previous[0],
    fourWeekAverage,
    vsLastWeek: percentChange(current, previous[0]),
    vsAverage: percentChange(current, fourWeekAverage),
  };
}

/**
 * Folds teams with fewer than `min` requests into OTHER_TEAMS; the rest are sorted by count, then minutes, then
 * name, with OTHER_TEAMS last. A team literally named like the fold is merged into it.
 */
export function foldSmallTeams(teams: readonly GroupFigure[], min = MIN_GROUP): GroupFigure[] {
  const shown: GroupFigure[] = [];
  const other: GroupFigure = { label: OTHER_TEAMS, count: 0, minutes: 0 };
  for (const t of teams) {
    if (t.count >= min && t.label !== OTHER_TEAMS) shown.push({ ...t });
    else {
      other.count += t.count;
      other.minutes += t.minutes;
    }
  }
  shown.sort((a, b) => b.count - a.count || b.minutes - a.minutes || a.label.localeCompare(b.label));
  return other.count > 0 || other.minutes > 0 ? [...shown, other] : shown;
}

/** The chart that goes with the weekly digest: requests per week by team, small teams folded. */
export interface WeeklyChartData {
  title: string;
  /** One label per week, oldest first, e.g. '5 Oct'. */
  weeks: string[];
  /** One series per team (OTHER_TEAMS last), each with one count per week. */
  series: { team: string; counts: number[] }[];
}

/**
 * Series for the chart from per-week counts by team; a team with fewer than `min` requests over all the weeks is
 * folded into OTHER_TEAMS.
 */
export function chartSeries(weeks: number, counts: readonly { week: number; team: string; count: number }[], min = MIN_GROUP): WeeklyChartData['series'] {
  const byTeam = new Map<string, number[]>();
  for (const c of counts) {
    const row = byTeam.get(c.team) ?? new Array<number>(weeks).fill(0);
    row[c.week] = (row[c.week] ?? 0) + c.count;
    byTeam.set(c.team, row);
  }
  const totals = [...byTeam].map(([team, row]) => ({ label: team, count: row.reduce((a, b) => a + b, 0), minutes: 0 }));
  const folded = new Set(totals.filter((t) => t.count < min || t.label === OTHER_TEAMS).map((t) => t.label));
  const other = new Array<number>(weeks).fill(0);
  for (const team of folded) byTeam.get(team)?.forEach((n, w) => (other[w] = (other[w] ?? 0) + n));
  return foldSmallTeams(totals, min).map((t) => ({ team: t.label, counts: t.label === OTHER_TEAMS ? other : (byTeam.get(t.label) ?? []) }));
}

/**
 * An elapsed time rounded the way people say it: under an hour in minutes, under a day in hours and minutes, beyond
 * that in days and whole hours.
 */
export function elapsedParts(minutes: number): { days: number; hours: number; minutes: number } {
  const m = Math.round(minutes);
  if (m < 24 * 60) return { days: 0, hours: Math.floor(m / 60), minutes: m % 60 };
  const hours = Math.round(m / 60);
  return { days: Math.floor(hours / 24), hours: hours % 24, minutes: 0 };
}

/** Minutes as hours with one decimal: 90 → 1.5. */
export const decimalHours = (minutes: number): number => Math.round(minutes / 6) / 10;

/** A percent change for people: '+40%', '-12%', '±0%'. */
export function formatChange(pct: number): string {
  return pct > 0 ? `+${pct}%` : pct < 0 ? `${pct}%` : '±0%';
}

/** The share of `part` in `whole` in whole percent, 0 when `whole` is 0. */
export function share(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}
