import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { Deps } from '../../../app/deps.js';
import { showHome } from '../../../app/show-home.js';
import { slackUserId } from '../../slack-ids.js';

const click = z.object({
  user: z.object({ id: slackUserId }),
  actions: z.array(z.object({ value: z.string().regex(/^\d{1,5}$/) })).min(1),
});

/** Previous / Next under the helpers' queue on the App Home: publishes the page the button names. */
export function handleHomePage(deps: Deps) {
  return async ({ ack, body, logger }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const parsed = click.safeParse(body);
    if (!parsed.success) {
      logger.warn('Home paging click ignored: unexpected payload');
      return;
    }
    await showHome(deps, parsed.data.user.id, Number(parsed.data.actions[0]!.value));
  };
}
