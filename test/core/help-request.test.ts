import { describe, expect, it } from 'vitest';
import { classifyMessage } from '../../src/core/help-request.js';

describe('classifyMessage', () => {
  it.each([
    // thanks and acknowledgements
    'thanks!',
    'ok',
    'ok cool',
    'thank you so much',
    'Thanks a lot, have a great weekend!',
    'no worries',
    'got it',
    'will do',
    'sounds good',
    // greetings
    'hi',
    'Hi there!',
    'good morning team',
    // German
    'danke dir',
    'alles klar',
    'vielen Dank!',
    'passt, super',
    // emoji and punctuation only
    '👍',
    ':+1:',
    ':thumbsup: :tada:',
    '🙏🏽',
    '!!!',
    '',
    '   ',
    // mentions say nothing about the ask
    '<@U123> thanks!',
    '<@U123|anna> danke dir :pray:',
  ])('%j is social', (text) => {
    expect(classifyMessage(text).kind).toBe('social');
  });

  it.each([
    'can you fix the banner on the pricing page?',
    'hi, could you make a logo',
    'need a new laptop',
    '<@U123> pls update the website',
    'lunch?',
    'thanks! also, can you update the footer?',
    'Hallo, kannst du das Logo tauschen?',
    ':pray: the login page is broken',
    'please check <https://acme.com/pricing|the pricing page>',
  ])('%j is an ask', (text) => {
    expect(classifyMessage(text).kind).toBe('ask');
  });

  it.each([
    ['can you fix the banner on the pricing page?', 'contains "can fix the"'],
    ['lunch?', 'contains "lunch"'],
    ['<@U123> pls update the website', 'contains "pls update the"'],
  ])('explains an ask by the words that made it one: %j', (text, reason) => {
    expect(classifyMessage(text)).toEqual({ kind: 'ask', reason });
  });

  it.each([
    ['👍', 'no words (emoji or punctuation only)'],
    [':+1:', 'no words (emoji or punctuation only)'],
    ['thanks!', 'greeting, thanks or acknowledgement'],
  ])('explains small talk: %j', (text, reason) => {
    expect(classifyMessage(text)).toEqual({ kind: 'social', reason });
  });
});
