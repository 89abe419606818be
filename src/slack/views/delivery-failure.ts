import type { OutboxMessage } from '../../app/outbox.js';
import { context, section, type SlackMessage } from './blocks.js';

/** What an owed message was, in words a helper understands. */
export function describeOwedMessage(m: OutboxMessage): string {
  switch (m.kind) {
    case 'triage_card':
      return `the triage card for ticket #${m.ticketNumber}`;
    case 'post':
      if (m.channel.startsWith('U') || m.channel.startsWith('W')) return `a direct message to <@${m.channel}>`;
      if (m.channel.startsWith('D')) return 'a reply in a direct message';
      return `a message in <#${m.channel}>`;
    case 'ephemeral':
      return `a note for <@${m.user}> in <#${m.channel}>`;
    case 'replace':
      return 'an update to an earlier message';
    case 'home':
      return `the App Home of <@${m.userId}>`;
    case 'digest':
      return `the ${m.digest} digest for ${m.period} in <#${m.channel}>`;
    case 'urgent_alert':
      return `an urgent alert to <@${m.helperId}>`;
    case 'digest_chart':
      return `the chart of the weekly digest for ${m.period} in <#${m.channel}>`;
    case 'reaction':
      return `the :${m.name.replace(/[^a-z0-9_+-]/g, '')}: reaction on a message in <#${m.channel}>`;
  }
}

/** Tells the helpers that a message could not be delivered, and that it is kept. */
export function buildDeliveryFailureNotice(input: { message: OutboxMessage; error: string; outboxId: number }): SlackMessage {
  // Slack error codes are [a-z_0-9]; anything else is cut, so nothing from a response can inject markup here.
  const code = input.error.replace(/[^a-zA-Z0-9_ .:-]/g, '').slice(0, 120);
  const what = describeOwedMessage(input.message);
  const text = `:warning: I couldn't deliver ${what}. Slack said: \`${code}\`.`;
  return {
    text,
    blocks: [
      section(text),
      context(`It is kept in the database (outbox #${input.outboxId}). If a channel is involved, check that Request Desk is a member.`),
    ],
  };
}
