import { classifyMessage } from '../core/help-request.js';
import { inboxRule, type InboxMessage } from '../core/inbox-rules.js';
import { decideOffer } from '../core/offer-policy.js';
import { classifyRequest } from '../core/request-classifier.js';
import { isWorkingTime, nextWorkingStart } from '../core/working-hours.js';
import { activeFocus } from '../core/focus.js';
import { findFocusUntil } from '../db/helper-settings-repository.js';
import { findOfferHistory, findOfferByMessage, insertOffer } from '../db/offer-repository.js';
import { findTicketBySource } from '../db/ticket-repository.js';
import { resolveLocale } from './resolve-locale.js';
import { buildInboxOffer, type HelperAvailability } from '../slack/views/inbox-messages.js';
import type { Deps } from './deps.js';
import { enqueue, type OutboxMessage } from './outbox.js';

/** A message in the helper's inbox, as the listener read it. */
export interface InboxAsk extends Omit<InboxMessage, 'ownerId'> {
  channelId: string;
  ts: string;
  threadTs?: string | undefined;
}

export type InboxOutcome = { offered: true; offerId: number } | { offered: false; reason: string };

/** Why the helper cannot answer now: out of hours (back when) or in focus time (until when). */
async function availability(deps: Deps, ownerId: string, now: Date): Promise<HelperAvailability> {
  const { workingHours, timezone } = deps.config;
  return {
    backAt: workingHours && !isWorkingTime(workingHours, now, timezone) ? nextWorkingStart(workingHours, now, timezone) : undefined,
    focusUntil: activeFocus(await findFocusUntil(deps.db, ownerId), now),
  };
}

/**
 * The helper-inbox guard: a colleague's message in the helper's own DMs (or an @mention of them, if watched) that
 * reads as a request for work gets an automatic reply in the helper's name — happy to help once there's a ticket,
 * with Create ticket, It's urgent and Not a request. Precision first: anything that is not clearly a request, and
 * everything the rules exclude, is left alone; messages that are not requests are neither stored nor logged.
 */
export async function guardInbox(deps: Deps, ask: InboxAsk): Promise<InboxOutcome> {
  const { db, clock, config, inbox } = deps;
  if (!inbox) return { offered: false, reason: 'no inbox guard' };
  const rule = inboxRule({ ...ask, ownerId: inbox.ownerId }, { skipUserIds: config.inboxSkipUserIds, watchMentions: config.inboxWatchMentions });
  if (!rule.answer) return { offered: false, reason: rule.reason };
  if (classifyMessage(ask.text).kind === 'social') return { offered: false, reason: 'small talk' };
  if (classifyRequest(ask.text, config.classifierPhrases).verdict !== 'request') return { offered: false, reason: 'not a request' };
  // A reply inside a thread that is about a ticket (or an offer) is part of that conversation, not a new ask.
  if (ask.threadTs && ask.threadTs !== ask.ts) {
    if ((await findTicketBySource(db, ask.channelId, ask.threadTs)) || (await findOfferByMessage(db, ask.channelId, ask.threadTs))) {
      return { offered: false, reason: 'in a thread about a ticket' };
    }
  }
  const senderId = ask.senderId as string;
  const now = clock.now();
  const locale = await resolveLocale(deps, senderId);
  const helper = await availability(deps, inbox.ownerId, now);
  const outcome = await db.transaction().execute(async (trx): Promise<InboxOutcome> => {
    const history = await findOfferHistory(trx, senderId, ask.channelId);
    const decision = decideOffer({ now, cooldownMinutes: config.offerCooldownMinutes, kind: 'ask', history });
    if (!decision.offer) return { offered: false, reason: decision.reason };
    const source = ask.channelType === 'im' ? 'dm' : 'mention';
    const offer = await insertOffer(trx, { userId: senderId, channelId: ask.channelId, messageTs: ask.ts, threadTs: ask.threadTs ?? null, source, text: ask.text, createdAt: now, via: 'inbox' });
    if (!offer) return { offered: false, reason: 'already offered for this message' };
    const content = buildInboxOffer({ offerId: offer.id, helperId: inbox.ownerId, locale, ...helper });
    // In a DM, a reply everyone in it sees (the helper too); in a channel, only the person who wrote it sees it.
    const reply: OutboxMessage =
      source === 'dm'
        ? { kind: 'post', channel: ask.channelId, threadTs: ask.threadTs, asUser: true, ...content }
        : { kind: 'ephemeral', channel: ask.channelId, user: senderId, threadTs: ask.threadTs, asUser: true, ...content };
    await enqueue(trx, [reply], now);
    return { offered: true, offerId: offer.id };
  });
  if (outcome.offered) deps.outbox.kick();
  // Only the outcome is logged: never the text, nor anything about messages that were not requests.
  deps.logger.debug({ channelType: ask.channelType, ...outcome }, 'inbox ask handled');
  return outcome;
}
