import type { Ticket } from '../../core/ticket.js';
import { context, escapeMrkdwn, section, type SlackMessage } from './blocks.js';
import { summaryLine } from './ticket-format.js';

/**
 * The requester's "#N received" when a helper filed the ticket for them (from their message, by shortcut or
 * :ticket: reaction): who filed it, what it says, and how to add to it.
 */
export function buildFiledForYouMessage(t: Ticket): SlackMessage {
  const title = escapeMrkdwn(t.title);
  const helper = `<@${t.filedById}>`;
  return {
    text: `${helper} filed #${t.number} for you from your message — ${title}`,
    blocks: [
      section(`:ticket: ${helper} filed *#${t.number}* for you from your message — ${title}\n${summaryLine(t)}`),
      context(
        `Nothing for you to do. Want to add details or a due date? Message ${helper} and mention #${t.number}. ` +
          "You'll get a message here when someone picks it up.",
      ),
    ],
  };
}
