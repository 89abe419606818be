import { z } from 'zod';
import type { MessageRef } from '../app/outbox.js';
import { slackChannelId, slackTs, slackUserId } from './slack-ids.js';
import { LIMITS } from './views/blocks.js';

const messageRef: z.ZodType<MessageRef> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('message'), channel: z.string(), ts: z.string() }),
  z.object({ kind: z.literal('ephemeral'), channel: z.string(), responseUrl: z.url() }),
]);

const formMetadata = z.object({
  v: z.literal(1),
  source: z.enum(['dm', 'mention', 'command', 'shortcut']),
  offerId: z.number().int().positive().optional(),
  offerMessage: messageRef.optional(),
  // The message shortcut: the message the ticket is made from, and who wrote it (a person, when known).
  message: z.object({ channel: slackChannelId, ts: slackTs }).optional(),
  authorId: slackUserId.optional(),
});

/** What the ticket form carries from the click or command that opened it to its submission. */
export type FormMetadata = z.infer<typeof formMetadata>;

/** Encodes form metadata for `private_metadata`, which holds at most 3,000 characters. */
export function encodeFormMetadata(metadata: Omit<FormMetadata, 'v'>): string {
  const text = JSON.stringify({ v: 1, ...metadata });
  if (text.length > LIMITS.privateMetadata) throw new Error(`private_metadata too long (${text.length} characters)`);
  return text;
}

/** Decodes `private_metadata`; anything malformed or forged reads as a plain `/request` form. */
export function decodeFormMetadata(text: string | undefined): FormMetadata {
  try {
    const parsed = formMetadata.safeParse(JSON.parse(text ?? ''));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through
  }
  return { v: 1, source: 'command' };
}
