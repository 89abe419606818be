/** A message seen in a helper's inbox (a DM to them, or a channel message that may mention them). */
export interface InboxMessage {
  ownerId: string;
  senderId: string | undefined;
  channelType: string;
  text: string;
  subtype?: string | undefined;
  botId?: string | undefined;
  appId?: string | undefined;
}

export type InboxVerdict =
  | { answer: true }
  | {
      answer: false;
      reason: 'own message' | 'from an app or bot' | 'edit or other subtype' | 'on the skip list' | 'group DM' | 'mentions not watched' | 'no mention of the helper';
    };

/** True when the text @mentions this person (`<@U123>` or `<@U123|name>`). */
export function mentions(text: string, userId: string): boolean {
  return text.includes(`<@${userId}>`) || text.includes(`<@${userId}|`);
}

/**
 * Whether a channel message (not a DM) may concern the inbox guard at all: only when mentions are watched and it
 * mentions the helper. Everything else is dropped before it is stored or logged in any way.
 */
export function channelMessageConcernsHelper(text: string, options: { ownerId: string | undefined; watchMentions: boolean }): boolean {
  return options.ownerId !== undefined && options.watchMentions && mentions(text, options.ownerId);
}

/**
 * Whether the inbox guard may answer a message at all (before asking if it is a request): never the helper's own
 * messages, nothing posted by an app (our own automatic replies included) or a bot, no edits or joins, nobody on the
 * skip list, no group DMs, and in channels only mentions of the helper, only when mentions are watched.
 */
export function inboxRule(m: InboxMessage, options: { skipUserIds: readonly string[]; watchMentions: boolean }): InboxVerdict {
  if (!m.senderId || m.senderId === m.ownerId) return { answer: false, reason: 'own message' };
  if (m.botId !== undefined || m.appId !== undefined) return { answer: false, reason: 'from an app or bot' };
  if (m.subtype !== undefined && m.subtype !== 'file_share') return { answer: false, reason: 'edit or other subtype' };
  if (options.skipUserIds.includes(m.senderId)) return { answer: false, reason: 'on the skip list' };
  if (m.channelType === 'mpim') return { answer: false, reason: 'group DM' };
  if (m.channelType !== 'im') {
    if (!options.watchMentions) return { answer: false, reason: 'mentions not watched' };
    if (!mentions(m.text, m.ownerId)) return { answer: false, reason: 'no mention of the helper' };
  }
  return { answer: true };
}
