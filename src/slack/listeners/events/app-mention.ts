import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { Deps } from '../../../app/deps.js';
import { replyToHelpRequest } from '../../../app/reply-to-help-request.js';
import { slackChannelId, slackTs, slackUserId } from '../../slack-ids.js';
import { isFromPerson } from './direct-message.js';

// https://docs.slack.dev/reference/events/app_mention
const appMention = z.object({
  channel: slackChannelId,
  user: slackUserId.optional(),
  text: z.string().default(''),
  ts: slackTs,
  thread_ts: slackTs.optional(),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
  edited: z.unknown().optional(),
});

/** An @mention of the bot in a channel: offer a ticket, only to the person who wrote it. */
export function handleAppMention(deps: Deps) {
  return async ({ event, context, logger }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    const parsed = appMention.safeParse(event);
    if (!parsed.success) {
      logger.warn(`app_mention ignored: unexpected shape (${parsed.error.issues.map((i) => i.path.join('.')).join(', ')})`);
      return;
    }
    const m = parsed.data;
    if (!isFromPerson(m) || m.edited !== undefined || !m.user) return;
    // The bot's own name is how the message reached us, not part of the ask.
    const text = context.botUserId ? m.text.split(`<@${context.botUserId}>`).join(' ').trim() : m.text;
    await replyToHelpRequest(deps, {
      userId: m.user,
      channelId: m.channel,
      ts: m.ts,
      threadTs: m.thread_ts,
      text,
      source: 'mention',
    });
  };
}
