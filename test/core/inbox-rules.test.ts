import { describe, expect, it } from 'vitest';
import { channelMessageConcernsHelper, inboxRule, mentions, type InboxMessage } from '../../src/core/inbox-rules.js';

const OWNER = 'UHELPER';
const base: InboxMessage = { ownerId: OWNER, senderId: 'UALICE', channelType: 'im', text: 'could you make a banner?' };
const options = { skipUserIds: ['UBOSS'], watchMentions: true };

describe('inboxRule', () => {
  it.each([
    ['a colleague in a DM', {}, { answer: true }],
    ['a file shared in a DM', { subtype: 'file_share' }, { answer: true }],
    ['the helper themself', { senderId: OWNER }, { answer: false, reason: 'own message' }],
    ['no sender', { senderId: undefined }, { answer: false, reason: 'own message' }],
    ['our app, posting as the helper', { senderId: OWNER, appId: 'A0APP' }, { answer: false, reason: 'own message' }],
    ['an app posting as someone else', { appId: 'A0OTHER' }, { answer: false, reason: 'from an app or bot' }],
    ['a bot', { botId: 'B1' }, { answer: false, reason: 'from an app or bot' }],
    ['an edit', { subtype: 'message_changed' }, { answer: false, reason: 'edit or other subtype' }],
    ['the boss', { senderId: 'UBOSS' }, { answer: false, reason: 'on the skip list' }],
    ['a group DM', { channelType: 'mpim' }, { answer: false, reason: 'group DM' }],
    ['a channel message mentioning the helper', { channelType: 'channel', text: `<@${OWNER}> could you…` }, { answer: true }],
    ['a mention with a label', { channelType: 'group', text: `<@${OWNER}|mia> could you…` }, { answer: true }],
    ['a channel message without the mention', { channelType: 'channel' }, { answer: false, reason: 'no mention of the helper' }],
    ['a mention of someone whose ID starts alike', { channelType: 'channel', text: `<@${OWNER}2> could you…` }, { answer: false, reason: 'no mention of the helper' }],
  ] as const)('%s', (_label, change, verdict) => {
    expect(inboxRule({ ...base, ...change }, options)).toEqual(verdict);
  });

  it('leaves channel messages alone when mentions are not watched', () => {
    expect(inboxRule({ ...base, channelType: 'channel', text: `<@${OWNER}> hi` }, { ...options, watchMentions: false })).toEqual({
      answer: false,
      reason: 'mentions not watched',
    });
  });
});

describe('channelMessageConcernsHelper', () => {
  it.each([
    [`<@${OWNER}> can you…`, OWNER, true, true],
    [`<@${OWNER}> can you…`, OWNER, false, false],
    [`<@${OWNER}> can you…`, undefined, true, false],
    ['can you…', OWNER, true, false],
  ] as const)('%s (owner %s, watched %s) → %s', (text, ownerId, watchMentions, expected) => {
    expect(channelMessageConcernsHelper(text, { ownerId, watchMentions })).toBe(expected);
  });

  it('matches whole mentions only', () => {
    expect(mentions('<@U1> hi', 'U1')).toBe(true);
    expect(mentions('<@U12> hi', 'U1')).toBe(false);
  });
});
