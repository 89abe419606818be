import { buildDeliveryFailureNotice } from '../slack/views/delivery-failure.js';
import type { Deps } from './deps.js';
import { enqueue, orderingKey, type OutboxMessage } from './outbox.js';

/**
 * Tells the helpers that a message could not be delivered after every retry: in the triage channel, or by DM to
 * each helper when the triage channel itself is what failed. A failed notice is only logged, never re-reported.
 */
export async function reportFailedDelivery(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'outbox'>,
  failed: { message: OutboxMessage; error: string; outboxId: number },
): Promise<void> {
  if (failed.message.kind === 'post' && failed.message.notice) return;
  const { config } = deps;
  // For the triage channel (or every helper): the desk's DEFAULT_LOCALE.
  const notice = buildDeliveryFailureNotice(failed, config.defaultLocale);
  const targets = orderingKey(failed.message) === config.triageChannelId ? config.helperUserIds : [config.triageChannelId];
  await enqueue(
    deps.db,
    targets.map((channel) => ({ kind: 'post', channel, notice: true, ...notice })),
    deps.clock.now(),
  );
  deps.outbox.kick();
}
