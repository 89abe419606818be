import type { KnownBlock } from '@slack/types';
import type { Ticket } from '../../core/ticket.js';
import { t as text } from '../../i18n/catalog.js';
import type { Locale } from '../../i18n/locale.js';
import { context, escapeMrkdwn, escapeMrkdwnWithin, LIMITS, link, mrkdwn, plainText, section, type SlackMessage } from './blocks.js';
import { buildTicketActions } from './ticket-actions.js';
import { dateLabel, dueLabel, statusLine, summaryLine, urgencyLabel } from './ticket-format.js';

/** The requester's confirmation: "#12 received", a one-line summary and what happens next. */
export function buildTicketReceivedMessage(t: Ticket, locale: Locale): SlackMessage {
  const params = { number: t.number, title: escapeMrkdwn(t.title) };
  return {
    text: text(locale, 'ticket.received.text', params),
    blocks: [
      section(`${text(locale, 'ticket.received.body', params)}\n${summaryLine(t, locale)}`),
      context(text(locale, 'ticket.received.next')),
    ],
  };
}

function sourceField(t: Ticket, locale: Locale): string {
  const original = link(t.sourcePermalink, text(locale, 'ticket.originalMessage'));
  switch (t.source) {
    case 'mention':
      return original ?? text(locale, 'ticket.source.mention');
    case 'shortcut':
    case 'reaction':
      return original ?? text(locale, 'ticket.source.message');
    case 'dm':
      // From the inbox guard: the ask was a DM to the helper, which only they (and the requester) can open.
      if (t.inboxOwnerId) return [text(locale, 'ticket.source.inboxDm', { helper: `<@${t.inboxOwnerId}>` }), original].filter(Boolean).join(' · ');
      return text(locale, 'ticket.source.dm');
    case 'command':
      return '`/request`';
  }
}

/** When a ticket was filed, and by whom when that was not its requester: "Nov 25 at 3:00 PM by <@U2>". */
export function filedWhen(t: Ticket, locale: Locale): string {
  const when = dateLabel(t.createdAt, locale);
  return t.filedById !== t.requesterId ? text(locale, 'ticket.whenBy', { when, person: `<@${t.filedById}>` }) : when;
}

/**
 * The card in the triage channel: everything a helper needs to pick the ticket up, its state, and the actions that
 * fit it. Re-rendered and updated in place after every change; `today` (YYYY-MM-DD) marks it overdue. The channel
 * is shared, so callers pass the desk's default locale.
 */
export function buildTriageCard(t: Ticket, today: string, locale: Locale): SlackMessage {
  const details = t.details.trim() ? escapeMrkdwnWithin(t.details, LIMITS.sectionText) : text(locale, 'ticket.noDetails');
  const field = (key: 'requester' | 'team' | 'category' | 'urgency' | 'due' | 'source', value: string) =>
    mrkdwn(`*${text(locale, `ticket.field.${key}`)}*\n${value}`, LIMITS.sectionField);
  const fields = [
    field('requester', `<@${t.requesterId}>`),
    field('team', escapeMrkdwn(t.team)),
    field('category', escapeMrkdwn(t.category)),
    field('urgency', urgencyLabel(t, locale)),
    field('due', dueLabel(t, today, locale)),
    field('source', sourceField(t, locale)),
  ];
  const blocks: KnownBlock[] = [
    { type: 'header', text: plainText(`#${t.number} · ${t.title}`, LIMITS.headerText) },
    { type: 'section', text: mrkdwn(details) },
    { type: 'section', fields },
    context(`${statusLine(t, locale)} · ${text(locale, 'ticket.filed', { when: filedWhen(t, locale) })}`),
    buildTicketActions(t, locale),
  ];
  return { text: text(locale, 'ticket.triage.text', { number: t.number, title: escapeMrkdwn(t.title) }), blocks };
}
