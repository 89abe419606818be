import type { KnownBlock } from '@slack/types';
import type { Ticket } from '../../core/ticket.js';
import { context, escapeMrkdwn, escapeMrkdwnWithin, LIMITS, link, mrkdwn, plainText, section, slackDate, type SlackMessage } from './blocks.js';
import { buildTicketActions } from './ticket-actions.js';
import { dueLabel, statusLine, summaryLine, urgencyLabel } from './ticket-format.js';

/** The requester's confirmation: "#12 received", a one-line summary and what happens next. */
export function buildTicketReceivedMessage(t: Ticket): SlackMessage {
  const title = escapeMrkdwn(t.title);
  return {
    text: `#${t.number} received — ${title}`,
    blocks: [
      section(`:ticket: *#${t.number} received* — ${title}\n${summaryLine(t)}`),
      context("What happens next: it's in the queue now. You'll get a message here when someone picks it up."),
    ],
  };
}

function sourceField(t: Ticket): string {
  switch (t.source) {
    case 'mention':
      return link(t.sourcePermalink, 'Original message') ?? 'An @mention';
    case 'shortcut':
    case 'reaction':
      return link(t.sourcePermalink, 'Original message') ?? 'A message in Slack';
    case 'dm':
      return 'A DM to Request Desk';
    case 'command':
      return '`/request`';
  }
}

/**
 * The card in the triage channel: everything a helper needs to pick the ticket up, its state, and the actions that
 * fit it. Re-rendered and updated in place after every change; `today` (YYYY-MM-DD) marks it overdue.
 */
export function buildTriageCard(t: Ticket, today: string): SlackMessage {
  const details = t.details.trim() ? escapeMrkdwnWithin(t.details, LIMITS.sectionText) : '_No details given._';
  const fields = [
    `*Requester*\n<@${t.requesterId}>`,
    `*Team*\n${escapeMrkdwn(t.team)}`,
    `*Category*\n${escapeMrkdwn(t.category)}`,
    `*Urgency*\n${urgencyLabel(t)}`,
    `*Due*\n${dueLabel(t, today)}`,
    `*Source*\n${sourceField(t)}`,
  ].map((f) => mrkdwn(f, LIMITS.sectionField));
  const blocks: KnownBlock[] = [
    { type: 'header', text: plainText(`#${t.number} · ${t.title}`, LIMITS.headerText) },
    { type: 'section', text: mrkdwn(details) },
    { type: 'section', fields },
    context(`${statusLine(t)} · filed ${slackDate(t.createdAt)}${t.filedById !== t.requesterId ? ` by <@${t.filedById}>` : ''}`),
    buildTicketActions(t),
  ];
  return { text: `New ticket #${t.number}: ${escapeMrkdwn(t.title)}`, blocks };
}
