import type { OpenFormOutcome } from '../../app/open-ticket-form.js';
import { buildAlreadyFiledMessage, buildNotYourOfferMessage } from './offer-message.js';
import { section, type SlackMessage } from './blocks.js';

/** The ephemeral note explaining why the ticket form did not open. */
export function buildFormFailureMessage(outcome: Exclude<OpenFormOutcome, { ok: true }>): SlackMessage {
  switch (outcome.reason) {
    case 'already_filed':
      return buildAlreadyFiledMessage(outcome.ticketNumber);
    case 'not_yours':
      return buildNotYourOfferMessage();
    case 'not_found': {
      const text = "I can't find that message any more — type `/request` to open a fresh ticket form.";
      return { text, blocks: [section(text)] };
    }
    case 'slack_error': {
      const text = "Sorry — Slack didn't open the form in time. Please try again; if it keeps happening, type `/request`.";
      return { text, blocks: [section(text)] };
    }
  }
}
