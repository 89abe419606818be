import type { WeekWindow } from '../core/digest-period.js';
import { OTHER_TEAMS } from '../core/digest.js';
import { t } from '../i18n/catalog.js';
import { formatDay } from '../i18n/format.js';
import { buildDailyDigestMessage } from '../slack/views/daily-digest.js';
import { buildWeeklyDigestMessage } from '../slack/views/weekly-digest.js';
import type { SlackMessage } from '../slack/views/blocks.js';
import { collectDailyFigures } from './daily-figures.js';
import type { Deps } from './deps.js';
import type { LocalizedChart } from './weekly-chart.js';
import { collectWeeklyFigures } from './weekly-figures.js';

// The digests go to channels, not to one person: they speak the desk's DEFAULT_LOCALE.

/**
 * The daily digest for the helpers at `now`: tickets new since `since` (the last daily digest, or 24 hours ago),
 * due today, overdue, waiting longest without a first response, and in progress — each line linked to its card.
 */
export async function buildDailyDigest(deps: Pick<Deps, 'db' | 'clock' | 'config'>, opts: { now: Date; since: Date }): Promise<SlackMessage> {
  return buildDailyDigestMessage(await collectDailyFigures(deps, opts), opts.now, deps.config.defaultLocale);
}

/**
 * The weekly digest posted at `now`: the last complete ISO week before `now` in the desk's time zone, compared with
 * the week before and the 4-week average, by team and category only, with the data for its chart.
 */
export async function buildWeeklyDigest(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  opts: { now: Date },
): Promise<{ message: SlackMessage; chart: LocalizedChart; period: { start: Date; end: Date; week: string } }> {
  const locale = deps.config.defaultLocale;
  const figures = await collectWeeklyFigures(deps, opts.now);
  const { start, end, week }: WeekWindow = figures.period;
  const chart: LocalizedChart = {
    ...figures.chart,
    title: t(locale, 'chart.title', { week }),
    weeks: figures.chart.weeks.map((startDate) => formatDay(startDate, locale)),
    series: figures.chart.series.map((s) => (s.team === OTHER_TEAMS ? { ...s, team: t(locale, 'digest.weekly.otherTeams'), folded: true } : s)),
    locale,
  };
  return { message: buildWeeklyDigestMessage(figures, locale), chart, period: { start, end, week } };
}
