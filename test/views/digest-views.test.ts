import { describe, expect, it } from 'vitest';
import type { WeeklyFigures } from '../../src/app/weekly-figures.js';
import { weekStartingOn } from '../../src/core/digest-period.js';
import { compareWeeks } from '../../src/core/digest.js';
import { buildDigestPreviewReply, buildExportReply } from '../../src/slack/views/report-replies.js';
import { buildWeeklyDigestMessage } from '../../src/slack/views/weekly-digest.js';
import { walkBlocks } from './walk-blocks.js';

const HOSTILE = '<!channel> & <https://evil.example|Bank>';

function figures(overrides: Partial<WeeklyFigures> = {}): WeeklyFigures {
  const zero = compareWeeks(0, [0, 0, 0, 0]);
  return {
    period: weekStartingOn('2026-12-28', 'Europe/Berlin'),
    previousWeek: '2026-W52',
    received: compareWeeks(34, [30, 20, 26, 20]),
    finished: compareWeeks(28, [25, 20, 22, 21]),
    declined: compareWeeks(3, [1, 2, 1, 2]),
    redirected: zero,
    stillOpen: compareWeeks(12, [10, 11, 12, 13]),
    byTeam: [
      { label: 'Sales', count: 20, minutes: 0 },
      { label: HOSTILE, count: 10, minutes: 0 },
      { label: 'Other teams', count: 4, minutes: 0 },
    ],
    byCategory: [{ label: 'Website', count: 34, minutes: 0 }],
    timeSpent: { totalMinutes: 1260, byTeam: [{ label: 'Sales', count: 9, minutes: 1260 }], byCategory: [{ label: HOSTILE, count: 9, minutes: 1260 }] },
    medianFirstResponseMinutes: 180,
    medianTimeToDoneMinutes: 1680,
    arrivals: { offers: { dm: 30, mention: 10 }, offersFiled: 22, tickets: { command: 10, dm: 16, mention: 6, shortcut: 2, reaction: 0 } },
    guideCandidates: [{ label: HOSTILE, count: 41 }],
    chart: { title: 't', weeks: [], series: [] },
    ...overrides,
  };
}

describe('the weekly digest view', () => {
  it('reads like the product notes: load, change, share by team, hours, median first response', () => {
    const m = buildWeeklyDigestMessage(figures(), 'en');
    expect(m.text).toBe('Request Desk, week 2026-W53: 34 requests (+13% vs the week before, +42% vs the 4-week average), 28 finished, 12 still open.');
    expect(m.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text', text: 'Request Desk · week 53 (28 Dec 2026 – 3 Jan 2027)' } });
    const text = walkBlocks(m.blocks).mrkdwn.map((t) => t.text).join('\n');
    expect(text).toContain('*34 requests* last week (+13% vs the week before, +42% vs the 4-week average)');
    expect(text).toContain('*By team:* Sales 20 (59%)');
    expect(text).toContain("*Time spent:* 21 h on other teams' requests");
    expect(text).toContain('Median first response *3h* · median time to done *1d 4h*');
    expect(text).toContain('40 asks by DM or @mention got the ticket offer (30 DM, 10 mention); 22 became tickets (55%). 10 straight through `/request`, 2 by the message shortcut.');
    expect(text).toMatch(/```\n {11}\s+week 53\s+week 52\s+4-wk avg\nReceived\s+34\s+30\s+24\n/);
  });

  it('escapes team and category names and marks every mrkdwn text verbatim', () => {
    const found = walkBlocks(buildWeeklyDigestMessage(figures(), 'en').blocks);
    const text = found.mrkdwn.map((t) => t.text).join('\n');
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<https://evil');
    expect(text).toContain('&lt;!channel&gt; &amp; &lt;https://evil.example|Bank&gt; 10 (29%)');
    expect(found.mrkdwn.every((t) => t.verbatim === true)).toBe(true);
  });

  it('says a quiet week plainly, without percentages against nothing', () => {
    const zero = compareWeeks(0, [0, 0, 0, 0]);
    const m = buildWeeklyDigestMessage(
      figures({ received: zero, finished: zero, declined: zero, stillOpen: zero, byTeam: [], byCategory: [], guideCandidates: [], medianFirstResponseMinutes: null, medianTimeToDoneMinutes: null, timeSpent: { totalMinutes: 0, byTeam: [], byCategory: [] }, arrivals: { offers: { dm: 0, mention: 0 }, offersFiled: 0, tickets: { command: 0, dm: 0, mention: 0, shortcut: 0, reaction: 0 } } }),
      'en',
    );
    const text = walkBlocks(m.blocks).mrkdwn.map((t) => t.text).join('\n');
    expect(m.text).toBe('Request Desk, week 2026-W53: no requests; 0 still open.');
    expect(text).toContain('*No requests* last week (4-week average: 0).');
    expect(text).toContain('*Time spent:* none recorded.');
    expect(text).not.toContain('Guide candidates');
    expect(text).not.toMatch(/NaN|Infinity|null|undefined/);
  });
});

describe('the weekly digest in German', () => {
  it('reads in German, with German numbers and no unfilled placeholders', () => {
    const m = buildWeeklyDigestMessage(figures(), 'de');
    const all = JSON.stringify(m);
    expect(m.blocks[0]).toMatchObject({ text: { text: 'Request Desk · KW 53 (28. Dez. 2026 – 3. Jan. 2027)' } });
    expect(m.text).toBe('Request Desk, KW 2026-W53: 34 Anfragen (+13% zur Vorwoche, +42% zum 4-Wochen-Schnitt), 28 erledigt, 12 noch offen.');
    const text = walkBlocks(m.blocks).mrkdwn.map((t) => t.text).join('\n');
    expect(text).toContain('*Aufwand:* 21 Std. für Anfragen anderer Teams');
    expect(text).toMatch(/```\n {12}\s+KW 53\s+KW 52\s+Ø 4 Wo\.\nEingegangen\s+34\s+30\s+24\n/);
    expect(all).not.toMatch(/\{\w+\}/);
    expect(all).not.toMatch(/last week|requests|Time spent/);
  });
});

describe('the replies to /request digest and /request export', () => {
  it('marks the preview as private and keeps the digest intact', () => {
    const message = buildWeeklyDigestMessage(figures(), 'en');
    const reply = buildDigestPreviewReply({ ok: true, message, week: '2026-W53' }, 'en');
    expect(reply.text).toBe(message.text);
    expect(reply.blocks[0]).toMatchObject({ type: 'context' });
    expect(JSON.stringify(reply.blocks[0])).toContain('only you can see this');
    expect(reply.blocks.slice(1)).toEqual(message.blocks);
  });

  it('tells non-helpers kindly where their own requests are, and helpers what happened to the export', () => {
    expect(buildDigestPreviewReply({ ok: false, reason: 'not_helper' }, 'en').text).toMatch(/for the helpers.*`\/request list`/);
    expect(buildExportReply({ ok: false, reason: 'not_helper' }, 'en').text).toMatch(/for the helpers/);
    expect(buildExportReply({ ok: true, tickets: 1234 }, 'en').text).toBe('Done: the CSV with all 1,234 tickets is in our DM.');
    expect(buildExportReply({ ok: false, reason: 'slack_failed', code: 'not_allowed_token_type' }, 'en').text).toMatch(/^Sorry.*not_allowed_token_type.*try `\/request export` again/);
  });
});
