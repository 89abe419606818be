import type { AllMiddlewareArgs, BlockStaticSelectAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { Deps } from '../../../app/deps.js';
import { setFocus } from '../../../app/set-focus.js';
import { FOCUS_CHOICES } from '../../../core/focus.js';
import { slackUserId } from '../../slack-ids.js';

// Only what we use: who picked, and which length (a choice name, never a time the client could pick).
const pick = z.object({
  user: z.object({ id: slackUserId }),
  actions: z.array(z.object({ selected_option: z.object({ value: z.enum(FOCUS_CHOICES) }) })).min(1),
});

/** "Focus until…" on a helper's Home: switches Focus mode on for the length picked. */
export function handleFocusStart(deps: Deps) {
  return async ({ ack, body, logger }: SlackActionMiddlewareArgs<BlockStaticSelectAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const parsed = pick.safeParse(body);
    if (!parsed.success) {
      logger.warn('Focus mode pick ignored: unexpected payload');
      return;
    }
    await setFocus(deps, parsed.data.user.id, parsed.data.actions[0]!.selected_option.value);
  };
}
