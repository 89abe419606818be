import type { WeekWindow } from '../core/digest-period.js';
import type { WeeklyChartData } from '../core/digest.js';
import { buildDailyDigestMessage } from '../slack/views/daily-digest.js';
import { buildWeeklyDigestMessage } from '../slack/views/weekly-digest.js';
import type { SlackMessage } from '../slack/views/blocks.js';
import { collectDailyFigures } from './daily-figures.js';
import type { Deps } from './deps.js';
import { collectWeeklyFigures } from './weekly-figures.js';

/**
 * The daily digest for the helpers at `now`: tickets new since `since` (the last daily digest, or 24 hours ago),
 * due today, overdue, waiting longest without a first response, and in progress — each line linked to its card.
 */
export async function buildDailyDigest(deps: Pick<Deps, 'db' | 'clock' | 'config'>, opts: { now: Date; since: Date }): Promise<SlackMessage> {
  return buildDailyDigestMessage(await collectDailyFigures(deps, opts), opts.now);
}

/**
 * The weekly digest posted at `now`: the last complete ISO week before `now` in the desk's time zone, compared with
 * the week before and the 4-week average, by team and category only, with the data for its chart.
 */
export async function buildWeeklyDigest(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  opts: { now: Date },
): Promise<{ message: SlackMessage; chart: WeeklyChartData; period: { start: Date; end: Date; week: string } }> {
  const figures = await collectWeeklyFigures(deps, opts.now);
  const { start, end, week }: WeekWindow = figures.period;
  return { message: buildWeeklyDigestMessage(figures), chart: figures.chart, period: { start, end, week } };
}
