import { formatDueDate } from '../../core/dates.js';
import type { Ticket } from '../../core/ticket.js';
import type { TicketAction } from '../../core/ticket-workflow.js';
import { context, escapeMrkdwn, link, section, type SlackMessage } from './blocks.js';
import { ticketRef, urgencyLabel } from './ticket-format.js';

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

const quote = (text: string) =>
  escapeMrkdwn(text)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');

/**
 * The requester's DM about a change to their ticket, written kindly and naming `#N`; undefined when the change
 * does not concern them (an urgency tweak without a new due date).
 */
export function buildTicketUpdateMessage(t: Ticket, u: TicketUpdate): SlackMessage | undefined {
  const ref = ticketRef(t);
  const helper = `<@${u.actorId}>`;
  const lines: string[] = [];
  let text: string;
  switch (u.action) {
    case 'start':
      text = `#${t.number} is in progress`;
      lines.push(`:hammer_and_wrench: ${helper} started on ${ref}. You'll hear from me when it's done.`);
      break;
    case 'done': {
      text = `#${t.number} is done`;
      lines.push(`:white_check_mark: ${ref} is done — thanks for filing it!`);
      if (u.note) lines.push(`${helper} wrote:\n${quote(u.note)}`);
      const result = link(u.link, 'See the result');
      if (result) lines.push(result);
      break;
    }
    case 'decline': {
      text = `#${t.number} was declined`;
      lines.push(`${helper} can't take on ${ref} this time — sorry about that.`);
      if (u.note) lines.push(quote(u.note));
      const guide = link(u.link, 'This guide may help');
      if (guide) lines.push(guide);
      if (u.personId) lines.push(`<@${u.personId}> may be able to help instead.`);
      break;
    }
    case 'redirect': {
      text = `#${t.number} is better handled elsewhere`;
      const where = [u.personId ? `<@${u.personId}>` : undefined, u.team ? `the ${escapeMrkdwn(u.team)} team` : undefined].filter(Boolean).join(' or ');
      lines.push(`:arrow_right: ${ref} is better handled elsewhere${where ? `: please ask ${where}` : ''}.`);
      if (u.note) lines.push(quote(u.note));
      break;
    }
    case 'reopen':
      text = `#${t.number} was reopened`;
      lines.push(`:arrows_counterclockwise: ${helper} reopened ${ref} and is on it again.`);
      break;
    case 'reschedule':
      if (t.dueDate === u.previousDueDate) return undefined;
      text = `#${t.number} has a new due date`;
      lines.push(
        t.dueDate
          ? `:calendar: ${ref} is now due ${formatDueDate(t.dueDate)} (${urgencyLabel(t)}).`
          : `:calendar: ${ref} no longer has a fixed due date.`,
      );
      break;
  }
  return { text, blocks: [section(lines.join('\n')), context('Questions? Reply here, or type `/request` for something new.')] };
}
