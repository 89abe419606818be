import type { Config } from '../config.js';
import type { Ticket } from '../core/ticket.js';
import type { Db } from '../db/database.js';
import type { Locale } from '../i18n/locale.js';
import { rememberTeam } from '../db/preference-repository.js';
import { insertHistory } from '../db/ticket-history-repository.js';
import { insertTicket, type NewTicket } from '../db/ticket-repository.js';
import { buildFiledForYouMessage } from '../slack/views/filed-for-you.js';
import { buildTicketReceivedMessage } from '../slack/views/ticket-messages.js';
import { enqueue, refreshHomes, type OutboxMessage } from './outbox.js';

/**
 * Stores a new ticket in the caller's transaction with everything it causes: the "created" history entry, the
 * requester's team (only when a person chose it), the requester's note — "#N received", or "<@helper> filed #N for
 * you" when someone else filed it, in `requesterLocale` — the triage card, any `extra` messages, and the App Home
 * refreshes.
 */
export async function fileTicket(
  trx: Db,
  config: Pick<Config, 'triageChannelId' | 'helperUserIds'>,
  input: { ticket: NewTicket; rememberTeam: boolean; extra?: (ticket: Ticket) => OutboxMessage[]; requesterLocale: Locale },
): Promise<Ticket> {
  const now = input.ticket.createdAt;
  const ticket = await insertTicket(trx, input.ticket);
  await insertHistory(trx, {
    ticketNumber: ticket.number,
    at: now,
    actorId: ticket.filedById,
    action: 'created',
    fromStatus: null,
    toStatus: ticket.status,
  });
  if (input.rememberTeam) await rememberTeam(trx, ticket.requesterId, ticket.team, now);
  const build = ticket.filedById === ticket.requesterId ? buildTicketReceivedMessage : buildFiledForYouMessage;
  const note = build(ticket, input.requesterLocale);
  const messages: OutboxMessage[] = [
    { kind: 'post', channel: ticket.requesterId, ...note },
    { kind: 'triage_card', ticketNumber: ticket.number, channel: config.triageChannelId },
    ...(input.extra?.(ticket) ?? []),
  ];
  await enqueue(trx, messages, now);
  await refreshHomes(trx, [ticket.requesterId, ...config.helperUserIds], now);
  return ticket;
}
