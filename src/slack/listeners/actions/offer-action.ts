import { z } from 'zod';
import type { MessageRef } from '../../../app/outbox.js';
import { slackChannelId, slackTs, slackUserId } from '../../slack-ids.js';

// The parts of a block_actions payload an offer button needs. https://docs.slack.dev/reference/interaction-payloads/block_actions-payload
const offerClick = z.object({
  user: z.object({ id: slackUserId }),
  trigger_id: z.string().min(1),
  response_url: z.url().optional(),
  container: z.object({
    message_ts: slackTs,
    channel_id: slackChannelId,
    is_ephemeral: z.boolean().optional(),
  }),
  actions: z.array(z.object({ value: z.string().regex(/^\d{1,12}$/) })).min(1),
});

/** An offer button click, read from the payload. */
export interface OfferClick {
  userId: string;
  triggerId: string;
  offerId: number;
  offerMessage: MessageRef;
}

/** Reads an offer button click; undefined when the payload is not one we produced. */
export function parseOfferClick(body: unknown): OfferClick | undefined {
  const parsed = offerClick.safeParse(body);
  if (!parsed.success) return undefined;
  const { user, trigger_id, response_url, container, actions } = parsed.data;
  // Ephemeral messages (offers to @mentions) can only be replaced through their response_url.
  const offerMessage: MessageRef | undefined = container.is_ephemeral
    ? response_url
      ? { kind: 'ephemeral', channel: container.channel_id, responseUrl: response_url }
      : undefined
    : { kind: 'message', channel: container.channel_id, ts: container.message_ts };
  if (!offerMessage) return undefined;
  return { userId: user.id, triggerId: trigger_id, offerId: Number(actions[0]?.value), offerMessage };
}
