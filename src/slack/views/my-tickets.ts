import type { KnownBlock } from '@slack/types';
import type { MyTickets } from '../../app/list-my-tickets.js';
import { t } from '../../i18n/catalog.js';
import type { Locale } from '../../i18n/locale.js';
import { context, LIMITS, plainText, section, type SlackMessage } from './blocks.js';
import { finishedTicketLine, requesterTicketLine } from './home-lines.js';

/**
 * What `/request list` shows the caller (ephemeral), in their language: their open tickets, then the most recently
 * finished ones, one section each — at most 15, so the message stays far below Slack's 50 blocks.
 */
export function buildMyTicketsMessage(input: MyTickets, locale: Locale): SlackMessage {
  const { open, openTotal, finished, today } = input;
  if (openTotal === 0 && finished.length === 0) {
    const empty = t(locale, 'mine.empty');
    return { text: empty, blocks: [section(empty)] };
  }
  const blocks: KnownBlock[] = [{ type: 'header', text: plainText(t(locale, 'mine.header'), LIMITS.headerText) }];
  blocks.push(section(openTotal === 0 ? t(locale, 'mine.openNone') : t(locale, 'mine.open', { count: openTotal })));
  for (const ticket of open) blocks.push(section(requesterTicketLine(ticket, today, locale)));
  if (openTotal > open.length) blocks.push(context(t(locale, 'mine.more', { count: openTotal - open.length })));
  if (finished.length > 0) {
    blocks.push(section(t(locale, 'mine.finished')));
    for (const ticket of finished) blocks.push(section(finishedTicketLine(ticket, { showTime: false }, locale)));
  }
  blocks.push(context(t(locale, 'mine.footer')));
  return { text: t(locale, 'mine.text', { count: openTotal }), blocks: blocks.slice(0, LIMITS.messageBlocks) };
}
