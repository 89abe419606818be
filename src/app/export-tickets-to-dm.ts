import { calendarDate } from '../core/dates.js';
import { listExportRows, type ExportRow } from '../db/ticket-export-repository.js';
import { t } from '../i18n/catalog.js';
import { formatNumber } from '../i18n/format.js';
import type { Locale } from '../i18n/locale.js';
import type { Deps } from './deps.js';
import { SlackCallError } from './slack-port.js';
import { exportChunks } from './ticket-export-format.js';

/** What became of a `/request export`. */
export type ExportOutcome =
  | { ok: true; tickets: number }
  | { ok: false; reason: 'not_helper' }
  | { ok: false; reason: 'slack_failed'; code: string };

// One short query per page, so the bot keeps answering others while a big export is built.
const PAGE = 2000;

async function* allRows(deps: Pick<Deps, 'db'>, counter: { n: number }): AsyncGenerator<ExportRow> {
  for (let after = 0; ; ) {
    const page = await listExportRows(deps.db, {}, after, PAGE);
    for (const row of page) yield row;
    counter.n += page.length;
    if (page.length < PAGE) return;
    after = page.at(-1)?.number ?? after;
  }
}

/**
 * `/request export`: every ticket with its figures as RFC 4180 CSV (no person IDs), uploaded into the helper's DM
 * with the bot, its title and comment in `locale`. Helpers only. A Slack failure is reported back, not retried: the
 * helper can simply ask again.
 */
export async function exportTicketsToDm(deps: Pick<Deps, 'db' | 'slack' | 'clock' | 'config' | 'logger'>, input: { userId: string; locale: Locale }): Promise<ExportOutcome> {
  const { slack, config, logger } = deps;
  if (!config.helperUserIds.includes(input.userId)) return { ok: false, reason: 'not_helper' };
  const counter = { n: 0 };
  const parts: string[] = [];
  for await (const chunk of exportChunks(allRows(deps, counter), 'csv')) parts.push(chunk);
  const today = calendarDate(deps.clock.now(), config.timezone);
  try {
    const channel = await slack.openDm(input.userId);
    await slack.uploadFile({
      channel,
      filename: `request-desk-tickets-${today}.csv`,
      title: t(input.locale, 'report.export.title', { date: today }),
      content: Buffer.from(parts.join(''), 'utf8'),
      initialComment: t(input.locale, 'report.export.comment', { count: formatNumber(counter.n, input.locale), date: today }),
    });
  } catch (err) {
    logger.warn({ err, userId: input.userId }, 'could not upload the ticket export');
    return { ok: false, reason: 'slack_failed', code: err instanceof SlackCallError ? err.code : 'unknown' };
  }
  return { ok: true, tickets: counter.n };
}
