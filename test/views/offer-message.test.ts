import type { ActionsBlock, Button } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/slack/ids.js';
import {
  buildAlreadyFiledMessage,
  buildNotYourOfferMessage,
  buildOfferDismissedMessage,
  buildOfferFiledMessage,
  buildOfferMessage,
} from '../../src/slack/views/offer-message.js';
import type { SlackMessage } from '../../src/slack/views/blocks.js';
import { walkBlocks } from './walk-blocks.js';

const EXPLANATION = 'Tickets let the team plan the week';

function buttonsOf(message: SlackMessage): Button[] {
  const actions = message.blocks.filter((b): b is ActionsBlock => b.type === 'actions');
  expect(actions).toHaveLength(1);
  return actions[0]!.elements as Button[];
}

function allText(message: SlackMessage): string {
  return walkBlocks(message).strings.map((s) => s.text).join('\n');
}

describe.each(['requester', 'helper'] as const)('buildOfferMessage for the %s', (audience) => {
  const message = buildOfferMessage({ offerId: 4711, audience, locale: 'en' });

  it('has a primary "Create ticket" button then a "Not a request" button, both carrying the offer id', () => {
    const [create, dismiss, ...rest] = buttonsOf(message);
    expect(rest).toEqual([]);
    expect(create).toMatchObject({
      type: 'button',
      action_id: ACTION_IDS.createTicketFromOffer,
      text: { type: 'plain_text', text: 'Create ticket' },
      value: '4711',
      style: 'primary',
    });
    expect(dismiss).toMatchObject({
      type: 'button',
      action_id: ACTION_IDS.notARequest,
      text: { type: 'plain_text', text: 'Not a request' },
      value: '4711',
    });
    expect(dismiss?.style).toBeUndefined();
  });

  it('has a notification text and only verbatim mrkdwn', () => {
    expect(message.text.length).toBeGreaterThan(0);
    const { mrkdwn } = walkBlocks(message.blocks);
    expect(mrkdwn.length).toBeGreaterThan(0);
    for (const m of mrkdwn) expect(m.verbatim, m.path).toBe(true);
  });
});

describe('buildOfferMessage: the explanation', () => {
  it('the requester gets the explanation of why tickets', () => {
    const message = buildOfferMessage({ offerId: 1, audience: 'requester', locale: 'en' });
    expect(allText(message)).toContain(EXPLANATION);
    expect(message.text).toContain("Happy to help once there's a ticket");
  });

  it('a helper gets the same buttons without the sermon', () => {
    const helper = buildOfferMessage({ offerId: 1, audience: 'helper', locale: 'en' });
    const requester = buildOfferMessage({ offerId: 1, audience: 'requester', locale: 'en' });
    expect(allText(helper)).not.toContain(EXPLANATION);
    expect(allText(helper)).not.toContain("Happy to help once there's a ticket");
    expect(helper.blocks.map((b) => b.type)).toEqual(['section', 'actions']);
    expect(buttonsOf(helper)).toEqual(buttonsOf(requester));
  });

  it('uses a different offer id per offer', () => {
    const values = buttonsOf(buildOfferMessage({ offerId: 2, audience: 'requester', locale: 'en' })).map((b) => b.value);
    expect(values).toEqual(['2', '2']);
  });
});

describe('offer follow-up messages', () => {
  it.each([
    ['filed', buildOfferFiledMessage(12, 'en'), '#12'],
    ['already filed', buildAlreadyFiledMessage(34, 'en'), '#34'],
    ['dismissed', buildOfferDismissedMessage('en'), 'no ticket needed'],
    ['not yours', buildNotYourOfferMessage('en'), '/request'],
  ])('%s has text and blocks without buttons', (_name, message, needle) => {
    expect(message.text).toContain(needle);
    expect(message.blocks.length).toBeGreaterThan(0);
    expect(allText({ text: '', blocks: message.blocks })).toContain(needle);
    expect(message.blocks.some((b) => b.type === 'actions')).toBe(false);
  });
});
