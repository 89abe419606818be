import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { Deps } from '../../../app/deps.js';
import { fileTicketFromReaction } from '../../../app/file-ticket-from-reaction.js';
import { slackChannelId, slackTs, slackUserId } from '../../slack-ids.js';

/** The emoji that files a message as a ticket: :ticket:. */
export const TICKET_REACTION = 'ticket';

// https://docs.slack.dev/reference/events/reaction_added
const reactionAdded = z.object({
  user: slackUserId,
  reaction: z.string(),
  item: z.object({ type: z.string(), channel: slackChannelId.optional(), ts: slackTs.optional() }),
});

/**
 * A reaction: a helper's :ticket: on a message files it as a ticket for its author. Every other reaction, and
 * reactions by anyone but a helper (bots included), are ignored without a word.
 */
export function handleReactionAdded(deps: Deps) {
  return async ({ event, context, logger }: SlackEventMiddlewareArgs<'reaction_added'> & AllMiddlewareArgs): Promise<void> => {
    // Most reactions are not ours to handle; look at the name before anything else.
    if ((event as { reaction?: unknown }).reaction !== TICKET_REACTION) return;
    const parsed = reactionAdded.safeParse(event);
    if (!parsed.success) {
      logger.warn(`reaction_added ignored: unexpected shape (${parsed.error.issues.map((i) => i.path.join('.')).join(', ')})`);
      return;
    }
    const { user, item } = parsed.data;
    if (item.type !== 'message' || !item.channel || !item.ts) return;
    // Our own ✅ (and any bot's reaction) is not a helper's request; the use case checks the helper list.
    if (user === context.botUserId) return;
    await fileTicketFromReaction(deps, { reactorId: user, channel: item.channel, ts: item.ts });
  };
}
