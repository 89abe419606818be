import type { KnownBlock } from '@slack/types';
import { formatDueDate } from '../../core/dates.js';
import { URGENCY_LABELS, type Ticket, type TicketStatus } from '../../core/ticket.js';
import { context, escapeMrkdwn, escapeMrkdwnWithin, LIMITS, link, mrkdwn, plainText, section, slackDate, type SlackMessage } from './blocks.js';

const STATUS_LABELS: Readonly<Record<TicketStatus, string>> = {
  new: 'New',
  in_progress: 'In progress',
  done: 'Done',
  declined: 'Declined',
  redirected: 'Redirected',
};

const urgencyLabel = (t: Ticket) => (t.urgency === 'urgent' ? ':red_circle: Urgent' : URGENCY_LABELS[t.urgency]);

function summaryLine(t: Ticket): string {
  const parts = [escapeMrkdwn(t.category), escapeMrkdwn(t.team), urgencyLabel(t)];
  if (t.dueDate) parts.push(`due ${formatDueDate(t.dueDate)}`);
  return parts.join(' · ');
}

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
    case 'dm':
      return 'A DM to Request Desk';
    case 'command':
      return '`/request`';
  }
}

/** The card in the triage channel: everything a helper needs to pick the ticket up. */
export function buildTriageCard(t: Ticket): SlackMessage {
  const details = t.details.trim() ? escapeMrkdwnWithin(t.details, LIMITS.sectionText) : '_No details given._';
  const fields = [
    `*Requester*\n<@${t.requesterId}>`,
    `*Team*\n${escapeMrkdwn(t.team)}`,
    `*Category*\n${escapeMrkdwn(t.category)}`,
    `*Urgency*\n${urgencyLabel(t)}`,
    `*Due*\n${t.dueDate ? formatDueDate(t.dueDate) : '—'}`,
    `*Source*\n${sourceField(t)}`,
  ].map((f) => mrkdwn(f, LIMITS.sectionField));
  const blocks: KnownBlock[] = [
    { type: 'header', text: plainText(`#${t.number} · ${t.title}`, LIMITS.headerText) },
    { type: 'section', text: mrkdwn(details) },
    { type: 'section', fields },
    context(`Status: *${STATUS_LABELS[t.status]}* · filed ${slackDate(t.createdAt)}`),
  ];
  return { text: `New ticket #${t.number}: ${escapeMrkdwn(t.title)}`, blocks };
}
