import { describe, expect, it } from 'vitest';
import type { HistoryItem } from '../../src/app/show-ticket.js';
import type { Ticket } from '../../src/core/ticket.js';
import { LIMITS, type SlackMessage } from '../../src/slack/views/blocks.js';
import { describeOwedMessage } from '../../src/slack/views/delivery-failure.js';
import { buildFiledForYouMessage } from '../../src/slack/views/filed-for-you.js';
import { buildMyTicketsMessage } from '../../src/slack/views/my-tickets.js';
import { buildCannotReadMessage, buildMessageGoneMessage, buildNoAuthorMessage, buildReadFailedMessage } from '../../src/slack/views/reaction-notes.js';
import { buildTicketDetailMessage, buildTicketNotShownMessage, HISTORY_SHOWN } from '../../src/slack/views/ticket-detail.js';
import { ticketFixture } from '../support/ticket-fixture.js';
import { walkBlocks } from './walk-blocks.js';

const AT = new Date('2026-11-25T10:00:00Z');
const TODAY = '2026-11-25';
const HOSTILE = '<!channel> free pizza <https://evil.example|your bank> & <@U0BOSS>';

const ticket = (overrides: Partial<Ticket> = {}): Ticket =>
  ticketFixture({ team: 'Sales', category: 'Website', source: 'reaction', sourceChannelId: 'C0SALES', ...overrides });

/** Every mrkdwn text of a message, checked to be verbatim; and no user text that Slack would parse. */
function mrkdwnOf(message: SlackMessage): string {
  expect(message.text.trim().length).toBeGreaterThan(0);
  expect(message.blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
  const { mrkdwn } = walkBlocks(message.blocks);
  for (const m of mrkdwn) {
    expect(m.verbatim, m.path).toBe(true);
    expect(m.text.length, m.path).toBeLessThanOrEqual(LIMITS.sectionText);
  }
  const all = [message.text, ...mrkdwn.map((m) => m.text)].join('\n');
  expect(all).not.toMatch(/<!channel>|<https:\/\/evil|<@U0BOSS>/);
  return mrkdwn.map((m) => m.text).join('\n');
}

describe('buildFiledForYouMessage', () => {
  it('names the helper and the number, escapes the title and says how to add details', () => {
    const message = buildFiledForYouMessage(ticket({ filedById: 'UHELPER1', title: HOSTILE }), 'en');
    const text = mrkdwnOf(message);
    expect(message.text).toMatch(/^<@UHELPER1> filed #12 for you from your message — &lt;!channel&gt; free pizza/);
    expect(text).toContain('Message <@UHELPER1> and mention #12');
  });
});

describe('buildMyTicketsMessage', () => {
  it('explains how to ask when there are no tickets', () => {
    const text = mrkdwnOf(buildMyTicketsMessage({ open: [], openTotal: 0, finished: [], today: TODAY }, 'en'));
    expect(text).toContain("You haven't asked for anything yet");
  });

  it('lists open tickets, then finished ones, escaped, and counts the open ones not shown', () => {
    const open = Array.from({ length: 15 }, (_, i) => ticket({ number: 30 - i, title: `${HOSTILE} ${i}` }));
    const message = buildMyTicketsMessage({ open, openTotal: 40, finished: [], today: TODAY }, 'en');
    const text = mrkdwnOf(message);
    expect(message.text).toBe('Your tickets: 40 open');
    expect(text).toContain('*Open (40)*');
    expect(text).toContain('…and 25 more open');
    expect(text).toContain('&lt;!channel&gt; free pizza');
    expect(message.blocks.length).toBeLessThan(25);
  });

  it('shows finished tickets under their own heading, after the open ones', () => {
    const text = mrkdwnOf(
      buildMyTicketsMessage(
        {
          open: [ticket({ number: 2, title: 'Open one' })],
          openTotal: 1,
          finished: [ticket({ number: 1, title: 'Done one', status: 'done', closedAt: AT })],
          today: TODAY,
        },
        'en',
      ),
    );
    expect(text.indexOf('Open one')).toBeLessThan(text.indexOf('Recently finished'));
    expect(text.indexOf('Recently finished')).toBeLessThan(text.indexOf('Done one'));
  });
});

describe('buildTicketDetailMessage', () => {
  const history = (n: number, note: string | null = null): HistoryItem[] =>
    Array.from({ length: n }, (_, i) => ({ at: AT, actorId: 'UHELPER1', action: i === 0 ? 'created' : 'rescheduled', note, minutesSpent: i === 0 ? null : 30 }));

  it('shows status, facts, escaped details and history; time spent only to helpers', () => {
    const t = ticket({ title: HOSTILE, details: HOSTILE, status: 'in_progress', assigneeId: 'UHELPER1', minutesSpent: 90, sourcePermalink: 'https://acme.slack.com/archives/C0SALES/p1' });
    const forRequester = buildTicketDetailMessage({ ticket: t, history: history(2, HOSTILE), viewerIsHelper: false, today: TODAY }, 'en');
    const text = mrkdwnOf(forRequester);
    expect(forRequester.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text' } });
    expect(text).toContain('*Status*\n*In progress* · <@UHELPER1>');
    expect(text).toContain('<https://acme.slack.com/archives/C0SALES/p1|Original message>');
    expect(text).toContain('<@UHELPER1> filed it');
    expect(text).not.toContain('1h 30m');
    expect(text).not.toContain('(30m)');
    expect(forRequester.blocks.some((b) => b.type === 'actions')).toBe(false);

    const forHelper = buildTicketDetailMessage({ ticket: t, history: history(2), viewerIsHelper: true, today: TODAY }, 'en');
    expect(mrkdwnOf(forHelper)).toContain('1h 30m');
    expect(forHelper.blocks.at(-1)).toMatchObject({ type: 'actions' });
  });

  it(`shows the last ${HISTORY_SHOWN} history entries within Slack's limits, however long the notes`, () => {
    const message = buildTicketDetailMessage({ ticket: ticket({ details: 'x'.repeat(3000) }), history: history(25, 'y'.repeat(2000)), viewerIsHelper: true, today: TODAY }, 'en');
    const text = mrkdwnOf(message);
    expect(text).toContain('_15 earlier entries not shown_');
    expect(text.match(/changed the due date or urgency/g)).toHaveLength(HISTORY_SHOWN);
  });

  it.each([
    [{ ok: false, reason: 'not_found', number: 99 } as const, "There's no ticket #99"],
    [{ ok: false, reason: 'not_yours', number: 7 } as const, "ticket #7 isn't yours to see"],
  ])('explains %j and points to /request list', (outcome, needle) => {
    const text = mrkdwnOf(buildTicketNotShownMessage(outcome, 'en'));
    expect(text).toContain(needle);
    expect(text).toContain('`/request list`');
  });
});

describe('notes to a helper whose :ticket: filed nothing', () => {
  it.each([
    ['a public channel', 'C0SALES', 'not_in_channel', ['<#C0SALES>', '`/invite @Request Desk`', '*Integrations*']],
    ['a private channel', 'G0SECRET', 'channel_not_found', ['<#G0SECRET>', '*Integrations*']],
    ['a missing scope', 'C0SALES', 'missing_scope', ['*Reinstall to Workspace*', '`groups:history`']],
    ['a DM between people', 'D0ALICE', 'channel_not_found', ['that conversation', '*Create ticket*']],
  ])('say how to fix %s and to react again', (_label, channel, code, needles) => {
    const text = mrkdwnOf(buildCannotReadMessage({ channel, code, locale: 'en' }));
    for (const needle of needles) expect(text).toContain(needle);
    expect(text).toContain('remove your :ticket: and add it again');
    expect(text).toContain(`Slack said: \`${code}\``);
  });

  it('never pass markup from an error code through', () => {
    expect(mrkdwnOf(buildCannotReadMessage({ channel: 'C0SALES', code: 'x<!channel>', locale: 'en' }))).toContain('`xchannel`');
    expect(mrkdwnOf(buildReadFailedMessage({ code: 'timeout<@U0BOSS>', locale: 'en' }))).toContain('`timeoutU0BOSS`');
  });

  it.each([
    ['a deleted message', buildMessageGoneMessage('en'), 'may have been deleted'],
    ['an app\'s message', buildNoAuthorMessage('en'), 'posted by an app'],
  ])('explain %s', (_label, message, needle) => {
    expect(mrkdwnOf(message)).toContain(needle);
  });
});

describe('describeOwedMessage', () => {
  it('describes a ✅ that could not be added', () => {
    expect(describeOwedMessage({ kind: 'reaction', channel: 'C0SALES', ts: '1.2', name: 'white_check_mark' }, 'en')).toBe(
      'the :white_check_mark: reaction on a message in <#C0SALES>',
    );
  });
});
