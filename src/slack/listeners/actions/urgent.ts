import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Deps } from '../../../app/deps.js';
import { escalateUrgent } from '../../../app/escalate-urgent.js';
import { resolveLocale } from '../../../app/resolve-locale.js';
import { buildNotYourOfferMessage } from '../../views/offer-message.js';
import { answerPrivately } from '../answer-privately.js';
import { parseOfferClick } from './offer-action.js';

/** "It's urgent" on an automatic reply in a helper's inbox: passes it on to the helper at once (within a daily limit). */
export function handleUrgent(deps: Deps) {
  return async ({ ack, body, respond, logger }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const click = parseOfferClick(body);
    if (!click) {
      logger.warn("It's urgent click ignored: unexpected payload");
      return;
    }
    const outcome = await escalateUrgent(deps, { offerId: click.offerId, userId: click.userId });
    if (outcome.ok) await answerPrivately(deps, respond, click.userId, outcome.answer);
    else if (outcome.reason === 'not_yours') await answerPrivately(deps, respond, click.userId, buildNotYourOfferMessage(await resolveLocale(deps, click.userId)));
    else logger.warn({ reason: outcome.reason }, "It's urgent click ignored");
  };
}
