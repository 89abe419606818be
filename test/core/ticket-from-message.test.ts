import { describe, expect, it } from 'vitest';
import { draftFromMessage, requesterOfMessage } from '../../src/core/ticket-from-message.js';

const DEFAULTS = { categories: ['Website', 'Design', 'Other'], teams: ['Sales', 'Product', 'Other'] };

describe('draftFromMessage', () => {
  it('takes the title and details from the message, with normal urgency and no due date', () => {
    expect(draftFromMessage('Hi Anna! Can you fix the banner? It says 2025 &amp; looks old.', DEFAULTS)).toEqual({
      title: 'Can you fix the banner?',
      details: 'Hi Anna! Can you fix the banner? It says 2025 & looks old.',
      category: 'Other',
      team: 'Other',
      dueDate: null,
      urgency: 'normal',
    });
  });

  it('titles an empty message (a file without text) "New request"', () => {
    expect(draftFromMessage('', DEFAULTS)).toMatchObject({ title: 'New request', details: '' });
  });

  it.each([
    ['the remembered team', { ...DEFAULTS, rememberedTeam: 'Sales' }, 'Other', 'Sales'],
    ['"Other" when the remembered team is no longer offered', { ...DEFAULTS, rememberedTeam: 'Pirates' }, 'Other', 'Other'],
    ['the last options when the desk has no "Other"', { categories: ['Website', 'Design'], teams: ['Sales', 'Product'] }, 'Design', 'Product'],
  ])('picks %s', (_label, options, category, team) => {
    expect(draftFromMessage('please update the deck', options)).toMatchObject({ category, team });
  });
});

describe('requesterOfMessage', () => {
  it.each([
    ['a helper filing someone else\'s message files it for the author', 'UHELPER', 'UALICE', 'UALICE'],
    ['a helper filing their own message files it for themselves', 'UHELPER', 'UHELPER', 'UHELPER'],
    ['a helper filing an app\'s message files it for themselves', 'UHELPER', undefined, 'UHELPER'],
    ['anyone else files it for themselves', 'UBOB', 'UALICE', 'UBOB'],
  ])('%s', (_label, filer, author, expected) => {
    expect(requesterOfMessage(filer, author, ['UHELPER'])).toBe(expected);
  });
});
