import { classifyMessage } from '../core/help-request.js';
import { decideOffer } from '../core/offer-policy.js';
import { findOfferHistory, insertOffer } from '../db/offer-repository.js';
import { buildOfferMessage } from '../slack/views/offer-message.js';
import type { Deps } from './deps.js';
import { resolveLocale } from './resolve-locale.js';
import { enqueue, type OutboxMessage } from './outbox.js';

/** A DM to the bot or an @mention of it, from a person. */
export interface IncomingAsk {
  userId: string;
  channelId: string;
  ts: string;
  threadTs?: string | undefined;
  text: string;
  source: 'dm' | 'mention';
}

export type ReplyOutcome = { offered: true; offerId: number } | { offered: false; reason: string };

/**
 * Answers an ask with the friendly ticket offer — unless it is small talk, the person said "Not a request"
 * recently, or they already had an offer in this conversation within the cooldown. In a DM the offer is a reply
 * in the conversation; for an @mention it is ephemeral, so the channel sees no noise.
 */
export async function replyToHelpRequest(deps: Deps, ask: IncomingAsk): Promise<ReplyOutcome> {
  const { db, clock, config, logger } = deps;
  const kind = classifyMessage(ask.text);
  if (kind.kind === 'social') return { offered: false, reason: 'social' };

  const now = clock.now();
  // The offer is in the person's language: looked up before the transaction, which must not wait on Slack.
  const locale = await resolveLocale(deps, ask.userId);
  // One transaction: two quick messages from the same person must not both get an offer.
  const outcome = await db.transaction().execute(async (trx): Promise<ReplyOutcome> => {
    const history = await findOfferHistory(trx, ask.userId, ask.channelId);
    const decision = decideOffer({ now, cooldownMinutes: config.offerCooldownMinutes, kind: kind.kind, history });
    if (!decision.offer) return { offered: false, reason: decision.reason };

    const offer = await insertOffer(trx, { ...ask, threadTs: ask.threadTs ?? null, messageTs: ask.ts, createdAt: now });
    if (!offer) return { offered: false, reason: 'already offered for this message' };
    const audience = config.helperUserIds.includes(ask.userId) ? 'helper' : 'requester';
    const content = buildOfferMessage({ offerId: offer.id, audience, locale });
    const reply: OutboxMessage =
      ask.source === 'dm'
        ? { kind: 'post', channel: ask.channelId, threadTs: ask.threadTs, ...content }
        : { kind: 'ephemeral', channel: ask.channelId, user: ask.userId, threadTs: ask.threadTs, ...content };
    await enqueue(trx, [reply], now);
    return { offered: true, offerId: offer.id };
  });

  if (outcome.offered) deps.outbox.kick();
  logger.debug({ user: ask.userId, channel: ask.channelId, source: ask.source, ...outcome }, 'ask handled');
  return outcome;
}
