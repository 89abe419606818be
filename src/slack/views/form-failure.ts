import type { OpenFormOutcome } from '../../app/open-ticket-form.js';
import { t } from '../../i18n/catalog.js';
import type { Locale } from '../../i18n/locale.js';
import { buildAlreadyFiledMessage, buildNotYourOfferMessage } from './offer-message.js';
import { section, type SlackMessage } from './blocks.js';

/** The ephemeral note explaining why the ticket form did not open. */
export function buildFormFailureMessage(outcome: Exclude<OpenFormOutcome, { ok: true }>, locale: Locale): SlackMessage {
  switch (outcome.reason) {
    case 'already_filed':
      return buildAlreadyFiledMessage(outcome.ticketNumber, locale);
    case 'not_yours':
      return buildNotYourOfferMessage(locale);
    case 'not_found': {
      const text = t(locale, 'offer.notFound');
      return { text, blocks: [section(text)] };
    }
    case 'slack_error': {
      const text = t(locale, 'offer.slackError');
      return { text, blocks: [section(text)] };
    }
  }
}
