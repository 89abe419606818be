import type { KnownBlock } from '@slack/types';
import type { MyTickets } from '../../app/list-my-tickets.js';
import { context, LIMITS, plainText, section, type SlackMessage } from './blocks.js';
import { finishedTicketLine, requesterTicketLine } from './home-lines.js';

const EMPTY =
  "You haven't asked for anything yet. Type `/request` and what you need (say, `/request new banner for the webinar`), " +
  "or just send me a DM — I'll turn it into a ticket so nothing gets lost.";

/**
 * What `/request list` shows the caller (ephemeral): their open tickets, then the most recently finished ones,
 * one section each — at most 15, so the message stays far below Slack's 50 blocks.
 */
export function buildMyTicketsMessage(input: MyTickets): SlackMessage {
  const { open, openTotal, finished, today } = input;
  if (openTotal === 0 && finished.length === 0) return { text: EMPTY, blocks: [section(EMPTY)] };
  const blocks: KnownBlock[] = [{ type: 'header', text: plainText('Your tickets', LIMITS.headerText) }];
  blocks.push(section(openTotal === 0 ? '*Open:* nothing open right now.' : `*Open (${openTotal})*`));
  for (const t of open) blocks.push(section(requesterTicketLine(t, today)));
  if (openTotal > open.length) blocks.push(context(`…and ${openTotal - open.length} more open — your Home tab lists them all.`));
  if (finished.length > 0) {
    blocks.push(section('*Recently finished*'));
    for (const t of finished) blocks.push(section(finishedTicketLine(t, { showTime: false })));
  }
  blocks.push(context('`/request #12` shows one ticket with its history. Only you can see this.'));
  const text = openTotal === 1 ? 'Your tickets: 1 open' : `Your tickets: ${openTotal} open`;
  return { text, blocks: blocks.slice(0, LIMITS.messageBlocks) };
}
