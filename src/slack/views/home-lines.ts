import type { ActionsBlock, KnownBlock } from '@slack/types';
import type { Ticket } from '../../core/ticket.js';
import { t as text } from '../../i18n/catalog.js';
import { formatDuration } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locale.js';
import { ACTION_IDS } from '../ids.js';
import { button, escapeMrkdwn, LIMITS, plainText } from './blocks.js';
import { dateLabel, dueLabel, statusLabel, statusLine, ticketRef, urgencyLabel } from './ticket-format.js';

// The pieces both App Home tabs are made of; every user-typed text goes through ticketRef / escapeMrkdwn.

/** A header block (plain text, which Slack never parses). */
export const homeHeader = (title: string): KnownBlock => ({ type: 'header', text: plainText(title, LIMITS.headerText) });

/** A divider block. */
export const homeDivider = (): KnownBlock => ({ type: 'divider' });

/** The **New request** button, which opens the ticket form. */
export const newRequestButton = (locale: Locale): ActionsBlock => ({
  type: 'actions',
  elements: [button(ACTION_IDS.homeNewRequest, text(locale, 'home.newRequest'), 'new', 'primary')],
});


const dueFact = (t: Ticket, today: string, locale: Locale) =>
  t.dueDate ? text(locale, 'home.line.due', { date: dueLabel(t, today, locale) }) : text(locale, 'home.line.noDue');

/** A requester's own ticket: title, then state, who is on it, due date and when it last changed. */
export function requesterTicketLine(t: Ticket, today: string, locale: Locale): string {
  const facts = [`*${statusLabel(t.status, locale)}*`];
  if (t.status === 'in_progress' && t.assigneeId) facts.push(text(locale, 'home.line.isOnIt', { assignee: `<@${t.assigneeId}>` }));
  if (t.dueDate) facts.push(dueFact(t, today, locale));
  facts.push(text(locale, 'home.line.lastChange', { when: dateLabel(t.updatedAt, locale) }));
  return `${ticketRef(t)}\n${facts.join(' · ')}`;
}

/** A ticket in the helpers' queue: title; requester, team, category, urgency, due; state and age. */
export function queueTicketLine(t: Ticket, today: string, locale: Locale): string {
  const facts = [`<@${t.requesterId}>`, escapeMrkdwn(t.team), escapeMrkdwn(t.category), urgencyLabel(t, locale), dueFact(t, today, locale)];
  const filed = text(locale, 'home.line.filed', { when: dateLabel(t.createdAt, locale) });
  return `${ticketRef(t)}\n${facts.join(' · ')}\n${statusLine(t, locale)} · ${filed}`;
}

/** A finished ticket: how it ended, time spent (for helpers) and when. */
export function finishedTicketLine(t: Ticket, opts: { showTime: boolean }, locale: Locale): string {
  const facts = [`*${statusLabel(t.status, locale)}*`];
  if (opts.showTime && t.minutesSpent > 0) facts.push(formatDuration(t.minutesSpent, locale));
  facts.push(dateLabel(t.closedAt ?? t.updatedAt, locale));
  return `${ticketRef(t)}\n${facts.join(' · ')}`;
}

/** Most recently finished first. */
export const byFinishedDesc = (a: Ticket, b: Ticket) =>
  (b.closedAt ?? b.updatedAt).getTime() - (a.closedAt ?? a.updatedAt).getTime() || b.number - a.number;
