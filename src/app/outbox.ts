import type { Db } from '../db/database.js';
import { findWaitingKeys, insertOutboxRows } from '../db/outbox-repository.js';
import type { Locale } from '../i18n/locale.js';
import type { MessageContent } from './slack-port.js';

/**
 * A message we can update later: a normal one by channel and ts (`asUser`: posted with the helper's user token, so
 * only that token may change it), an ephemeral one only through its response_url.
 */
export type MessageRef =
  | { kind: 'message'; channel: string; ts: string; asUser?: boolean | undefined }
  | { kind: 'ephemeral'; channel: string; responseUrl: string };

/** A message owed to someone, stored in the outbox until Slack has it. */
export type OutboxMessage =
  // `notice`: a note to the helpers about a failed message; if it fails too, it is only logged (no loop).
  // `asUser`: sent with the helper's user token (the inbox guard's automatic replies, in the helper's name).
  | ({ kind: 'post'; channel: string; threadTs?: string | undefined; notice?: boolean | undefined; asUser?: boolean | undefined } & MessageContent)
  | ({ kind: 'ephemeral'; channel: string; user: string; threadTs?: string | undefined; asUser?: boolean | undefined } & MessageContent)
  | ({ kind: 'replace'; target: MessageRef } & MessageContent)
  // Rendered from the ticket's current state when sent: posted the first time, updated in place after that.
  | { kind: 'triage_card'; ticketNumber: number; channel: string }
  // A person's App Home, rendered from the current state when sent (views.publish).
  | { kind: 'home'; userId: string; page?: number | undefined }
  // An emoji reaction by the bot on a message (reactions.add), e.g. ✅ on a message filed by :ticket:.
  | { kind: 'reaction'; channel: string; ts: string; name: string }
  // A digest, rendered when sent; its period was claimed in digest_runs when this was queued.
  | { kind: 'digest'; digest: 'daily' | 'weekly'; period: string; channel: string; scheduledFor: string }
  // The weekly digest's chart, uploaded after the digest message (same channel, so in order).
  | { kind: 'digest_chart'; period: string; channel: string; scheduledFor: string }
  // "It's urgent" from the inbox guard: a DM from the bot to the helper, linking the message (link fetched when sent).
  | { kind: 'urgent_alert'; helperId: string; requesterId: string; channel: string; ts: string; locale: Locale };

/** Messages with the same key are sent in the order they were written: one key per conversation. */
export function orderingKey(m: OutboxMessage): string {
  switch (m.kind) {
    case 'post':
    case 'ephemeral':
    case 'triage_card':
    case 'reaction':
      return m.channel;
    case 'replace':
      return m.target.channel;
    case 'home':
      return `home:${m.userId}`;
    case 'digest':
    case 'digest_chart':
      return m.channel;
    case 'urgent_alert':
      return m.helperId;
  }
}

/** Writes messages to the outbox; call inside the transaction that causes them. */
export async function enqueue(db: Db, messages: OutboxMessage[], at: Date): Promise<void> {
  await insertOutboxRows(
    db,
    messages.map((m) => ({ kind: m.kind, orderingKey: orderingKey(m), payload: JSON.stringify(m) })),
    at,
  );
}

/** A message that replaces the given one: `chat.update` for normal messages, the response_url for ephemeral ones. */
export function replaceMessage(target: MessageRef, content: MessageContent): OutboxMessage {
  return { kind: 'replace', target, ...content };
}

/** Replaces an offer's message: the inbox guard's offers were posted with the helper's token, which must change them. */
export function replaceOfferMessage(offer: { via: 'bot' | 'inbox' }, target: MessageRef, content: MessageContent): OutboxMessage {
  return replaceMessage(target.kind === 'message' && offer.via === 'inbox' ? { ...target, asUser: true } : target, content);
}

/**
 * Queues a refresh of these people's App Home (deduplicated: a refresh already waiting renders the latest state
 * anyway when it is sent). Call inside the transaction that changed what their Home shows.
 */
export async function refreshHomes(db: Db, userIds: readonly string[], at: Date): Promise<void> {
  const wanted = [...new Set(userIds)].map((userId): OutboxMessage => ({ kind: 'home', userId }));
  const waiting = await findWaitingKeys(db, 'home', wanted.map(orderingKey));
  await enqueue(db, wanted.filter((m) => !waiting.has(orderingKey(m))), at);
}
