import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Deps } from '../../app/deps.js';
import { channelMessageConcernsHelper } from '../../core/inbox-rules.js';

type Body = { type?: unknown; event?: { type?: unknown; channel_type?: unknown; text?: unknown } };

/**
 * Global middleware, first in line: a message in a channel or private channel only reaches the app through the
 * helper's user token (message.channels / message.groups). Unless it mentions the helper and mentions are watched,
 * it stops here, acknowledged — before de-duplication stores its event ID and before anything logs it.
 */
export function dropUnwatchedMessages(deps: Pick<Deps, 'config' | 'inbox'>): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const event = (body as Body).type === 'event_callback' ? (body as Body).event : undefined;
    if (event?.type === 'message' && (event.channel_type === 'channel' || event.channel_type === 'group')) {
      const text = typeof event.text === 'string' ? event.text : '';
      if (!channelMessageConcernsHelper(text, { ownerId: deps.inbox?.ownerId, watchMentions: deps.config.inboxWatchMentions })) return;
    }
    await next();
  };
}
