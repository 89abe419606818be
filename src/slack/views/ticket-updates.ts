import type { Ticket } from '../../core/ticket.js';
import type { TicketAction } from '../../core/ticket-workflow.js';
import { t as text } from '../../i18n/catalog.js';
import type { Locale } from '../../i18n/locale.js';
import { context, escapeMrkdwn, link, section, type SlackMessage } from './blocks.js';
import { dueDateText, ticketRef, urgencyLabel } from './ticket-format.js';

/** What changed, as the requester's DM needs it. */
export interface TicketUpdate {
  action: TicketAction;
  actorId: string;
  note?: string | undefined;
  link?: string | undefined;
  personId?: string | undefined;
  team?: string | undefined;
  previousDueDate: string | null;
}

const quote = (note: string) =>
  escapeMrkdwn(note)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');

/** Who to ask instead of a redirected ticket: a person, a team, or either. */
function redirectTarget(u: TicketUpdate, locale: Locale): string | undefined {
  const person = u.personId ? `<@${u.personId}>` : undefined;
  const team = u.team ? text(locale, 'update.redirect.team', { team: escapeMrkdwn(u.team) }) : undefined;
  return person && team ? text(locale, 'update.redirect.either', { person, team }) : (person ?? team);
}

/**
 * The requester's DM about a change to their ticket, in their language, written kindly and naming `#N`; undefined
 * when the change does not concern them (an urgency tweak without a new due date).
 */
export function buildTicketUpdateMessage(t: Ticket, u: TicketUpdate, locale: Locale): SlackMessage | undefined {
  const params = { number: t.number, ref: ticketRef(t), helper: `<@${u.actorId}>` };
  const lines: string[] = [];
  let title: string;
  switch (u.action) {
    case 'start':
      title = text(locale, 'update.start.text', params);
      lines.push(text(locale, 'update.start.body', params));
      break;
    case 'done': {
      title = text(locale, 'update.done.text', params);
      lines.push(text(locale, 'update.done.body', params));
      if (u.note) lines.push(`${text(locale, 'update.done.wrote', params)}\n${quote(u.note)}`);
      const result = link(u.link, text(locale, 'update.done.result'));
      if (result) lines.push(result);
      break;
    }
    case 'decline': {
      title = text(locale, 'update.decline.text', params);
      lines.push(text(locale, 'update.decline.body', params));
      if (u.note) lines.push(quote(u.note));
      const guide = link(u.link, text(locale, 'update.decline.guide'));
      if (guide) lines.push(guide);
      if (u.personId) lines.push(text(locale, 'update.decline.person', { person: `<@${u.personId}>` }));
      break;
    }
    case 'redirect': {
      title = text(locale, 'update.redirect.text', params);
      const where = redirectTarget(u, locale);
      lines.push(where ? text(locale, 'update.redirect.ask', { ...params, where }) : text(locale, 'update.redirect.body', params));
      if (u.note) lines.push(quote(u.note));
      break;
    }
    case 'reopen':
      title = text(locale, 'update.reopen.text', params);
      lines.push(text(locale, 'update.reopen.body', params));
      break;
    case 'reschedule':
      if (t.dueDate === u.previousDueDate) return undefined;
      title = text(locale, 'update.reschedule.text', params);
      lines.push(
        t.dueDate
          ? text(locale, 'update.reschedule.due', { ...params, date: dueDateText(t.dueDate, locale), urgency: urgencyLabel(t, locale) })
          : text(locale, 'update.reschedule.noDue', params),
      );
      break;
  }
  return { text: title, blocks: [section(lines.join('\n')), context(text(locale, 'update.footer'))] };
}
