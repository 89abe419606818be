import { calendarDate } from '../core/dates.js';
import { validateTicketDraft, type DraftInput, type Ticket, type TicketField, type TicketSource } from '../core/ticket.js';
import { findOffer, markOfferFiled } from '../db/offer-repository.js';
import { rememberTeam } from '../db/preference-repository.js';
import { insertHistory } from '../db/ticket-history-repository.js';
import { findTicket, insertTicket } from '../db/ticket-repository.js';
import type { FormMetadata } from '../slack/form-metadata.js';
import { buildOfferFiledMessage } from '../slack/views/offer-message.js';
import { buildTicketReceivedMessage } from '../slack/views/ticket-messages.js';
import type { Deps } from './deps.js';
import { enqueue, replaceMessage, type OutboxMessage } from './outbox.js';

export type CreateTicketOutcome =
  | { ok: true; ticket: Ticket; duplicate: boolean }
  | { ok: false; errors: Partial<Record<TicketField, string>> };

/**
 * Files a ticket from the submitted form. The ticket, its history, the offer's outcome, the remembered team and
 * every message it causes (the requester's "#N received", the triage card, the offer's "filed" update) are
 * committed in one transaction; the outbox sends the messages after the commit.
 */
export async function createTicket(
  deps: Deps,
  input: { userId: string; values: DraftInput; metadata: FormMetadata },
): Promise<CreateTicketOutcome> {
  const { db, clock, config } = deps;
  const now = clock.now();
  const validation = validateTicketDraft(input.values, {
    categories: config.categories,
    teams: config.teams,
    today: calendarDate(now, config.timezone),
  });
  if (!validation.ok) return { ok: false, errors: validation.errors };
  const { draft } = validation;
  const { metadata } = input;

  const outcome = await db.transaction().execute(async (trx) => {
    // The offer is trusted only if it belongs to the person submitting (private_metadata comes back from the client).
    const offer = metadata.offerId ? await findOffer(trx, metadata.offerId) : undefined;
    const ownOffer = offer && offer.userId === input.userId ? offer : undefined;
    if (ownOffer?.outcome === 'ticket_filed' && ownOffer.ticketNumber !== null) {
      const existing = await findTicket(trx, ownOffer.ticketNumber);
      if (existing) return { ok: true as const, ticket: existing, duplicate: true };
    }
    const source: TicketSource = ownOffer ? ownOffer.source : 'command';
    const ticket = await insertTicket(trx, {
      ...draft,
      requesterId: input.userId,
      filedById: input.userId,
      source,
      sourceChannelId: ownOffer?.channelId ?? null,
      sourceTs: ownOffer?.messageTs ?? null,
      sourcePermalink: null,
      createdAt: now,
    });
    await insertHistory(trx, {
      ticketNumber: ticket.number,
      at: now,
      actorId: input.userId,
      action: 'created',
      fromStatus: null,
      toStatus: ticket.status,
    });
    await rememberTeam(trx, input.userId, draft.team, now);

    const messages: OutboxMessage[] = [
      { kind: 'post', channel: input.userId, ...buildTicketReceivedMessage(ticket) },
      { kind: 'triage_card', ticketNumber: ticket.number, channel: config.triageChannelId },
    ];
    if (ownOffer) {
      await markOfferFiled(trx, ownOffer.id, ticket.number, now);
      if (metadata.offerMessage) messages.push(replaceMessage(metadata.offerMessage, buildOfferFiledMessage(ticket.number)));
    }
    await enqueue(trx, messages, now);
    return { ok: true as const, ticket, duplicate: false };
  });

  deps.outbox.kick();
  deps.logger.info({ ticket: outcome.ticket.number, source: outcome.ticket.source, duplicate: outcome.duplicate }, 'ticket filed');
  return outcome;
}
