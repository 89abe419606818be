import type { KnownBlock } from '@slack/types';
import type { HistoryItem, ShowTicketOutcome, TicketDetail } from '../../app/show-ticket.js';
import type { HistoryAction } from '../../db/ticket-history-repository.js';
import { formatDuration } from '../../core/ticket-workflow.js';
import { context, escapeMrkdwn, escapeMrkdwnWithin, LIMITS, link, mrkdwn, plainText, section, slackDate, type SlackMessage } from './blocks.js';
import { buildTicketActions } from './ticket-actions.js';
import { dueLabel, STATUS_LABELS, urgencyLabel } from './ticket-format.js';

/** History entries shown; older ones are summed up in one line. */
export const HISTORY_SHOWN = 10;
const NOTE_MAX = 150;
const DETAILS_MAX = 1500;

const DID: Readonly<Record<HistoryAction, string>> = {
  created: 'filed it',
  started: 'started on it',
  done: 'marked it done',
  declined: 'declined it',
  redirected: 'redirected it',
  reopened: 'reopened it',
  rescheduled: 'changed the due date or urgency',
};

function historyLine(h: HistoryItem, forHelper: boolean): string {
  const parts = [`${slackDate(h.at)} · <@${h.actorId}> ${DID[h.action]}`];
  if (forHelper && h.minutesSpent) parts.push(`(${formatDuration(h.minutesSpent)})`);
  // Notes are people's text: escaped, so a "<!channel>" or a forged link in one shows as text.
  if (h.note) parts.push(`— ${escapeMrkdwnWithin(h.note.replace(/\s+/g, ' '), NOTE_MAX)}`);
  return parts.join(' ');
}

/**
 * What `/request #N` shows its requester or a helper (ephemeral): the ticket's state, facts, details and history;
 * helpers also get the buttons that fit its state. Time spent is shown to helpers only, as on the Home tab.
 */
export function buildTicketDetailMessage(input: TicketDetail): SlackMessage {
  const { ticket: t, history, viewerIsHelper, today } = input;
  const status = [`*${STATUS_LABELS[t.status]}*`];
  if (t.assigneeId) status.push(`<@${t.assigneeId}>`);
  if (viewerIsHelper && t.minutesSpent > 0) status.push(formatDuration(t.minutesSpent));
  const filed = `${slackDate(t.createdAt)}${t.filedById !== t.requesterId ? ` by <@${t.filedById}>` : ''}`;
  const fields = [
    `*Status*\n${status.join(' · ')}`,
    `*Requester*\n<@${t.requesterId}>`,
    `*Team · category*\n${escapeMrkdwn(t.team)} · ${escapeMrkdwn(t.category)}`,
    `*Urgency*\n${urgencyLabel(t)}`,
    `*Due*\n${dueLabel(t, today)}`,
    `*Filed*\n${filed}${link(t.sourcePermalink, 'Original message') ? `\n${link(t.sourcePermalink, 'Original message')}` : ''}`,
  ].map((f) => mrkdwn(f, LIMITS.sectionField));
  const blocks: KnownBlock[] = [
    { type: 'header', text: plainText(`#${t.number} · ${t.title}`, LIMITS.headerText) },
    { type: 'section', fields },
    section(t.details.trim() ? escapeMrkdwnWithin(t.details, DETAILS_MAX) : '_No details given._'),
  ];
  const recent = history.slice(-HISTORY_SHOWN);
  const lines = recent.map((h) => historyLine(h, viewerIsHelper));
  if (history.length > recent.length) lines.unshift(`_${history.length - recent.length} earlier entries not shown_`);
  if (lines.length > 0) blocks.push(section(`*History*\n${lines.join('\n')}`));
  if (viewerIsHelper) blocks.push(buildTicketActions(t));
  else blocks.push(context("You'll get a DM from me whenever it moves. `/request list` shows all your tickets."));
  return { text: `#${t.number} ${escapeMrkdwn(t.title)} — ${STATUS_LABELS[t.status]}`, blocks };
}

/** What `/request #N` says when there is no such ticket, or it belongs to someone else. */
export function buildTicketNotShownMessage(outcome: Extract<ShowTicketOutcome, { ok: false }>): SlackMessage {
  const text =
    outcome.reason === 'not_found'
      ? `There's no ticket #${outcome.number}. \`/request list\` shows yours.`
      : `Sorry — ticket #${outcome.number} isn't yours to see. \`/request list\` shows the tickets you asked for.`;
  return { text, blocks: [section(text)] };
}
