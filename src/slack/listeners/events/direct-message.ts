import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { Deps } from '../../../app/deps.js';
import { replyToHelpRequest } from '../../../app/reply-to-help-request.js';
import { slackChannelId, slackTs, slackUserId } from '../../slack-ids.js';

// Only what we use; anything else in the event is ignored. https://docs.slack.dev/reference/events/message.im
const directMessage = z.object({
  channel: slackChannelId,
  channel_type: z.string(),
  user: slackUserId.optional(),
  text: z.string().default(''),
  ts: slackTs,
  thread_ts: slackTs.optional(),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
});

/**
 * True when a message event is a person writing something new. Bots (our own messages included), edits,
 * deletions, joins and other subtypes are not; a message with a file attached (`file_share`) is, since
 * "can you fix this?" often comes with a screenshot.
 */
export function isFromPerson(e: { user?: string | undefined; subtype?: string | undefined; bot_id?: string | undefined }): boolean {
  return e.user !== undefined && e.bot_id === undefined && (e.subtype === undefined || e.subtype === 'file_share');
}

/** A DM to the bot: offer a ticket (or stay quiet for small talk). */
export function handleDirectMessage(deps: Deps) {
  return async ({ event, logger }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    const parsed = directMessage.safeParse(event);
    if (!parsed.success) {
      logger.warn(`message event ignored: unexpected shape (${parsed.error.issues.map((i) => i.path.join('.')).join(', ')})`);
      return;
    }
    const m = parsed.data;
    if (m.channel_type !== 'im' || !isFromPerson(m) || !m.user) return;
    await replyToHelpRequest(deps, {
      userId: m.user,
      channelId: m.channel,
      ts: m.ts,
      threadTs: m.thread_ts,
      text: m.text,
      source: 'dm',
    });
  };
}
