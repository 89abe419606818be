import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../../app/deps.js';
import { dismissOffer } from '../../../app/dismiss-offer.js';
import { resolveLocale } from '../../../app/resolve-locale.js';
import { buildAlreadyFiledMessage, buildNotYourOfferMessage } from '../../views/offer-message.js';
import { answerPrivately } from '../answer-privately.js';
import { parseOfferClick } from './offer-action.js';

/** "Not a request" on an offer: thanks the person and mutes offers to them for the cooldown. */
export function handleNotARequest(deps: Deps) {
  return async ({ ack, body, respond, logger }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const click = parseOfferClick(body);
    if (!click) {
      logger.warn('Not a request click ignored: unexpected payload');
      return;
    }
    const locale = await resolveLocale(deps, click.userId);
    const outcome = await dismissOffer(deps, { offerId: click.offerId, userId: click.userId, offerMessage: click.offerMessage, locale });
    if (outcome.ok || outcome.reason === 'not_found') return;
    const note = outcome.reason === 'already_filed' ? buildAlreadyFiledMessage(outcome.ticketNumber, locale) : buildNotYourOfferMessage(locale);
    await answerPrivately(deps, respond, click.userId, note);
  };
}
