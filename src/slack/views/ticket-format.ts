import type { Ticket, TicketStatus, Urgency } from '../../core/ticket.js';
import { isOverdue } from '../../core/ticket-workflow.js';
import { t as text } from '../../i18n/catalog.js';
import { formatDay, formatDuration } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locale.js';
import { escapeMrkdwn, slackDate } from './blocks.js';

/** A ticket state as people read it ("In progress" / "In Arbeit"). */
export const statusLabel = (status: TicketStatus, locale: Locale): string => text(locale, `status.${status}`);

/** An urgency as people read it, plain (for form options). */
export const urgencyName = (urgency: Urgency, locale: Locale): string => text(locale, `urgency.${urgency}`);

/** "Urgent" stands out; the others are plain. */
export const urgencyLabel = (t: Pick<Ticket, 'urgency'>, locale: Locale) =>
  t.urgency === 'urgent' ? `:red_circle: ${urgencyName('urgent', locale)}` : urgencyName(t.urgency, locale);

/** "#12 Fix the banner" with the title escaped for mrkdwn, bold number. */
export const ticketRef = (t: Pick<Ticket, 'number' | 'title'>) => `*#${t.number}* ${escapeMrkdwn(t.title)}`;

/** A due date for people in their language: "Sat 28 Nov 2026" / "Sa. 28. Nov. 2026". */
export const dueDateText = (isoDate: string, locale: Locale): string => formatDay(isoDate, locale, { weekday: true, year: true });

/** A moment as Slack shows it to each reader ("Nov 25 at 3:00 PM" in their own time zone), in their language. */
export const dateLabel = (at: Date, locale: Locale): string => slackDate(at, text(locale, 'dateTime.format'));

/** The due date, with a warning when it has passed. */
export function dueLabel(t: Pick<Ticket, 'dueDate' | 'status'>, today: string, locale: Locale): string {
  if (!t.dueDate) return '—';
  const date = dueDateText(t.dueDate, locale);
  return isOverdue(t, today) ? `:warning: ${text(locale, 'due.overdue', { date })}` : date;
}

/** "In progress · <@U1>" / "Done · 1h 30m". */
export function statusLine(t: Ticket, locale: Locale): string {
  const parts = [`*${statusLabel(t.status, locale)}*`];
  if (t.assigneeId) parts.push(`<@${t.assigneeId}>`);
  if (t.minutesSpent > 0) parts.push(formatDuration(t.minutesSpent, locale));
  return parts.join(' · ');
}

/** Category · team · urgency · due: the one-line summary. */
export function summaryLine(t: Ticket, locale: Locale): string {
  const parts = [escapeMrkdwn(t.category), escapeMrkdwn(t.team), urgencyLabel(t, locale)];
  if (t.dueDate) parts.push(text(locale, 'due.on', { date: dueDateText(t.dueDate, locale) }));
  return parts.join(' · ');
}
