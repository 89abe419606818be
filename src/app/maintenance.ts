import { expireOffers, forgetOfferTexts } from '../db/offer-repository.js';
import { pruneSentRows } from '../db/outbox-repository.js';
import { pruneEvents } from '../db/processed-event-repository.js';
import type { Deps } from './deps.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** How long things are kept: long enough to matter, short enough to stay small. */
export const RETENTION = {
  /** Slack retries an event for about an hour; a day is ample. */
  processedEventsMs: DAY,
  /** The text of an ask that never became a ticket is forgotten after a week. */
  offerTextMs: 7 * DAY,
  /** Sent messages are kept a month for troubleshooting; failed ones until someone looks at them. */
  sentMessagesMs: 30 * DAY,
} as const;

/**
 * Housekeeping, run at start and every hour: forgets old event IDs, marks offers nobody acted on as ignored,
 * forgets the text of asks that never became tickets, and prunes sent messages.
 */
export async function runMaintenance(deps: Pick<Deps, 'db' | 'clock' | 'config' | 'logger'>): Promise<void> {
  const { db, clock, config, logger } = deps;
  const now = clock.now();
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const counts = {
    eventsForgotten: await pruneEvents(db, ago(RETENTION.processedEventsMs)),
    offersIgnored: await expireOffers(db, ago(config.offerCooldownMinutes * 60_000), now),
    offerTextsForgotten: await forgetOfferTexts(db, ago(RETENTION.offerTextMs)),
    sentMessagesPruned: await pruneSentRows(db, ago(RETENTION.sentMessagesMs)),
  };
  logger.info(counts, 'maintenance done');
}

/** Runs maintenance now and then hourly; returns a function that stops it. */
export function scheduleMaintenance(deps: Pick<Deps, 'db' | 'clock' | 'config' | 'logger'>): () => void {
  const run = () => runMaintenance(deps).catch((err: unknown) => deps.logger.error({ err }, 'maintenance failed'));
  void run();
  const timer = setInterval(run, HOUR);
  timer.unref();
  return () => clearInterval(timer);
}
