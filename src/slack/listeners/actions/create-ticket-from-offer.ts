import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../../app/deps.js';
import { openTicketForm } from '../../../app/open-ticket-form.js';
import { resolveLocale } from '../../../app/resolve-locale.js';
import { buildFormFailureMessage } from '../../views/form-failure.js';
import { answerPrivately } from '../answer-privately.js';
import { parseOfferClick } from './offer-action.js';

/** "Create ticket" on an offer: opens the form prefilled from the person's message. */
export function handleCreateTicketFromOffer(deps: Deps) {
  return async ({ ack, body, respond, logger }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const click = parseOfferClick(body);
    if (!click) {
      logger.warn('Create ticket click ignored: unexpected payload');
      return;
    }
    // The trigger_id lives 3 seconds: the language is what we know now, never a wait on Slack.
    const locale = await resolveLocale(deps, click.userId, { wait: false });
    const outcome = await openTicketForm(deps, {
      userId: click.userId,
      locale,
      triggerId: click.triggerId,
      origin: { kind: 'offer', offerId: click.offerId, offerMessage: click.offerMessage },
    });
    if (!outcome.ok) await answerPrivately(deps, respond, click.userId, buildFormFailureMessage(outcome, locale));
  };
}
