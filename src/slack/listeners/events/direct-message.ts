import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { Deps } from '../../../app/deps.js';
import { guardInbox } from '../../../app/inbox-guard.js';
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
  app_id: z.string().optional(),
});

/** The installation an event was delivered for: the bot, or a person's user token (the inbox guard). */
function deliveredFor(body: unknown): { userId: string | undefined; isBot: boolean } {
  const first = (body as { authorizations?: { user_id?: unknown; is_bot?: unknown }[] }).authorizations?.[0];
  return { userId: typeof first?.user_id === 'string' ? first.user_id : undefined, isBot: first?.is_bot !== false };
}

/**
 * True when a message event is a person writing something new. Bots (our own messages included), edits,
 * deletions, joins and other subtypes are not; a message with a file attached (`file_share`) is, since
 * "can you fix this?" often comes with a screenshot.
 */
export function isFromPerson(e: { user?: string | undefined; subtype?: string | undefined; bot_id?: string | undefined }): boolean {
  return e.user !== undefined && e.bot_id === undefined && (e.subtype === undefined || e.subtype === 'file_share');
}

/**
 * A message event: a DM to the bot gets the ticket offer (or nothing, for small talk); a message in a helper's own
 * inbox, delivered through their user token, goes to the inbox guard. Channel messages only reach the app through
 * that token: they are dropped here unless the inbox guard is on, without a log line.
 */
export function handleDirectMessage(deps: Deps) {
  return async ({ event, body, logger }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    const parsed = directMessage.safeParse(event);
    if (!parsed.success) {
      logger.warn(`message event ignored: unexpected shape (${parsed.error.issues.map((i) => i.path.join('.')).join(', ')})`);
      return;
    }
    const m = parsed.data;
    const delivery = deliveredFor(body);
    const inInbox =
      deps.inbox !== undefined &&
      (m.channel_type !== 'im' || (!delivery.isBot && delivery.userId === deps.inbox.ownerId && m.channel !== deps.inbox.botDmChannel));
    if (inInbox) {
      await guardInbox(deps, {
        senderId: m.user,
        channelId: m.channel,
        channelType: m.channel_type,
        ts: m.ts,
        threadTs: m.thread_ts,
        text: m.text,
        subtype: m.subtype,
        botId: m.bot_id,
        appId: m.app_id,
      });
      return;
    }
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
