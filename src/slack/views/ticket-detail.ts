import type { KnownBlock } from '@slack/types';
import type { HistoryItem, ShowTicketOutcome, TicketDetail } from '../../app/show-ticket.js';
import { t as text } from '../../i18n/catalog.js';
import { formatDuration } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locale.js';
import { context, escapeMrkdwn, escapeMrkdwnWithin, LIMITS, link, mrkdwn, plainText, section, type SlackMessage } from './blocks.js';
import { buildTicketActions } from './ticket-actions.js';
import { dateLabel, dueLabel, statusLabel, urgencyLabel } from './ticket-format.js';
import { filedWhen } from './ticket-messages.js';

/** History entries shown; older ones are summed up in one line. */
export const HISTORY_SHOWN = 10;
const NOTE_MAX = 150;
const DETAILS_MAX = 1500;

function historyLine(h: HistoryItem, forHelper: boolean, locale: Locale): string {
  const parts = [`${dateLabel(h.at, locale)} · <@${h.actorId}> ${text(locale, `detail.did.${h.action}`)}`];
  if (forHelper && h.minutesSpent) parts.push(`(${formatDuration(h.minutesSpent, locale)})`);
  // Notes are people's text: escaped, so a "<!channel>" or a forged link in one shows as text.
  if (h.note) parts.push(`— ${escapeMrkdwnWithin(h.note.replace(/\s+/g, ' '), NOTE_MAX)}`);
  return parts.join(' ');
}

/**
 * What `/request #N` shows its requester or a helper (ephemeral), in the viewer's language: the ticket's state,
 * facts, details and history; helpers also get the buttons that fit its state. Time spent is shown to helpers only,
 * as on the Home tab.
 */
export function buildTicketDetailMessage(input: TicketDetail, locale: Locale): SlackMessage {
  const { ticket: t, history, viewerIsHelper, today } = input;
  const status = [`*${statusLabel(t.status, locale)}*`];
  if (t.assigneeId) status.push(`<@${t.assigneeId}>`);
  if (viewerIsHelper && t.minutesSpent > 0) status.push(formatDuration(t.minutesSpent, locale));
  const original = link(t.sourcePermalink, text(locale, 'ticket.originalMessage'));
  const field = (key: 'status' | 'requester' | 'teamCategory' | 'urgency' | 'due' | 'filed', value: string) =>
    mrkdwn(`*${text(locale, `ticket.field.${key}`)}*\n${value}`, LIMITS.sectionField);
  const fields = [
    field('status', status.join(' · ')),
    field('requester', `<@${t.requesterId}>`),
    field('teamCategory', `${escapeMrkdwn(t.team)} · ${escapeMrkdwn(t.category)}`),
    field('urgency', urgencyLabel(t, locale)),
    field('due', dueLabel(t, today, locale)),
    field('filed', `${filedWhen(t, locale)}${original ? `\n${original}` : ''}`),
  ];
  const blocks: KnownBlock[] = [
    { type: 'header', text: plainText(`#${t.number} · ${t.title}`, LIMITS.headerText) },
    { type: 'section', fields },
    section(t.details.trim() ? escapeMrkdwnWithin(t.details, DETAILS_MAX) : text(locale, 'ticket.noDetails')),
  ];
  const recent = history.slice(-HISTORY_SHOWN);
  const lines = recent.map((h) => historyLine(h, viewerIsHelper, locale));
  if (history.length > recent.length) lines.unshift(`_${text(locale, 'detail.earlier', { count: history.length - recent.length })}_`);
  if (lines.length > 0) blocks.push(section(`*${text(locale, 'detail.history')}*\n${lines.join('\n')}`));
  if (viewerIsHelper) blocks.push(buildTicketActions(t, locale));
  else blocks.push(context(text(locale, 'detail.next')));
  return { text: `#${t.number} ${escapeMrkdwn(t.title)} — ${statusLabel(t.status, locale)}`, blocks };
}

/** What `/request #N` says when there is no such ticket, or it belongs to someone else. */
export function buildTicketNotShownMessage(outcome: Extract<ShowTicketOutcome, { ok: false }>, locale: Locale): SlackMessage {
  const message = text(locale, outcome.reason === 'not_found' ? 'detail.notFound' : 'detail.notYours', { number: outcome.number });
  return { text: message, blocks: [section(message)] };
}
