import type { Ticket } from '../../core/ticket.js';
import { t as text } from '../../i18n/catalog.js';
import type { Locale } from '../../i18n/locale.js';
import { context, escapeMrkdwn, section, type SlackMessage } from './blocks.js';
import { summaryLine } from './ticket-format.js';

/**
 * The requester's "#N received" when a helper filed the ticket for them (from their message, by shortcut or
 * :ticket: reaction): who filed it, what it says, and how to add to it.
 */
export function buildFiledForYouMessage(t: Ticket, locale: Locale): SlackMessage {
  const params = { helper: `<@${t.filedById}>`, number: t.number, title: escapeMrkdwn(t.title) };
  return {
    text: text(locale, 'ticket.filedForYou.text', params),
    blocks: [
      section(`${text(locale, 'ticket.filedForYou.body', params)}\n${summaryLine(t, locale)}`),
      context(text(locale, 'ticket.filedForYou.next', params)),
    ],
  };
}
