import { findOffer, markOfferDismissed } from '../db/offer-repository.js';
import type { Locale } from '../i18n/locale.js';
import { buildOfferDismissedMessage } from '../slack/views/offer-message.js';
import type { Deps } from './deps.js';
import { enqueue, replaceOfferMessage, type MessageRef } from './outbox.js';

export type DismissOutcome =
  | { ok: true }
  | { ok: false; reason: 'not_found' | 'not_yours' }
  | { ok: false; reason: 'already_filed'; ticketNumber: number };

/**
 * "Not a request": thanks the person (in their `locale`), forgets their message, and mutes offers to them for the
 * cooldown.
 */
export async function dismissOffer(
  deps: Deps,
  input: { offerId: number; userId: string; offerMessage: MessageRef; locale: Locale },
): Promise<DismissOutcome> {
  const now = deps.clock.now();
  const outcome = await deps.db.transaction().execute(async (trx): Promise<DismissOutcome> => {
    const offer = await findOffer(trx, input.offerId);
    if (!offer) return { ok: false, reason: 'not_found' };
    if (offer.userId !== input.userId) return { ok: false, reason: 'not_yours' };
    if (offer.outcome === 'ticket_filed' && offer.ticketNumber !== null) {
      return { ok: false, reason: 'already_filed', ticketNumber: offer.ticketNumber };
    }
    if (offer.outcome !== 'not_a_request') await markOfferDismissed(trx, offer.id, now);
    await enqueue(trx, [replaceOfferMessage(offer, input.offerMessage, buildOfferDismissedMessage(input.locale))], now);
    return { ok: true };
  });
  if (outcome.ok) deps.outbox.kick();
  return outcome;
}
