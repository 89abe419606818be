import { describe, expect, it } from 'vitest';
import {
  DETAILS_MAX,
  TITLE_MAX,
  deriveDetails,
  deriveTitle,
  truncate,
  validateTicketDraft,
  type DraftInput,
  type DraftValidation,
} from '../../src/core/ticket.js';

describe('truncate', () => {
  it.each([
    ['short', 10, 'short'],
    ['exactly10!', 10, 'exactly10!'],
    ['', 5, ''],
    // no space late enough in the cut: cut mid-word
    ['hello wonderful world', 10, 'hello won…'],
    ['abcdefghijklmnop', 10, 'abcdefghi…'],
    // a space late in the cut: cut at the word boundary
    ['abcdefgh ijklmnop', 10, 'abcdefgh…'],
    ['one two three four five six seven', 20, 'one two three four…'],
  ])('truncate(%j, %i) → %j', (text, max, expected) => {
    const out = truncate(text, max);
    expect(out).toBe(expected);
    expect(out.length).toBeLessThanOrEqual(max);
  });
});

const LONG_SENTENCE = 'please update the pricing page copy '.repeat(9).trim() + ' today'; // 329 characters, no sentence break

describe('deriveTitle', () => {
  it.each([
    // first real sentence, capitalised
    ["can you fix the banner on the pricing page? it's broken since Monday", 'Can you fix the banner on the pricing page?'],
    ['need a new laptop', 'Need a new laptop'],
    ['the website is down!\nplease help', 'The website is down!'],
    // greetings skipped
    ['Hi Anna! Could you update the pricing page.', 'Could you update the pricing page.'],
    ['hi, could you make a logo', 'Could you make a logo'],
    ['Good morning team! Quick question: can we update the logo?', 'Quick question: can we update the logo?'],
    ['Hallo Anna, kannst du das Logo tauschen?', 'Kannst du das Logo tauschen?'],
    // small talk before the ask is skipped
    ['Thanks! Can you also resize the hero image?', 'Can you also resize the hero image?'],
    // mentions removed
    ['<@UBOT> please make a flyer', 'Please make a flyer'],
    ['<@UBOT|requestdesk> please make a flyer for <@U0ANNA>', 'Please make a flyer for'],
    // Slack link markup becomes readable text
    ['please update the <https://acme.com/pricing|pricing page>', 'Please update the pricing page (https://acme.com/pricing)'],
    ['<#C0123|marketing> needs a new banner', '#marketing needs a new banner'],
    // entities decoded
    ['fix the Q&amp;A page &lt;urgent&gt;', 'Fix the Q&A page <urgent>'],
    // whitespace collapsed
    ['  please    fix\tthe   footer  ', 'Please fix the footer'],
    // nothing usable: a neutral title
    ['', 'New request'],
    ['   \n  ', 'New request'],
    ['<@UBOT>', 'New request'],
    ['Hi Anna!', 'New request'],
    ['👍', 'New request'],
    [':tada: :tada:', 'New request'],
    ['🎉🎉 🙏', 'New request'],
  ])('deriveTitle(%j) → %j', (text, expected) => {
    expect(deriveTitle(text)).toBe(expected);
  });

  it('keeps the ask when a greeting has no punctuation after it', () => {
    // "hi could you send me the logo." — people often skip the comma after "hi".
    expect(deriveTitle('hi could you send me the logo.')).toMatch(/^(?:Hi c|C)ould you send me the logo\.$/);
  });

  it('cuts a 300+ character sentence to at most 100 characters at a word boundary, ending with "…"', () => {
    expect(LONG_SENTENCE.length).toBeGreaterThanOrEqual(300);
    const title = deriveTitle(LONG_SENTENCE);
    expect(title.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(title.endsWith('…')).toBe(true);
    expect(title).toBe('Please update the pricing page copy please update the pricing page copy please update the pricing…');
    const kept = title.slice(0, -1);
    expect(('P' + LONG_SENTENCE.slice(1)).startsWith(kept)).toBe(true);
    expect(LONG_SENTENCE.charAt(kept.length)).toBe(' ');
  });
});

describe('deriveDetails', () => {
  it.each([
    ['can you fix the banner?', 'can you fix the banner?'],
    ['  line one\nline two  \n', 'line one\nline two'],
    ['<@UBOT> can you fix <https://acme.com|our site>? Q&amp;A too', '@UBOT can you fix our site (https://acme.com)? Q&A too'],
    ['see <https://acme.com/pricing> and tell <!here>', 'see https://acme.com/pricing and tell @here'],
    ['', ''],
  ])('deriveDetails(%j) → %j', (text, expected) => {
    expect(deriveDetails(text)).toBe(expected);
  });

  it('keeps the whole message up to Slack’s 3,000-character input limit', () => {
    const exact = 'a'.repeat(DETAILS_MAX);
    expect(deriveDetails(exact)).toBe(exact);
    const long = 'word '.repeat(800); // 4,000 characters
    const details = deriveDetails(long);
    expect(details.length).toBeLessThanOrEqual(DETAILS_MAX);
    expect(details.length).toBeGreaterThan(DETAILS_MAX - 10);
    expect(details.endsWith('word…')).toBe(true);
  });
});

describe('validateTicketDraft', () => {
  const options = { categories: ['Website', 'Design', 'IT & tools'], teams: ['Sales', 'Product'], today: '2026-03-10' };
  const base = {
    title: 'Fix the banner',
    details: 'It is broken since Monday',
    category: 'Website',
    team: 'Sales',
    dueDate: '2026-03-20',
    urgency: 'urgent',
  } satisfies DraftInput;
  const draft = { ...base, urgency: 'urgent' as const };

  it.each<[name: string, input: DraftInput, expected: DraftValidation]>([
    ['a complete form', base, { ok: true, draft }],
    ['due today', { ...base, dueDate: '2026-03-10' }, { ok: true, draft: { ...draft, dueDate: '2026-03-10' } }],
    ['due on a leap day', { ...base, dueDate: '2028-02-29' }, { ok: true, draft: { ...draft, dueDate: '2028-02-29' } }],
    ['no due date (null)', { ...base, dueDate: null }, { ok: true, draft: { ...draft, dueDate: null } }],
    ['no due date (undefined)', { ...base, dueDate: undefined }, { ok: true, draft: { ...draft, dueDate: null } }],
    ['no due date (empty)', { ...base, dueDate: '' }, { ok: true, draft: { ...draft, dueDate: null } }],
    ['urgency defaults to normal (undefined)', { ...base, urgency: undefined }, { ok: true, draft: { ...draft, urgency: 'normal' } }],
    ['urgency defaults to normal (null)', { ...base, urgency: null }, { ok: true, draft: { ...draft, urgency: 'normal' } }],
    ['urgency low', { ...base, urgency: 'low' }, { ok: true, draft: { ...draft, urgency: 'low' } }],
    [
      'title whitespace collapsed, details trimmed',
      { ...base, title: '  Fix   the\n banner ', details: '\n  It is broken\nsince Monday  ' },
      { ok: true, draft: { ...draft, title: 'Fix the banner', details: 'It is broken\nsince Monday' } },
    ],
    ['no details', { ...base, details: null }, { ok: true, draft: { ...draft, details: '' } }],
    ['title of exactly 100 characters', { ...base, title: 't'.repeat(100) }, { ok: true, draft: { ...draft, title: 't'.repeat(100) } }],
    ['category with an ampersand', { ...base, category: 'IT & tools' }, { ok: true, draft: { ...draft, category: 'IT & tools' } }],
    [
      'details of exactly 3,000 characters',
      { ...base, details: 'd'.repeat(3000) },
      { ok: true, draft: { ...draft, details: 'd'.repeat(3000) } },
    ],

    // due date
    ['due yesterday', { ...base, dueDate: '2026-03-09' }, { ok: false, errors: { dueDate: 'due_in_past' } }],
    ['due last year', { ...base, dueDate: '2025-12-31' }, { ok: false, errors: { dueDate: 'due_in_past' } }],
    ['due 30 February', { ...base, dueDate: '2026-02-30' }, { ok: false, errors: { dueDate: 'due_not_a_date' } }],
    ['due 29 February of a common year', { ...base, dueDate: '2027-02-29' }, { ok: false, errors: { dueDate: 'due_not_a_date' } }],
    ['due in month 13', { ...base, dueDate: '2026-13-01' }, { ok: false, errors: { dueDate: 'due_not_a_date' } }],
    ['due date not zero-padded', { ...base, dueDate: '2026-3-20' }, { ok: false, errors: { dueDate: 'due_not_a_date' } }],
    ['due date in day/month/year', { ...base, dueDate: '20/03/2026' }, { ok: false, errors: { dueDate: 'due_not_a_date' } }],
    ['due date with a time', { ...base, dueDate: '2026-03-20T10:00' }, { ok: false, errors: { dueDate: 'due_not_a_date' } }],

    // category and team
    ['unknown category', { ...base, category: 'Printing' }, { ok: false, errors: { category: 'category_missing' } }],
    ['category in the wrong case', { ...base, category: 'website' }, { ok: false, errors: { category: 'category_missing' } }],
    ['no category', { ...base, category: null }, { ok: false, errors: { category: 'category_missing' } }],
    ['unknown team', { ...base, team: 'Marketing' }, { ok: false, errors: { team: 'team_missing' } }],
    ['no team', { ...base, team: undefined }, { ok: false, errors: { team: 'team_missing' } }],

    // title and details
    ['empty title', { ...base, title: '' }, { ok: false, errors: { title: 'title_missing' } }],
    ['blank title', { ...base, title: ' \n\t ' }, { ok: false, errors: { title: 'title_missing' } }],
    ['no title', { ...base, title: null }, { ok: false, errors: { title: 'title_missing' } }],
    ['title of 101 characters', { ...base, title: 't'.repeat(101) }, { ok: false, errors: { title: 'title_too_long' } }],
    ['details of 3,001 characters', { ...base, details: 'd'.repeat(3001) }, { ok: false, errors: { details: 'details_too_long' } }],

    // urgency
    ['unknown urgency', { ...base, urgency: 'asap' }, { ok: false, errors: { urgency: 'urgency_missing' } }],
    ['urgency in the wrong case', { ...base, urgency: 'Urgent' }, { ok: false, errors: { urgency: 'urgency_missing' } }],

    // every problem at once
    [
      'an empty form',
      {},
      {
        ok: false,
        errors: { title: 'title_missing', category: 'category_missing', team: 'team_missing' },
      },
    ],
    [
      'everything wrong',
      { title: 'x'.repeat(101), details: 'd'.repeat(3001), category: 'Nope', team: 'Nope', dueDate: '2026-03-01', urgency: 'now' },
      {
        ok: false,
        errors: {
          title: 'title_too_long',
          details: 'details_too_long',
          category: 'category_missing',
          team: 'team_missing',
          dueDate: 'due_in_past',
          urgency: 'urgency_missing',
        },
      },
    ],
  ])('%s', (_name, input, expected) => {
    expect(validateTicketDraft(input, options)).toEqual(expected);
  });
});
