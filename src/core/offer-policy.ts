import type { MessageKind } from './help-request.js';

/** What became of a ticket offer: still open, turned into a ticket, dismissed, or left alone past the cooldown. */
export type OfferOutcome = 'pending' | 'ticket_filed' | 'not_a_request' | 'ignored';

/** The facts about earlier offers that the policy needs. */
export interface OfferHistory {
  /** The latest offer to this person in this conversation, if any. */
  lastInConversation?: { createdAt: Date; outcome: OfferOutcome; resolvedAt?: Date | null | undefined } | undefined;
  /** When this person last pressed "Not a request", in any conversation. */
  lastDismissedAt?: Date | undefined;
}

export type OfferDecision =
  | { offer: true; reason: string }
  | { offer: false; reason: 'social' | 'muted' | 'cooldown' };

const MINUTE = 60_000;

/**
 * Decides whether to answer a message with a ticket offer.
 * Small talk gets none; "Not a request" mutes the person for the cooldown; one offer per conversation per cooldown,
 * unless the earlier offer became a ticket and this is a new ask written after that.
 */
export function decideOffer(input: {
  now: Date;
  cooldownMinutes: number;
  kind: MessageKind;
  history: OfferHistory;
}): OfferDecision {
  const { now, cooldownMinutes, kind, history } = input;
  if (kind === 'social') return { offer: false, reason: 'social' };
  const cooldownStart = now.getTime() - cooldownMinutes * MINUTE;
  if (history.lastDismissedAt && history.lastDismissedAt.getTime() > cooldownStart) {
    return { offer: false, reason: 'muted' };
  }
  const last = history.lastInConversation;
  if (!last || last.createdAt.getTime() <= cooldownStart) return { offer: true, reason: 'no recent offer' };
  if (last.outcome === 'ticket_filed' && last.resolvedAt && last.resolvedAt.getTime() <= now.getTime()) {
    return { offer: true, reason: 'new ask after the last offer became a ticket' };
  }
  return { offer: false, reason: 'cooldown' };
}
