import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { isFirstDelivery } from '../../app/record-event.js';
import type { Deps } from '../../app/deps.js';

/**
 * Global middleware: an Events API delivery whose `event_id` was already handled is a retry (Slack retries when
 * an ack seems late, with X-Slack-Retry-Num) and stops here. Bolt has already acknowledged it.
 */
export function dedupeEvents(deps: Pick<Deps, 'db' | 'clock' | 'logger'>): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const eventId = (body as { type?: unknown; event_id?: unknown }).type === 'event_callback' ? (body as { event_id?: unknown }).event_id : undefined;
    if (typeof eventId === 'string' && !(await isFirstDelivery(deps, eventId))) {
      deps.logger.info({ eventId, retryNum: context.retryNum, retryReason: context.retryReason }, 'duplicate event delivery ignored');
      return;
    }
    await next();
  };
}
