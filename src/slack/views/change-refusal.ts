import type { ChangeOutcome } from '../../app/change-ticket.js';
import { section, type SlackMessage } from './blocks.js';
import { STATUS_LABELS, ticketRef } from './ticket-format.js';

/** Why a helper action did not happen, for the person who clicked (ephemeral, a DM, or a modal error). */
export function describeRefusal(outcome: Exclude<ChangeOutcome, { ok: true }> | { ok: false; reason: 'slack_error' }): string {
  switch (outcome.reason) {
    case 'not_helper':
      return 'Only the helpers can change tickets. You can follow your own with `/request list`.';
    case 'not_found':
      return "I can't find that ticket any more.";
    case 'stale': {
      const t = outcome.ticket;
      const who = t.assigneeId ? ` (<@${t.assigneeId}>)` : '';
      return `${ticketRef(t)} has moved on: it is now *${STATUS_LABELS[t.status]}*${who}. The card shows what you can do next.`;
    }
    case 'invalid':
      return outcome.message ?? 'That did not work — please check the form.';
    case 'slack_error':
      return "Sorry — Slack didn't open the form in time. Please try again.";
  }
}

/** The same, as a message. */
export function buildRefusalMessage(outcome: Parameters<typeof describeRefusal>[0]): SlackMessage {
  const text = describeRefusal(outcome);
  return { text, blocks: [section(text)] };
}
