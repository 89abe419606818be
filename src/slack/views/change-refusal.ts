import type { ChangeOutcome } from '../../app/change-ticket.js';
import { t } from '../../i18n/catalog.js';
import type { Locale } from '../../i18n/locale.js';
import { section, type SlackMessage } from './blocks.js';
import { statusLabel, ticketRef } from './ticket-format.js';

/** Why a helper action did not happen, for the person who clicked (ephemeral, a DM, or a modal error), in their language. */
export function describeRefusal(outcome: Exclude<ChangeOutcome, { ok: true }> | { ok: false; reason: 'slack_error' }, locale: Locale): string {
  switch (outcome.reason) {
    case 'not_helper':
      return t(locale, 'refusal.notHelper');
    case 'not_found':
      return t(locale, 'refusal.notFound');
    case 'stale': {
      const ticket = outcome.ticket;
      const params = { ref: ticketRef(ticket), status: statusLabel(ticket.status, locale) };
      return ticket.assigneeId
        ? t(locale, 'refusal.staleWith', { ...params, person: `<@${ticket.assigneeId}>` })
        : t(locale, 'refusal.stale', params);
    }
    case 'due_in_past':
      return t(locale, 'refusal.dueInPast');
    case 'slack_error':
      return t(locale, 'refusal.slackError');
  }
}

/** The same, as a message. */
export function buildRefusalMessage(outcome: Parameters<typeof describeRefusal>[0], locale: Locale): SlackMessage {
  const text = describeRefusal(outcome, locale);
  return { text, blocks: [section(text)] };
}
