import type { HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../src/core/ticket.js';
import { LIMITS, type SlackMessage } from '../../src/slack/views/blocks.js';
import { buildTicketReceivedMessage, buildTriageCard } from '../../src/slack/views/ticket-messages.js';
import { ticketFixture } from '../support/ticket-fixture.js';
import { walkBlocks } from './walk-blocks.js';

const CREATED = new Date('2026-11-25T10:00:00Z');
const TODAY = '2026-11-25';

const ticket = ticketFixture;

/** A ticket whose every free-text field tries to ping the channel or forge a link. */
const hostile = ticket({
  title: '<!channel> free pizza',
  details: '<https://evil.example|your bank> & <@U999>',
  team: 'R&D <!here>',
  category: 'Web <#C123|general>',
  source: 'mention',
  sourcePermalink: 'https://acme.slack.com/archives/C1/p1764064800000100',
  inboxOwnerId: null,
});

const BUILDERS = [
  ['buildTicketReceivedMessage', buildTicketReceivedMessage],
  ['buildTriageCard', (t: Ticket) => buildTriageCard(t, TODAY, 'en')],
] as const;

/** Raw control sequences a person could type; none may reach Slack unescaped. */
const FORBIDDEN = ['<!channel>', '<!here>', '<https://evil', '<@U999>', '<#C123'];

/** The `<…>` sequences the app itself emits: the requester mention, a date token and the permalink. */
const APP_TOKENS = /<@UALICE>|<!date\^\d+\^[^|<>]+\|[^<>]+>|<https:\/\/acme\.slack\.com\/archives\/C1\/p1764064800000100\|Original message>/g;

function headerOf(message: SlackMessage): HeaderBlock {
  const header = message.blocks.find((b): b is HeaderBlock => b.type === 'header');
  if (!header) throw new Error('no header');
  return header;
}

function sections(blocks: KnownBlock[]): SectionBlock[] {
  return blocks.filter((b): b is SectionBlock => b.type === 'section');
}

function mrkdwnText(message: SlackMessage): string {
  return walkBlocks(message.blocks)
    .mrkdwn.map((m) => m.text)
    .join('\n');
}

describe.each(BUILDERS)('%s escapes user text', (_name, build) => {
  const message = build(hostile, 'en');

  it('escapes &, < and > in every mrkdwn text and in the fallback text', () => {
    const texts = [...walkBlocks(message.blocks).mrkdwn.map((m) => ({ path: m.path, text: m.text })), { path: '$.text', text: message.text }];
    for (const { path, text } of texts) {
      for (const bad of FORBIDDEN) expect(text, path).not.toContain(bad);
      // Apart from the app's own tokens, no control character is left.
      expect(text.replace(APP_TOKENS, ''), path).not.toMatch(/[<>]/);
      expect(text.replace(APP_TOKENS, ''), path).not.toMatch(/&(?!amp;|lt;|gt;)/);
    }
    expect(message.text).toContain('&lt;!channel&gt; free pizza');
  });

  it('marks every mrkdwn text verbatim', () => {
    const { mrkdwn } = walkBlocks(message.blocks);
    expect(mrkdwn.length).toBeGreaterThan(0);
    for (const m of mrkdwn) expect(m.verbatim, m.path).toBe(true);
  });

  it('leaves raw "<!channel>" or "<https://evil" only in plain_text, which Slack never parses', () => {
    const { strings, plainText } = walkBlocks(message);
    const plainPaths = new Set(plainText.map((p) => `${p.path}.text`));
    const raw = strings.filter((s) => FORBIDDEN.some((bad) => s.text.includes(bad)));
    for (const s of raw) expect(plainPaths.has(s.path), s.path).toBe(true);
  });

  it('keeps within the message block limit', () => {
    expect(message.blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
  });
});

describe('buildTicketReceivedMessage', () => {
  it('says "#12 received" in the text and the blocks', () => {
    const message = buildTicketReceivedMessage(ticket(), 'en');
    expect(message.text).toBe('#12 received — Update the pricing page banner');
    expect(mrkdwnText(message)).toContain('*#12 received* — Update the pricing page banner');
  });

  it('summarises category, team, urgency and the formatted due date', () => {
    const message = buildTicketReceivedMessage(ticket({ urgency: 'urgent', dueDate: '2026-11-27' }), 'en');
    expect(mrkdwnText(message)).toContain('Web · Marketing · :red_circle: Urgent · due Fri 27 Nov 2026');
  });

  it('leaves the due date out when there is none and does not mark normal urgency', () => {
    const text = mrkdwnText(buildTicketReceivedMessage(ticket(), 'en'));
    expect(text).toContain('Web · Marketing · Normal');
    expect(text).not.toContain('due ');
    expect(text).not.toContain(':red_circle:');
  });

  it('shows the escaped title in the blocks', () => {
    expect(mrkdwnText(buildTicketReceivedMessage(hostile, 'en'))).toContain('*#12 received* — &lt;!channel&gt; free pizza');
  });

  it('escapes the team and category in the summary', () => {
    expect(mrkdwnText(buildTicketReceivedMessage(hostile, 'en'))).toContain('Web &lt;#C123|general&gt; · R&amp;D &lt;!here&gt;');
  });

  it('keeps section texts within 3,000 characters even for a very long title', () => {
    const message = buildTicketReceivedMessage(ticket({ title: '<'.repeat(2000) }), 'en');
    for (const s of sections(message.blocks)) expect(s.text?.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
  });
});

describe('buildTriageCard', () => {
  it('has a header "#12 · title", the escaped details and the fallback text', () => {
    const card = buildTriageCard(ticket(), TODAY, 'en');
    expect(headerOf(card).text).toMatchObject({ type: 'plain_text', text: '#12 · Update the pricing page banner' });
    expect(card.text).toBe('New ticket #12: Update the pricing page banner');
    expect(mrkdwnText(card)).toContain('It still says 2025.');
  });

  it('renders the hostile details escaped', () => {
    expect(mrkdwnText(buildTriageCard(hostile, TODAY, 'en'))).toContain('&lt;https://evil.example|your bank&gt; &amp; &lt;@U999&gt;');
  });

  it('mentions the requester and shows team, category, urgency, due date and status', () => {
    const text = mrkdwnText(buildTriageCard(ticket({ urgency: 'urgent', dueDate: '2026-11-27', status: 'in_progress' }), TODAY, 'en'));
    expect(text).toContain('*Requester*\n<@UALICE>');
    expect(text).toContain('*Team*\nMarketing');
    expect(text).toContain('*Category*\nWeb');
    expect(text).toContain('*Urgency*\n:red_circle: Urgent');
    expect(text).toContain('*Due*\nFri 27 Nov 2026');
    expect(text).toContain('*In progress*');
    expect(text).toContain(`<!date^${CREATED.getTime() / 1000}^`);
  });

  it('shows a dash for no due date, plain urgency when not urgent, and a note for empty details', () => {
    const text = mrkdwnText(buildTriageCard(ticket({ details: '   ', urgency: 'low' }), TODAY, 'en'));
    expect(text).toContain('*Due*\n—');
    expect(text).toContain('*Urgency*\nLow');
    expect(text).not.toContain(':red_circle:');
    expect(text).toContain('_No details given._');
  });

  it('keeps the header within 150 characters and sections within 3,000 even with 10,000-character details', () => {
    const card = buildTriageCard(ticket({ title: 'T'.repeat(400), details: 'word '.repeat(2000), team: 'x'.repeat(2500) }), TODAY, 'en');
    expect(headerOf(card).text.text.length).toBeLessThanOrEqual(LIMITS.headerText);
    for (const s of sections(card.blocks)) {
      if (s.text) expect(s.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
      for (const f of s.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(LIMITS.sectionField);
      expect((s.fields ?? []).length).toBeLessThanOrEqual(LIMITS.sectionFields);
    }
    for (const m of walkBlocks(card.blocks).mrkdwn) expect(m.text.length, m.path).toBeLessThanOrEqual(LIMITS.sectionText);
  });

  it('keeps sections within 3,000 characters when escaping makes long details longer', () => {
    const card = buildTriageCard(ticket({ details: '<>&'.repeat(3000) }), TODAY, 'en');
    const [details] = sections(card.blocks);
    expect(details?.text?.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(details?.text?.text.startsWith('&lt;&gt;&amp;')).toBe(true);
  });

  describe('source', () => {
    it('links the original message for an http(s) permalink', () => {
      const text = mrkdwnText(buildTriageCard(ticket({ source: 'mention', sourcePermalink: 'https://acme.slack.com/archives/C1/p1' }), TODAY, 'en'));
      expect(text).toContain('*Source*\n<https://acme.slack.com/archives/C1/p1|Original message>');
    });

    it.each([
      ['a javascript: URL', 'javascript:alert(1)'],
      ['a URL with |', 'https://acme.slack.com/archives/C1/p1|YourBank'],
      ['a URL with >', 'https://acme.slack.com/archives/C1/p1><!channel>'],
      ['no permalink', null],
    ])('gives no link for %s', (_name, permalink) => {
      const card = buildTriageCard(ticket({ source: 'mention', sourcePermalink: permalink }), TODAY, 'en');
      const text = mrkdwnText(card);
      expect(text).toContain('*Source*\nAn @mention');
      expect(text).not.toContain('Original message');
      expect(JSON.stringify(card)).not.toContain('javascript:');
      expect(JSON.stringify(card)).not.toContain('<!channel>');
    });

    it.each([
      ['dm', 'A DM to Request Desk'],
      ['command', '`/request`'],
    ] as const)('names the %s source', (source, label) => {
      expect(mrkdwnText(buildTriageCard(ticket({ source, sourcePermalink: 'https://acme.slack.com/x' }), TODAY, 'en'))).toContain(`*Source*\n${label}`);
    });
  });
});
