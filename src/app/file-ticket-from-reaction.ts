import type { Ticket } from '../core/ticket.js';
import { draftFromMessage } from '../core/ticket-from-message.js';
import { findRememberedTeam } from '../db/preference-repository.js';
import { findTicketBySource } from '../db/ticket-repository.js';
import { buildCannotReadMessage, buildMessageGoneMessage, buildNoAuthorMessage, buildReadFailedMessage } from '../slack/views/reaction-notes.js';
import type { Deps } from './deps.js';
import { fileTicket } from './file-ticket.js';
import { resolveLocale } from './resolve-locale.js';
import { SlackCallError, type ReadMessage } from './slack-port.js';
import { tellPersonInTheirLanguage } from './tell-person.js';

/** A :ticket: reaction on a message, by the person who added it. */
export interface TicketReaction {
  reactorId: string;
  channel: string;
  ts: string;
}

/** What a :ticket: reaction did: filed a ticket, or why not. */
export type ReactionOutcome =
  | { filed: true; ticket: Ticket }
  | { filed: false; reason: 'not_helper' | 'not_found' | 'no_author' }
  | { filed: false; reason: 'already_filed'; ticketNumber: number | undefined }
  | { filed: false; reason: 'cannot_read'; code: string };

/** The confirmation on the message itself. */
const CONFIRMATION = 'white_check_mark';

// Slack's answers when the bot may not read a conversation: fixed by inviting it or by reinstalling with the scope.
// https://docs.slack.dev/reference/methods/conversations.history#errors
const NO_ACCESS = new Set(['not_in_channel', 'channel_not_found', 'missing_scope', 'not_allowed_token_type', 'access_denied', 'no_permission']);

/**
 * Files a helper's :ticket: reaction as a ticket for the message's author at once, with defaults for what a form
 * would ask: one transaction stores it and queues the triage card, the author's "filed for you" DM and a ✅ on the
 * message. A message that already has a ticket files nothing (reacting twice, two helpers at once). When the bot
 * cannot read the message, the helper is told how to fix that.
 */
export async function fileTicketFromReaction(deps: Deps, r: TicketReaction): Promise<ReactionOutcome> {
  const { db, slack, clock, config, logger } = deps;
  if (!config.helperUserIds.includes(r.reactorId)) return { filed: false, reason: 'not_helper' };
  const before = await findTicketBySource(db, r.channel, r.ts);
  if (before) return { filed: false, reason: 'already_filed', ticketNumber: before.number };

  let message: ReadMessage | undefined;
  try {
    message = await slack.readMessage(r.channel, r.ts);
  } catch (err) {
    const code = err instanceof SlackCallError ? err.code : 'unknown_error';
    logger.warn({ err, channel: r.channel, ts: r.ts }, 'could not read the message a helper reacted to');
    await tellPersonInTheirLanguage(deps, r.reactorId, (locale) =>
      NO_ACCESS.has(code) ? buildCannotReadMessage({ channel: r.channel, code, locale }) : buildReadFailedMessage({ code, locale }),
    );
    return { filed: false, reason: 'cannot_read', code };
  }
  if (!message) {
    await tellPersonInTheirLanguage(deps, r.reactorId, buildMessageGoneMessage);
    return { filed: false, reason: 'not_found' };
  }
  const authorId = message.botId === undefined ? message.userId : undefined;
  if (!authorId) {
    await tellPersonInTheirLanguage(deps, r.reactorId, buildNoAuthorMessage);
    return { filed: false, reason: 'no_author' };
  }
  const text = message.text;
  // The author's "filed for you" is in their language; asked before the transaction, which must not wait on Slack.
  const authorLocale = await resolveLocale(deps, authorId);

  const now = clock.now();
  let outcome: ReactionOutcome;
  try {
    outcome = await db.transaction().execute(async (trx): Promise<ReactionOutcome> => {
      const existing = await findTicketBySource(trx, r.channel, r.ts);
      if (existing) return { filed: false, reason: 'already_filed', ticketNumber: existing.number };
      const draft = draftFromMessage(text, {
        categories: config.categories,
        teams: config.teams,
        rememberedTeam: await findRememberedTeam(trx, authorId),
      });
      const ticket = await fileTicket(trx, config, {
        ticket: {
          ...draft,
          requesterId: authorId,
          filedById: r.reactorId,
          source: 'reaction',
          sourceChannelId: r.channel,
          sourceTs: r.ts,
          sourcePermalink: null,
          createdAt: now,
        },
        // A default team is not the author's choice: their next form should not be prefilled with it.
        rememberTeam: false,
        requesterLocale: authorLocale,
        extra: () => [{ kind: 'reaction', channel: r.channel, ts: r.ts, name: CONFIRMATION }],
      });
      return { filed: true, ticket };
    });
  } catch (err) {
    // Another bot process (say, during a deploy) filed the same message between our check and our insert: the unique
    // index tickets_reaction_source, or SQLite's WAL snapshot check, refused ours. Anything else is a real failure.
    const filedMeanwhile = await findTicketBySource(db, r.channel, r.ts);
    if (!filedMeanwhile) throw err;
    outcome = { filed: false, reason: 'already_filed', ticketNumber: filedMeanwhile.number };
  }

  if (outcome.filed) {
    deps.outbox.kick();
    logger.info({ ticket: outcome.ticket.number, source: 'reaction', helper: r.reactorId }, 'ticket filed');
  } else {
    logger.info({ channel: r.channel, ts: r.ts, ...outcome }, 'reaction filed nothing');
  }
  return outcome;
}
