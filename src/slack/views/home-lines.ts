import type { ActionsBlock, KnownBlock } from '@slack/types';
import type { Ticket } from '../../core/ticket.js';
import { formatDuration } from '../../core/ticket-workflow.js';
import { ACTION_IDS } from '../ids.js';
import { button, escapeMrkdwn, LIMITS, plainText, slackDate } from './blocks.js';
import { dueLabel, STATUS_LABELS, statusLine, ticketRef, urgencyLabel } from './ticket-format.js';

// The pieces both App Home tabs are made of; every user-typed text goes through ticketRef / escapeMrkdwn.

/** A header block (plain text, which Slack never parses). */
export const homeHeader = (text: string): KnownBlock => ({ type: 'header', text: plainText(text, LIMITS.headerText) });

/** A divider block. */
export const homeDivider = (): KnownBlock => ({ type: 'divider' });

/** The **New request** button, which opens the ticket form. */
export const newRequestButton = (): ActionsBlock => ({
  type: 'actions',
  elements: [button(ACTION_IDS.homeNewRequest, 'New request', 'new', 'primary')],
});

const dueFact = (t: Ticket, today: string) => (t.dueDate ? `due ${dueLabel(t, today)}` : 'no due date');

/** A requester's own ticket: title, then state, who is on it, due date and when it last changed. */
export function requesterTicketLine(t: Ticket, today: string): string {
  const facts = [`*${STATUS_LABELS[t.status]}*`];
  if (t.status === 'in_progress' && t.assigneeId) facts.push(`<@${t.assigneeId}> is on it`);
  if (t.dueDate) facts.push(dueFact(t, today));
  facts.push(`last change ${slackDate(t.updatedAt)}`);
  return `${ticketRef(t)}\n${facts.join(' · ')}`;
}

/** A ticket in the helpers' queue: title; requester, team, category, urgency, due; state and age. */
export function queueTicketLine(t: Ticket, today: string): string {
  const facts = [`<@${t.requesterId}>`, escapeMrkdwn(t.team), escapeMrkdwn(t.category), urgencyLabel(t), dueFact(t, today)];
  return `${ticketRef(t)}\n${facts.join(' · ')}\n${statusLine(t)} · filed ${slackDate(t.createdAt)}`;
}

/** A finished ticket: how it ended, time spent (for helpers) and when. */
export function finishedTicketLine(t: Ticket, opts: { showTime: boolean }): string {
  const facts = [`*${STATUS_LABELS[t.status]}*`];
  if (opts.showTime && t.minutesSpent > 0) facts.push(formatDuration(t.minutesSpent));
  facts.push(slackDate(t.closedAt ?? t.updatedAt));
  return `${ticketRef(t)}\n${facts.join(' · ')}`;
}

/** Most recently finished first. */
export const byFinishedDesc = (a: Ticket, b: Ticket) =>
  (b.closedAt ?? b.updatedAt).getTime() - (a.closedAt ?? a.updatedAt).getTime() || b.number - a.number;
