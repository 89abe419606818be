import type { OutboxMessage } from '../../app/outbox.js';
import { t as text } from '../../i18n/catalog.js';
import type { Locale } from '../../i18n/locale.js';
import { context, section, type SlackMessage } from './blocks.js';

/** What an owed message was, in words a helper understands. */
export function describeOwedMessage(m: OutboxMessage, locale: Locale): string {
  switch (m.kind) {
    case 'triage_card':
      return text(locale, 'delivery.what.triage_card', { number: m.ticketNumber });
    case 'post':
      if (m.channel.startsWith('U') || m.channel.startsWith('W')) return text(locale, 'delivery.what.dm', { user: `<@${m.channel}>` });
      if (m.channel.startsWith('D')) return text(locale, 'delivery.what.dmReply');
      return text(locale, 'delivery.what.post', { channel: `<#${m.channel}>` });
    case 'ephemeral':
      return text(locale, 'delivery.what.ephemeral', { user: `<@${m.user}>`, channel: `<#${m.channel}>` });
    case 'replace':
      return text(locale, 'delivery.what.replace');
    case 'home':
      return text(locale, 'delivery.what.home', { user: `<@${m.userId}>` });
    case 'digest':
      return text(locale, m.digest === 'daily' ? 'delivery.what.daily' : 'delivery.what.weekly', { period: m.period, channel: `<#${m.channel}>` });
    case 'urgent_alert':
      return text(locale, 'delivery.what.urgent_alert', { user: `<@${m.helperId}>` });
    case 'digest_chart':
      return text(locale, 'delivery.what.digest_chart', { period: m.period, channel: `<#${m.channel}>` });
    case 'reaction':
      return text(locale, 'delivery.what.reaction', { emoji: `:${m.name.replace(/[^a-z0-9_+-]/g, '')}:`, channel: `<#${m.channel}>` });
  }
}

/** Tells the helpers that a message could not be delivered, and that it is kept. */
export function buildDeliveryFailureNotice(input: { message: OutboxMessage; error: string; outboxId: number }, locale: Locale): SlackMessage {
  // Slack error codes are [a-z_0-9]; anything else is cut, so nothing from a response can inject markup here.
  const code = input.error.replace(/[^a-zA-Z0-9_ .:-]/g, '').slice(0, 120);
  const notice = text(locale, 'delivery.failed', { what: describeOwedMessage(input.message, locale), code });
  return {
    text: notice,
    blocks: [section(notice), context(text(locale, 'delivery.kept', { id: input.outboxId }))],
  };
}
