import { formatDueDate } from '../../core/dates.js';
import { URGENCY_LABELS, type Ticket, type TicketStatus } from '../../core/ticket.js';
import { formatDuration, isOverdue } from '../../core/ticket-workflow.js';
import { escapeMrkdwn } from './blocks.js';

/** Ticket states as people read them. */
export const STATUS_LABELS: Readonly<Record<TicketStatus, string>> = {
  new: 'New',
  in_progress: 'In progress',
  done: 'Done',
  declined: 'Declined',
  redirected: 'Redirected',
};

/** "Urgent" stands out; the others are plain. */
export const urgencyLabel = (t: Pick<Ticket, 'urgency'>) => (t.urgency === 'urgent' ? ':red_circle: Urgent' : URGENCY_LABELS[t.urgency]);

/** "#12 Fix the banner" with the title escaped for mrkdwn, bold number. */
export const ticketRef = (t: Pick<Ticket, 'number' | 'title'>) => `*#${t.number}* ${escapeMrkdwn(t.title)}`;

/** The due date, with a warning when it has passed. */
export function dueLabel(t: Pick<Ticket, 'dueDate' | 'status'>, today: string): string {
  if (!t.dueDate) return '—';
  return isOverdue(t, today) ? `:warning: ${formatDueDate(t.dueDate)} (overdue)` : formatDueDate(t.dueDate);
}

/** "In progress · <@U1>" / "Done · 1h 30m". */
export function statusLine(t: Ticket): string {
  const parts = [`*${STATUS_LABELS[t.status]}*`];
  if (t.assigneeId) parts.push(`<@${t.assigneeId}>`);
  if (t.minutesSpent > 0) parts.push(formatDuration(t.minutesSpent));
  return parts.join(' · ');
}

/** Category · team · urgency · due: the one-line summary. */
export function summaryLine(t: Ticket): string {
  const parts = [escapeMrkdwn(t.category), escapeMrkdwn(t.team), urgencyLabel(t)];
  if (t.dueDate) parts.push(`due ${formatDueDate(t.dueDate)}`);
  return parts.join(' · ');
}
