import { deriveDetails, deriveTitle } from '../core/ticket.js';
import { requesterOfMessage } from '../core/ticket-from-message.js';
import { findOffer } from '../db/offer-repository.js';
import { findRememberedTeam } from '../db/preference-repository.js';
import { findTicketBySource } from '../db/ticket-repository.js';
import { t } from '../i18n/catalog.js';
import type { Locale } from '../i18n/locale.js';
import { encodeFormMetadata } from '../slack/form-metadata.js';
import { buildTicketForm, type TicketFormPrefill } from '../slack/views/ticket-form.js';
import type { Deps } from './deps.js';
import type { MessageRef } from './outbox.js';
import { resolveLocale } from './resolve-locale.js';

/** Where the form was opened from: an offer's button, `/request [text]`, or the message shortcut on a message. */
export type FormOrigin =
  | { kind: 'offer'; offerId: number; offerMessage: MessageRef }
  | { kind: 'command'; text: string }
  | { kind: 'message'; channel: string; ts: string; text: string; authorId?: string | undefined };

export type OpenFormOutcome =
  | { ok: true }
  | { ok: false; reason: 'not_found' | 'not_yours' | 'slack_error' }
  | { ok: false; reason: 'already_filed'; ticketNumber: number };

/** Title from the first sentence, the whole message as details; both empty for no text. */
const fromText = (text: string) => (text ? { title: deriveTitle(text), details: deriveDetails(text) } : { title: '', details: '' });

/**
 * Opens the ticket form for a person, prefilled from their message (title from the first sentence, the whole
 * message as details) and with the team they chose last time. Only fast SQLite reads happen before `views.open`,
 * because the trigger_id expires 3 seconds after the click. The form is in `locale`, the person's language (looked
 * up by the caller without waiting on Slack).
 */
export async function openTicketForm(
  deps: Deps,
  input: { userId: string; triggerId: string; origin: FormOrigin; locale: Locale },
): Promise<OpenFormOutcome> {
  const { db, config, slack, logger } = deps;
  const { origin, locale } = input;
  let prefill: TicketFormPrefill;
  let metadata: string;
  // Whose ticket it will be: the team field is prefilled with theirs.
  let requesterId = input.userId;
  if (origin.kind === 'offer') {
    const offer = await findOffer(db, origin.offerId);
    if (!offer) return { ok: false, reason: 'not_found' };
    if (offer.userId !== input.userId) return { ok: false, reason: 'not_yours' };
    if (offer.outcome === 'ticket_filed' && offer.ticketNumber !== null) {
      return { ok: false, reason: 'already_filed', ticketNumber: offer.ticketNumber };
    }
    // The message may have become a ticket another way (a helper's shortcut or reaction).
    const existing = await findTicketBySource(db, offer.channelId, offer.messageTs);
    if (existing) return { ok: false, reason: 'already_filed', ticketNumber: existing.number };
    const text = offer.text ?? '';
    prefill = { ...fromText(text), intro: text ? t(locale, 'form.intro.yourMessage') : undefined };
    metadata = encodeFormMetadata({ source: offer.source, offerId: offer.id, offerMessage: origin.offerMessage });
  } else if (origin.kind === 'message') {
    // One ticket per message: say which one instead of opening a second form.
    const existing = await findTicketBySource(db, origin.channel, origin.ts);
    if (existing) return { ok: false, reason: 'already_filed', ticketNumber: existing.number };
    requesterId = requesterOfMessage(input.userId, origin.authorId, config.helperUserIds);
    prefill = {
      ...fromText(origin.text.trim()),
      intro:
        requesterId === input.userId
          ? t(locale, 'form.intro.message')
          : t(locale, 'form.intro.forSomeone', { person: `<@${requesterId}>` }),
    };
    metadata = encodeFormMetadata({ source: 'shortcut', message: { channel: origin.channel, ts: origin.ts }, authorId: origin.authorId });
  } else {
    // `/request [text]`: the text is what they need in a few words, a title; nothing to repeat as details.
    prefill = { title: fromText(origin.text.trim()).title, details: '' };
    metadata = encodeFormMetadata({ source: 'command' });
  }
  prefill.team = await findRememberedTeam(db, requesterId);
  // Filing for someone else: learn their language in the background, for their "filed for you" DM on submission.
  if (requesterId !== input.userId) {
    resolveLocale(deps, requesterId, { wait: false }).catch((err: unknown) => logger.warn({ err, requesterId }, 'could not start a locale lookup'));
  }

  const view = buildTicketForm({ prefill, categories: config.categories, teams: config.teams, privateMetadata: metadata, locale });
  try {
    await slack.openView(input.triggerId, view);
    return { ok: true };
  } catch (err) {
    logger.error({ err, user: input.userId, origin: origin.kind }, 'could not open the ticket form');
    return { ok: false, reason: 'slack_error' };
  }
}
