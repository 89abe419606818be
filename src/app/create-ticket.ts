import { calendarDate } from '../core/dates.js';
import { validateTicketDraft, type DraftInput, type Ticket, type TicketField, type TicketSource } from '../core/ticket.js';
import { requesterOfMessage } from '../core/ticket-from-message.js';
import { findOffer, markOfferFiled } from '../db/offer-repository.js';
import { findTicket, findTicketBySource } from '../db/ticket-repository.js';
import type { FormMetadata } from '../slack/form-metadata.js';
import { buildOfferFiledMessage } from '../slack/views/offer-message.js';
import type { Deps } from './deps.js';
import { fileTicket } from './file-ticket.js';
import { replaceOfferMessage } from './outbox.js';

export type CreateTicketOutcome =
  | { ok: true; ticket: Ticket; duplicate: boolean }
  | { ok: false; errors: Partial<Record<TicketField, string>> };

/**
 * Files a ticket from the submitted form. The ticket, its history, the offer's outcome, the remembered team and
 * every message it causes (the requester's "#N received", the triage card, the offer's "filed" update) are
 * committed in one transaction; the outbox sends the messages after the commit. A form opened by the message
 * shortcut links the ticket to that message (one ticket per message) and, when a helper files someone else's
 * message, makes its author the requester.
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

  const outcome = await db.transaction().execute(async (trx): Promise<CreateTicketOutcome> => {
    // The offer is trusted only if it belongs to the person submitting (private_metadata comes back from the client).
    const offer = metadata.offerId ? await findOffer(trx, metadata.offerId) : undefined;
    const ownOffer = offer && offer.userId === input.userId ? offer : undefined;
    if (ownOffer?.outcome === 'ticket_filed' && ownOffer.ticketNumber !== null) {
      const existing = await findTicket(trx, ownOffer.ticketNumber);
      if (existing) return { ok: true, ticket: existing, duplicate: true };
    }
    const message = !ownOffer && metadata.source === 'shortcut' ? metadata.message : undefined;
    if (message) {
      // Two forms opened on the same message: the second submission files nothing.
      const existing = await findTicketBySource(trx, message.channel, message.ts);
      if (existing) return { ok: false, errors: { title: `That message became ticket #${existing.number} in the meantime — nothing more to do.` } };
    }
    const source: TicketSource = ownOffer ? ownOffer.source : message ? 'shortcut' : 'command';
    const ticket = await fileTicket(trx, config, {
      ticket: {
        ...draft,
        requesterId: message ? requesterOfMessage(input.userId, metadata.authorId, config.helperUserIds) : input.userId,
        filedById: input.userId,
        source,
        sourceChannelId: ownOffer?.channelId ?? message?.channel ?? null,
        sourceTs: ownOffer?.messageTs ?? message?.ts ?? null,
        sourcePermalink: null,
        createdAt: now,
      },
      rememberTeam: true,
      extra: (t) => (ownOffer && metadata.offerMessage ? [replaceOfferMessage(ownOffer, metadata.offerMessage, buildOfferFiledMessage(t.number))] : []),
    });
    if (ownOffer) await markOfferFiled(trx, ownOffer.id, ticket.number, now);
    return { ok: true, ticket, duplicate: false };
  });

  if (!outcome.ok) return outcome;
  deps.outbox.kick();
  deps.logger.info({ ticket: outcome.ticket.number, source: outcome.ticket.source, duplicate: outcome.duplicate }, 'ticket filed');
  return outcome;
}
