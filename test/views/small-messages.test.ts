import { describe, expect, it } from 'vitest';
import type { OpenFormOutcome } from '../../src/app/open-ticket-form.js';
import type { SlackMessage } from '../../src/slack/views/blocks.js';
import { buildFormFailureMessage } from '../../src/slack/views/form-failure.js';
import { buildRequestHelp } from '../../src/slack/views/request-help.js';
import { walkBlocks } from './walk-blocks.js';

function expectTextAndBlocks(message: SlackMessage): string {
  expect(message.text.trim().length).toBeGreaterThan(0);
  expect(message.blocks.length).toBeGreaterThan(0);
  const { mrkdwn } = walkBlocks(message.blocks);
  expect(mrkdwn.length).toBeGreaterThan(0);
  for (const m of mrkdwn) expect(m.verbatim, m.path).toBe(true);
  return mrkdwn.map((m) => m.text).join('\n');
}

describe('buildRequestHelp', () => {
  it('returns text and blocks explaining /request', () => {
    const message = buildRequestHelp('en');
    const text = expectTextAndBlocks(message);
    expect(message.text).toBe('How to ask for help with Request Desk');
    expect(text).toContain('`/request` opens the ticket form');
    expect(text).toContain('*Create ticket*');
  });
});

describe('buildFormFailureMessage', () => {
  it.each<[Exclude<OpenFormOutcome, { ok: true }>, string]>([
    [{ ok: false, reason: 'already_filed', ticketNumber: 42 }, 'already ticket #42'],
    [{ ok: false, reason: 'not_yours' }, "someone else's message"],
    [{ ok: false, reason: 'not_found' }, "can't find that message"],
    [{ ok: false, reason: 'slack_error' }, "didn't open the form in time"],
  ])('explains %j', (outcome, needle) => {
    const message = buildFormFailureMessage(outcome, 'en');
    const text = expectTextAndBlocks(message);
    expect(message.text).toContain(needle);
    expect(text).toContain(needle);
    // Every failure tells the person how to go on.
    expect(message.text).toContain('/request');
  });
});
