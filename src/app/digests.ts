import { t } from '../i18n/catalog.js';
import type { Deps } from './deps.js';
import { buildDailyDigest, buildWeeklyDigest } from './digest-content.js';
import type { DigestContent } from './digest-content-port.js';
import { renderWeeklyChart } from './weekly-chart.js';

/** The digests as the bot and `npm run digest` post them: built from the database, the weekly chart rendered on demand. */
export function createDigestContent(deps: Pick<Deps, 'db' | 'clock' | 'config'>): DigestContent {
  return {
    daily: (opts) => buildDailyDigest(deps, opts),
    weekly: async (opts) => {
      const weekly = await buildWeeklyDigest(deps, opts);
      return {
        message: weekly.message,
        chartTitle: t(deps.config.defaultLocale, 'report.chartFile', { period: weekly.period.week }),
        chartPng: () => renderWeeklyChart(weekly.chart),
      };
    },
  };
}
