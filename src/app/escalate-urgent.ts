import { calendarDate } from '../core/dates.js';
import { findOffer } from '../db/offer-repository.js';
import { countUrgentOn, insertUrgent } from '../db/urgent-repository.js';
import { buildUrgentAnswer } from '../slack/views/inbox-messages.js';
import type { SlackMessage } from '../slack/views/blocks.js';
import type { Deps } from './deps.js';
import { enqueue } from './outbox.js';
import { resolveLocale } from './resolve-locale.js';

export type UrgentOutcome = { ok: true; answer: SlackMessage } | { ok: false; reason: 'not_found' | 'not_yours' | 'no_inbox' };

/**
 * "It's urgent" on an inbox-guard offer: tells the helper at once (a DM from the bot linking the message, also in
 * focus time) and the requester that it was passed on — at most URGENT_PER_DAY times per person per day; after
 * that it kindly explains the limit. Pressing it twice on one message alerts once.
 */
export async function escalateUrgent(deps: Deps, input: { offerId: number; userId: string }): Promise<UrgentOutcome> {
  const { db, clock, config, inbox } = deps;
  if (!inbox) return { ok: false, reason: 'no_inbox' };
  const now = clock.now();
  const localDate = calendarDate(now, config.timezone);
  const [locale, helperLocale] = await Promise.all([resolveLocale(deps, input.userId), resolveLocale(deps, inbox.ownerId)]);
  const outcome = await db.transaction().execute(async (trx): Promise<UrgentOutcome> => {
    const offer = await findOffer(trx, input.offerId);
    if (!offer || offer.via !== 'inbox') return { ok: false, reason: 'not_found' };
    if (offer.userId !== input.userId) return { ok: false, reason: 'not_yours' };
    const answer = (passed: boolean) => ({ ok: true as const, answer: buildUrgentAnswer({ passed, helperId: inbox.ownerId, limit: config.urgentPerDay, locale }) });
    if ((await countUrgentOn(trx, input.userId, localDate)) >= config.urgentPerDay) return answer(false);
    if (await insertUrgent(trx, { userId: input.userId, offerId: offer.id, localDate, at: now })) {
      await enqueue(trx, [{ kind: 'urgent_alert', helperId: inbox.ownerId, requesterId: input.userId, channel: offer.channelId, ts: offer.messageTs, locale: helperLocale }], now);
    }
    return answer(true);
  });
  if (outcome.ok) deps.outbox.kick();
  return outcome;
}
