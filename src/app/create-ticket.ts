import { calendarDate } from '../core/dates.js';
import { validateTicketDraft, type DraftInput, type Ticket, type TicketField, type TicketSource } from '../core/ticket.js';
import { requesterOfMessage } from '../core/ticket-from-message.js';
import { findOffer, markOfferFiled } from '../db/offer-repository.js';
import { findTicket, findTicketBySource } from '../db/ticket-repository.js';
import { t } from '../i18n/catalog.js';
import type { FormMetadata } from '../slack/form-metadata.js';
import { buildInboxFiledMessage } from '../slack/views/inbox-messages.js';
import { buildOfferFiledMessage } from '../slack/views/offer-message.js';
import { describeDraftProblems } from '../slack/views/ticket-form.js';
import type { Deps } from './deps.js';
import { fileTicket } from './file-ticket.js';
import { replaceOfferMessage } from './outbox.js';
import { resolveLocale } from './resolve-locale.js';

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
  // Languages are looked up before the transaction and without waiting on Slack: Slack wants the form's answer within
  // 3 seconds. Both people are normally known by now (the offer, or opening the form, looked them up).
  const submitterLocale = await resolveLocale(deps, input.userId, { wait: false });
  const validation = validateTicketDraft(input.values, {
    categories: config.categories,
    teams: config.teams,
    today: calendarDate(now, config.timezone),
  });
  if (!validation.ok) return { ok: false, errors: describeDraftProblems(validation.errors, submitterLocale) };
  const { draft } = validation;
  const { metadata } = input;
  const message = metadata.source === 'shortcut' ? metadata.message : undefined;
  const requesterId = message ? requesterOfMessage(input.userId, metadata.authorId, config.helperUserIds) : input.userId;
  const requesterLocale = requesterId === input.userId ? submitterLocale : await resolveLocale(deps, requesterId, { wait: false });

  const outcome = await db.transaction().execute(async (trx): Promise<CreateTicketOutcome> => {
    // The offer is trusted only if it belongs to the person submitting (private_metadata comes back from the client).
    const offer = metadata.offerId ? await findOffer(trx, metadata.offerId) : undefined;
    const ownOffer = offer && offer.userId === input.userId ? offer : undefined;
    if (ownOffer?.outcome === 'ticket_filed' && ownOffer.ticketNumber !== null) {
      const existing = await findTicket(trx, ownOffer.ticketNumber);
      if (existing) return { ok: true, ticket: existing, duplicate: true };
    }
    const shortcutMessage = ownOffer ? undefined : message;
    if (shortcutMessage) {
      // Two forms opened on the same message: the second submission files nothing.
      const existing = await findTicketBySource(trx, shortcutMessage.channel, shortcutMessage.ts);
      if (existing) return { ok: false, errors: { title: t(submitterLocale, 'form.error.becameTicket', { number: existing.number }) } };
    }
    const source: TicketSource = ownOffer ? ownOffer.source : shortcutMessage ? 'shortcut' : 'command';
    const ticket = await fileTicket(trx, config, {
      ticket: {
        ...draft,
        requesterId: shortcutMessage ? requesterId : input.userId,
        filedById: input.userId,
        source,
        sourceChannelId: ownOffer?.channelId ?? shortcutMessage?.channel ?? null,
        sourceTs: ownOffer?.messageTs ?? shortcutMessage?.ts ?? null,
        sourcePermalink: null,
        inboxOwnerId: ownOffer?.via === 'inbox' ? (deps.inbox?.ownerId ?? null) : null,
        createdAt: now,
      },
      rememberTeam: true,
      requesterLocale: shortcutMessage ? requesterLocale : submitterLocale,
      extra: (filed) =>
        ownOffer && metadata.offerMessage
          ? [replaceOfferMessage(ownOffer, metadata.offerMessage, (ownOffer.via === 'inbox' ? buildInboxFiledMessage : buildOfferFiledMessage)(filed.number, submitterLocale))]
          : [],
    });
    if (ownOffer) await markOfferFiled(trx, ownOffer.id, ticket.number, now);
    return { ok: true, ticket, duplicate: false };
  });

  if (!outcome.ok) return outcome;
  deps.outbox.kick();
  deps.logger.info({ ticket: outcome.ticket.number, source: outcome.ticket.source, duplicate: outcome.duplicate }, 'ticket filed');
  return outcome;
}
