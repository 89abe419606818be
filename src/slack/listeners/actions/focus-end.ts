import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { Deps } from '../../../app/deps.js';
import { setFocus } from '../../../app/set-focus.js';
import { slackUserId } from '../../slack-ids.js';

const click = z.object({ user: z.object({ id: slackUserId }) });

/** **End focus** on a helper's Home: switches Focus mode off. */
export function handleFocusEnd(deps: Deps) {
  return async ({ ack, body, logger }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const parsed = click.safeParse(body);
    if (!parsed.success) {
      logger.warn('End focus click ignored: unexpected payload');
      return;
    }
    await setFocus(deps, parsed.data.user.id, 'off');
  };
}
