import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { Deps } from '../../../app/deps.js';
import { showHome } from '../../../app/show-home.js';
import { slackUserId } from '../../slack-ids.js';

// Only what we use. https://docs.slack.dev/reference/events/app_home_opened
const appHomeOpened = z.object({ user: slackUserId, tab: z.string() });

/** A person opened the bot's Home tab: publish it fresh (the Messages tab needs nothing). */
export function handleAppHomeOpened(deps: Deps) {
  return async ({ event, logger }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    const parsed = appHomeOpened.safeParse(event);
    if (!parsed.success) {
      logger.warn(`app_home_opened ignored: unexpected shape (${parsed.error.issues.map((i) => i.path.join('.')).join(', ')})`);
      return;
    }
    if (parsed.data.tab !== 'home') return;
    await showHome(deps, parsed.data.user);
  };
}
