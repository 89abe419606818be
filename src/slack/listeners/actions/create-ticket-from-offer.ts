import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../../app/deps.js';
import { openTicketForm } from '../../../app/open-ticket-form.js';
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
    const outcome = await openTicketForm(deps, {
      userId: click.userId,
      triggerId: click.triggerId,
      origin: { kind: 'offer', offerId: click.offerId, offerMessage: click.offerMessage },
    });
    if (!outcome.ok) await answerPrivately(deps, respond, click.userId, buildFormFailureMessage(outcome));
  };
}
