import { t } from '../../i18n/catalog.js';
import type { Locale } from '../../i18n/locale.js';
import { ACTION_IDS } from '../ids.js';
import { button, context, section, type SlackMessage } from './blocks.js';

const message = (text: string): SlackMessage => ({ text, blocks: [section(text)] });

/**
 * The friendly "happy to help once there's a ticket" reply, with Create ticket and Not a request.
 * Helpers get the same buttons without the explanation.
 */
export function buildOfferMessage(input: { offerId: number; audience: 'requester' | 'helper'; locale: Locale }): SlackMessage {
  const { locale } = input;
  const value = String(input.offerId);
  const actions = {
    type: 'actions' as const,
    elements: [
      button(ACTION_IDS.createTicketFromOffer, t(locale, 'offer.button.create'), value, 'primary'),
      button(ACTION_IDS.notARequest, t(locale, 'offer.button.notRequest'), value),
    ],
  };
  if (input.audience === 'helper') {
    const text = t(locale, 'offer.helper');
    return { text, blocks: [section(text), actions] };
  }
  return {
    text: t(locale, 'offer.text'),
    blocks: [section(t(locale, 'offer.body')), actions, context(t(locale, 'offer.next'))],
  };
}

/** Replaces the offer once it became a ticket. */
export function buildOfferFiledMessage(ticketNumber: number, locale: Locale): SlackMessage {
  return {
    text: t(locale, 'offer.filed.text', { number: ticketNumber }),
    blocks: [section(t(locale, 'offer.filed.body', { number: ticketNumber }))],
  };
}

/** Replaces the offer after "Not a request". */
export function buildOfferDismissedMessage(locale: Locale): SlackMessage {
  return message(t(locale, 'offer.dismissed'));
}

/** Shown when someone other than the person it was meant for presses an offer's button. */
export function buildNotYourOfferMessage(locale: Locale): SlackMessage {
  return message(t(locale, 'offer.notYours'));
}

/** Shown when the offer already became a ticket. */
export function buildAlreadyFiledMessage(ticketNumber: number, locale: Locale): SlackMessage {
  return message(t(locale, 'offer.alreadyFiled', { number: ticketNumber }));
}
