import { describe, expect, it } from 'vitest';
import { decideOffer, type OfferDecision, type OfferHistory } from '../../src/core/offer-policy.js';
import type { MessageKind } from '../../src/core/help-request.js';

const NOW = new Date('2026-03-10T12:00:00.000Z');
const COOLDOWN = 240; // minutes

/** A moment `minutes` before NOW (negative: after NOW). */
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

type Case = [name: string, kind: MessageKind, history: OfferHistory, expected: OfferDecision];

describe('decideOffer', () => {
  it.each<Case>([
    ['small talk gets no offer, even with no history', 'social', {}, { offer: false, reason: 'social' }],
    [
      'small talk gets no offer even when an offer would otherwise be due',
      'social',
      { lastInConversation: { createdAt: ago(10_000), outcome: 'ignored' } },
      { offer: false, reason: 'social' },
    ],
    ['a first ask gets an offer', 'ask', {}, { offer: true, reason: 'no recent offer' }],

    // "Not a request" mutes the person for the cooldown, in any conversation
    ['dismissed a minute ago: muted', 'ask', { lastDismissedAt: ago(1) }, { offer: false, reason: 'muted' }],
    ['dismissed 239 minutes ago: still muted', 'ask', { lastDismissedAt: ago(239) }, { offer: false, reason: 'muted' }],
    ['dismissed exactly one cooldown ago: no longer muted', 'ask', { lastDismissedAt: ago(240) }, { offer: true, reason: 'no recent offer' }],
    ['dismissed 241 minutes ago: no longer muted', 'ask', { lastDismissedAt: ago(241) }, { offer: true, reason: 'no recent offer' }],
    [
      'muted wins over a ticket filed in this conversation',
      'ask',
      { lastDismissedAt: ago(5), lastInConversation: { createdAt: ago(60), outcome: 'ticket_filed', resolvedAt: ago(50) } },
      { offer: false, reason: 'muted' },
    ],

    // one offer per conversation per cooldown
    [
      'pending offer 10 minutes ago: cooldown',
      'ask',
      { lastInConversation: { createdAt: ago(10), outcome: 'pending' } },
      { offer: false, reason: 'cooldown' },
    ],
    [
      'ignored offer 239 minutes ago: cooldown',
      'ask',
      { lastInConversation: { createdAt: ago(239), outcome: 'ignored' } },
      { offer: false, reason: 'cooldown' },
    ],
    [
      'offer exactly one cooldown ago: offer again',
      'ask',
      { lastInConversation: { createdAt: ago(240), outcome: 'pending' } },
      { offer: true, reason: 'no recent offer' },
    ],
    [
      'offer 5 hours ago: offer again',
      'ask',
      { lastInConversation: { createdAt: ago(300), outcome: 'ignored' } },
      { offer: true, reason: 'no recent offer' },
    ],
    [
      'offer dismissed in this conversation long ago: offer again',
      'ask',
      { lastDismissedAt: ago(500), lastInConversation: { createdAt: ago(501), outcome: 'not_a_request', resolvedAt: ago(500) } },
      { offer: true, reason: 'no recent offer' },
    ],

    // re-offer once the last offer became a ticket
    [
      'last offer became a ticket 5 minutes ago: a new ask gets an offer',
      'ask',
      { lastInConversation: { createdAt: ago(30), outcome: 'ticket_filed', resolvedAt: ago(5) } },
      { offer: true, reason: 'new ask after the last offer became a ticket' },
    ],
    [
      'last offer became a ticket this very moment: a new ask gets an offer',
      'ask',
      { lastInConversation: { createdAt: ago(30), outcome: 'ticket_filed', resolvedAt: NOW } },
      { offer: true, reason: 'new ask after the last offer became a ticket' },
    ],
    [
      'ticket filed but with no resolution time: cooldown',
      'ask',
      { lastInConversation: { createdAt: ago(30), outcome: 'ticket_filed', resolvedAt: null } },
      { offer: false, reason: 'cooldown' },
    ],
    [
      'ticket filed after this message was written: cooldown',
      'ask',
      { lastInConversation: { createdAt: ago(30), outcome: 'ticket_filed', resolvedAt: ago(-1) } },
      { offer: false, reason: 'cooldown' },
    ],
  ])('%s', (_name, kind, history, expected) => {
    expect(decideOffer({ now: NOW, cooldownMinutes: COOLDOWN, kind, history })).toEqual(expected);
  });

  it.each<[cooldownMinutes: number, history: OfferHistory, expected: OfferDecision]>([
    [0, { lastDismissedAt: NOW }, { offer: true, reason: 'no recent offer' }],
    [0, { lastInConversation: { createdAt: NOW, outcome: 'pending' } }, { offer: true, reason: 'no recent offer' }],
    [60, { lastDismissedAt: ago(59) }, { offer: false, reason: 'muted' }],
    [60, { lastDismissedAt: ago(61) }, { offer: true, reason: 'no recent offer' }],
    [60 * 24, { lastInConversation: { createdAt: ago(60 * 23), outcome: 'ignored' } }, { offer: false, reason: 'cooldown' }],
  ])('cooldown of %i minutes with %j', (cooldownMinutes, history, expected) => {
    expect(decideOffer({ now: NOW, cooldownMinutes, kind: 'ask', history })).toEqual(expected);
  });
});
