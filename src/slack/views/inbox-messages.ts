import { t } from '../../i18n/catalog.js';
import type { Locale } from '../../i18n/locale.js';
import { ACTION_IDS } from '../ids.js';
import { button, context, link, section, slackDate, type SlackMessage } from './blocks.js';

/** When the helper is back (out of working hours) and until when they focus, if either applies now. */
export interface HelperAvailability {
  backAt?: Date | undefined;
  focusUntil?: Date | undefined;
}

/**
 * The inbox guard's automatic reply in a helper's DM or to an @mention of them: clearly marked as automatic, in the
 * helper's voice, with Create ticket, It's urgent and Not a request; it says when the helper is back or in focus.
 */
export function buildInboxOffer(input: { offerId: number; helperId: string; locale: Locale } & HelperAvailability): SlackMessage {
  const { locale } = input;
  const value = String(input.offerId);
  const body = [
    t(locale, 'inbox.offer.body'),
    ...(input.backAt ? [t(locale, 'inbox.offer.outOfHours', { when: slackDate(input.backAt) })] : []),
    ...(input.focusUntil ? [t(locale, 'inbox.offer.focus', { when: slackDate(input.focusUntil, '{time}') })] : []),
    t(locale, 'inbox.offer.urgentHint'),
  ].join('\n');
  return {
    text: t(locale, 'inbox.offer.body'),
    blocks: [
      context(t(locale, 'inbox.auto.label', { helper: `<@${input.helperId}>` })),
      section(body),
      {
        type: 'actions',
        elements: [
          button(ACTION_IDS.createTicketFromOffer, t(locale, 'inbox.button.create'), value, 'primary'),
          button(ACTION_IDS.urgent, t(locale, 'inbox.button.urgent'), value, 'danger'),
          button(ACTION_IDS.notARequest, t(locale, 'inbox.button.notRequest'), value),
        ],
      },
    ],
  };
}

/** The DM from the bot to the helper when someone pressed It's urgent. */
export function buildUrgentAlert(input: { requesterId: string; permalink: string | undefined; locale: Locale }): SlackMessage {
  const message = link(input.permalink, t(input.locale, 'inbox.urgent.linkLabel')) ?? '';
  const text = t(input.locale, 'inbox.urgent.toHelper', { requester: `<@${input.requesterId}>`, link: message }).trim();
  return { text, blocks: [section(text)] };
}

/** Tells the requester their urgent message was passed on — or that today's limit is reached. */
export function buildUrgentAnswer(input: { passed: boolean; helperId: string; limit: number; locale: Locale }): SlackMessage {
  const text = input.passed
    ? t(input.locale, 'inbox.urgent.passedOn', { helper: `<@${input.helperId}>` })
    : t(input.locale, 'inbox.urgent.limit', { limit: input.limit });
  return { text, blocks: [section(text)] };
}

/** Replaces the automatic reply once it became a ticket: news come from Request Desk's DM, not this conversation. */
export function buildInboxFiledMessage(ticketNumber: number, locale: Locale): SlackMessage {
  return {
    text: t(locale, 'inbox.filed.text', { number: ticketNumber }),
    blocks: [section(t(locale, 'inbox.filed.body', { number: ticketNumber }))],
  };
}
