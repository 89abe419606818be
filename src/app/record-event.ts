import { recordEvent } from '../db/processed-event-repository.js';
import type { Deps } from './deps.js';

/**
 * True the first time an event ID arrives, false for Slack's retries of it. Persisted, so a retry that arrives
 * after a restart is still recognised. https://docs.slack.dev/apis/events-api/#retries
 */
export async function isFirstDelivery(deps: Pick<Deps, 'db' | 'clock'>, eventId: string): Promise<boolean> {
  return recordEvent(deps.db, eventId, deps.clock.now());
}
