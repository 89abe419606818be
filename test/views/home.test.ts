import type { ActionsBlock, Button, HomeView, KnownBlock, SectionBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../src/core/ticket.js';
import { ACTION_IDS, TICKET_ACTION_IDS } from '../../src/slack/ids.js';
import { LIMITS } from '../../src/slack/views/blocks.js';
import { buildHelperHome, buildRequesterHome, QUEUE_PAGE_SIZE, RECENT_FINISHED, type HelperHomeInput } from '../../src/slack/views/home.js';
import { ticketFixture } from '../support/ticket-fixture.js';
import { walkBlocks } from './walk-blocks.js';

const TODAY = '2026-11-25';
const T0 = new Date('2026-11-01T09:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function ticket(number: number, overrides: Partial<Ticket> = {}): Ticket {
  return ticketFixture({
    number,
    title: `Ticket ${number}`,
    details: '',
    team: 'Sales',
    category: 'Website',
    sourceChannelId: null,
    sourceTs: null,
    createdAt: at(number),
    updatedAt: at(number),
    ...overrides,
  });
}

const many = (n: number, overrides: Partial<Ticket> = {}) => Array.from({ length: n }, (_, i) => ticket(i + 1, overrides));

function helperHome(input: Partial<HelperHomeInput> = {}): HomeView {
  return buildHelperHome({ openTickets: [], doneLastWeek: 0, finishedByMe: [], ownRequests: [], page: 0, today: TODAY, locale: 'en', focusUntil: undefined, focusChoices: [], ...input });
}

const sections = (view: HomeView) => view.blocks.filter((b): b is SectionBlock => b.type === 'section');
const headers = (view: HomeView) => (view.blocks as KnownBlock[]).flatMap((b) => (b.type === 'header' ? [b.text.text] : []));
const texts = (view: HomeView) => walkBlocks(view.blocks).mrkdwn.map((m) => m.text).join('\n');
const buttons = (view: HomeView) =>
  view.blocks.filter((b): b is ActionsBlock => b.type === 'actions').flatMap((b) => b.elements as Button[]);
const pagerButtons = (view: HomeView) => buttons(view).filter((b) => [ACTION_IDS.homePage, ACTION_IDS.homePagePrevious].includes(b.action_id as never));
/** Ticket numbers in the order the queue lists them. */
const queueOrder = (view: HomeView) =>
  sections(view)
    .map((s) => /^\*#(\d+)\*/.exec(s.text?.text ?? '')?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);

function expectWithinLimits(view: HomeView): void {
  expect(view.blocks.length).toBeLessThanOrEqual(LIMITS.modalBlocks);
  for (const b of view.blocks as KnownBlock[]) {
    if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(LIMITS.headerText);
    if (b.type === 'section') {
      if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
      for (const f of b.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(LIMITS.sectionField);
    }
    if (b.type === 'actions') {
      const ids = (b.elements as Button[]).map((e) => e.action_id);
      // Slack rejects a view whose block repeats an action_id.
      expect(new Set(ids).size, JSON.stringify(ids)).toBe(ids.length);
      for (const e of b.elements as Button[]) expect((e.value ?? '').length).toBeLessThanOrEqual(LIMITS.buttonValue);
    }
  }
}

describe('buildHelperHome', () => {
  it.each([
    ['the first page', 0],
    ['a middle page', 12],
    ['the last page', 24],
  ])('stays within 100 blocks and every text limit for 500 open tickets with long hostile titles on %s', (_label, page) => {
    const open = many(500, { title: '<&>'.repeat(33), team: 'R&D <!here>'.repeat(6), status: 'in_progress', assigneeId: 'UHELPER1', dueDate: '2026-11-20' });
    const view = helperHome({ openTickets: open, page, finishedByMe: many(5, { status: 'done', closedAt: at(1) }), ownRequests: many(10) });
    expectWithinLimits(view);
    expect(queueOrder(view).length).toBeGreaterThanOrEqual(QUEUE_PAGE_SIZE);
    expect(texts(view)).toContain(`Page ${page + 1} of 25`);
  });

  it('lists the queue overdue first, then by urgency, then by due date (none last), then oldest first', () => {
    const open = [
      ticket(1, { createdAt: at(1) }), // normal, no due, oldest
      ticket(2, { urgency: 'urgent' }),
      ticket(3, { urgency: 'low', dueDate: '2026-11-20' }), // overdue
      ticket(4, { dueDate: '2026-11-26' }),
      ticket(5, { dueDate: '2026-12-10' }),
      ticket(6, { createdAt: at(100) }), // normal, no due, newer
      ticket(7, { urgency: 'low' }),
    ];
    expect(queueOrder(helperHome({ openTickets: open }))).toEqual([3, 2, 4, 5, 1, 6, 7]);
  });

  it('shows each ticket with requester, team, category, urgency, overdue due date, status and its buttons', () => {
    const view = helperHome({
      openTickets: [ticket(12, { title: 'Fix the banner', urgency: 'urgent', dueDate: '2026-11-24', status: 'in_progress', assigneeId: 'UHELPER1' })],
    });
    const text = texts(view);
    expect(text).toContain('*#12* Fix the banner\n<@UALICE> · Sales · Website · :red_circle: Urgent · due :warning: Tue 24 Nov 2026 (overdue)');
    expect(text).toContain('*In progress* · <@UHELPER1>');
    const ids = buttons(view).map((b) => b.action_id);
    expect(ids).toEqual(expect.arrayContaining([TICKET_ACTION_IDS.done, TICKET_ACTION_IDS.decline, TICKET_ACTION_IDS.redirect]));
    expect(ids).not.toContain(TICKET_ACTION_IDS.start);
  });

  it('counts new, in progress, overdue and done in the last 7 days', () => {
    const open = [...many(3), ticket(4, { status: 'in_progress' }), ticket(5, { dueDate: '2026-11-01' })];
    const [counts] = sections(helperHome({ openTickets: open, doneLastWeek: 9 })).filter((s) => s.fields);
    expect(counts?.fields?.map((f) => f.text)).toEqual(['*New*\n4', '*In progress*\n1', '*Overdue*\n:warning: 1', '*Done in the last 7 days*\n9']);
  });

  it('shows no paging for a queue that fits one page', () => {
    const view = helperHome({ openTickets: many(QUEUE_PAGE_SIZE) });
    expect(pagerButtons(view)).toEqual([]);
    expect(queueOrder(view)).toHaveLength(QUEUE_PAGE_SIZE);
  });

  it('offers Next on the first page, Previous on the last, both in between, each naming its page', () => {
    const open = many(QUEUE_PAGE_SIZE * 2 + 1);
    const pager = (page: number) => pagerButtons(helperHome({ openTickets: open, page })).map((b) => [b.action_id, b.value]);
    expect(pager(0)).toEqual([[ACTION_IDS.homePage, '1']]);
    expect(pager(1)).toEqual([
      [ACTION_IDS.homePagePrevious, '0'],
      [ACTION_IDS.homePage, '2'],
    ]);
    expect(pager(2)).toEqual([[ACTION_IDS.homePagePrevious, '1']]);
    expect(queueOrder(helperHome({ openTickets: open, page: 2 }))).toEqual([41]);
  });

  it('shows the last page when asked for one past the end (say, after tickets were closed)', () => {
    const view = helperHome({ openTickets: many(45), page: 99 });
    expect(texts(view)).toContain('Page 3 of 3');
    expect(queueOrder(view)).toEqual([41, 42, 43, 44, 45]);
  });

  it('says so when the queue is empty', () => {
    expect(texts(helperHome())).toContain('the queue is empty');
  });

  it("lists the helper's own recently finished work, newest first, at most five, with time spent", () => {
    const finished = many(7, { status: 'done', minutesSpent: 90 }).map((t) => ({ ...t, closedAt: at(1000 + t.number) }));
    const view = helperHome({ finishedByMe: finished });
    const text = texts(view);
    expect(headers(view).includes('Your recently finished')).toBe(true);
    const listed = [...text.matchAll(/\*#(\d+)\* Ticket \d+\n\*Done\* · 1h 30m/g)].map((m) => Number(m[1]));
    expect(listed).toEqual([7, 6, 5, 4, 3].slice(0, RECENT_FINISHED));
  });

  it("shows the helper's own open requests only when there are some", () => {
    const own = helperHome({ ownRequests: [ticket(8, { title: 'New laptop', requesterId: 'UHELPER1' }), ticket(9, { status: 'done' })] });
    expect(headers(own).includes('Your own requests')).toBe(true);
    expect(texts(own)).toContain('*#8* New laptop');
    expect(texts(own)).not.toContain('*#9*');
    expect(headers(helperHome()).includes('Your own requests')).toBe(false);
  });
});

describe('buildRequesterHome', () => {
  it('has a primary New request button and explains how to ask when there are no tickets', () => {
    const view = buildRequesterHome({ tickets: [], today: TODAY, locale: 'en' });
    expect(buttons(view)).toEqual([expect.objectContaining({ action_id: ACTION_IDS.homeNewRequest, style: 'primary' })]);
    expect(texts(view)).toMatch(/`\/request`.*DM/);
  });

  it('lists open tickets newest first with status, who is on it, due date (overdue marked) and last change', () => {
    const updated = new Date('2026-11-24T15:00:00Z');
    const view = buildRequesterHome({
      today: TODAY,
      locale: 'en',
      tickets: [
        ticket(3, { title: 'New slide template', status: 'in_progress', assigneeId: 'UHELPER1', dueDate: '2026-11-20', updatedAt: updated }),
        ticket(4, { title: 'Banner' }),
      ],
    });
    expect(buttons(view).map((b) => b.action_id)).toEqual([ACTION_IDS.homeNewRequest]);
    expect(queueOrder(view)).toEqual([4, 3]);
    expect(texts(view)).toContain(
      `*#3* New slide template\n*In progress* · <@UHELPER1> is on it · due :warning: Fri 20 Nov 2026 (overdue) · last change <!date^${updated.getTime() / 1000}^`,
    );
    expect(headers(view).includes('Open (2)')).toBe(true);
    expect(texts(view)).not.toContain('Nothing here yet');
  });

  it('shows the five most recently finished, never the helpers’ buttons', () => {
    const closed = many(8, { status: 'done' }).map((t) => ({ ...t, closedAt: at(5000 - t.number) }));
    const view = buildRequesterHome({ tickets: closed, today: TODAY, locale: 'en' });
    expect(queueOrder(view)).toEqual([1, 2, 3, 4, 5]);
    expect(texts(view)).toContain('Nothing open right now.');
    expect(buttons(view).map((b) => b.action_id)).toEqual([ACTION_IDS.homeNewRequest]);
  });

  it('stays within 100 blocks for someone with 200 open tickets', () => {
    const view = buildRequesterHome({ tickets: many(200, { title: '&'.repeat(100) }), today: TODAY, locale: 'en' });
    expectWithinLimits(view);
    expect(texts(view)).toContain('more open.');
  });
});

describe.each([
  ['buildRequesterHome', (t: Ticket[]) => buildRequesterHome({ tickets: t, today: TODAY, locale: 'en' })],
  ['buildHelperHome', (t: Ticket[]) => helperHome({ openTickets: t.filter((x) => x.status === 'new'), finishedByMe: t.filter((x) => x.status === 'done'), ownRequests: t })],
])('%s escapes user text', (_name, build) => {
  const hostile = { title: '<!channel> free pizza <https://evil.example|your bank>', team: 'R&D <!here>', category: 'Web <@U999>' };
  const view = build([ticket(1, hostile), ticket(2, { ...hostile, status: 'done', closedAt: at(9) })]);

  it('shows the title escaped and lets no control sequence through in mrkdwn', () => {
    const { mrkdwn } = walkBlocks(view.blocks);
    expect(mrkdwn.map((m) => m.text).join('\n')).toContain('&lt;!channel&gt; free pizza &lt;https://evil.example|your bank&gt;');
    for (const m of mrkdwn) {
      for (const bad of ['<!channel>', '<!here>', '<https://evil', '<@U999>']) expect(m.text, m.path).not.toContain(bad);
      expect(m.verbatim, m.path).toBe(true);
    }
  });
});

describe('Focus mode on a helper’s Home', () => {
  const focusSection = (view: HomeView) => view.blocks[1] as SectionBlock;

  it('when off, offers a "Focus until…" menu of the lengths that make sense now', () => {
    const section = focusSection(helperHome({ focusChoices: ['1h', '2h', 'nextMorning'] }));
    expect(section.text?.text).toMatch(/\*Focus mode\* is off/);
    expect(section.accessory).toMatchObject({
      type: 'static_select',
      action_id: ACTION_IDS.focusStart,
      options: [
        { text: { text: '1 hour' }, value: '1h' },
        { text: { text: '2 hours' }, value: '2h' },
        { text: { text: 'Next working morning' }, value: 'nextMorning' },
      ],
    });
  });

  it('when on, says until when (a Slack date token) and offers End focus', () => {
    const until = new Date('2026-11-25T16:30:00Z');
    const section = focusSection(helperHome({ focusUntil: until, focusChoices: ['1h'] }));
    expect(section.text?.text).toContain(`*Focus mode is on* until <!date^${until.getTime() / 1000}^`);
    expect(section.accessory).toMatchObject({ type: 'button', action_id: ACTION_IDS.focusEnd });
  });
});

describe('the Home in German', () => {
  const leftovers = (view: HomeView) => JSON.stringify(view).replace(/<!date\^[^>]*>/g, '').match(/\{\w+\}/g) ?? [];

  it('renders a helper’s Home with German texts and no unfilled placeholders', () => {
    const view = helperHome({
      locale: 'de',
      openTickets: [...many(25), ticket(30, { status: 'in_progress', assigneeId: 'UHELPER1', dueDate: '2026-11-20', urgency: 'urgent' })],
      finishedByMe: [ticket(40, { status: 'done', closedAt: at(50), minutesSpent: 90 })],
      ownRequests: many(5),
      focusChoices: ['1h', 'endOfDay'],
    });
    expect(headers(view)).toEqual(expect.arrayContaining(['Anfragen', 'Warteschlange (26 offen)', 'Von dir zuletzt erledigt', 'Deine eigenen Anfragen']));
    expect(texts(view)).toContain('*Fokusmodus* ist aus');
    expect(texts(view)).toContain('Seite 1 von 2');
    expect(texts(view)).toContain('…und 2 weitere offene.');
    expect(buttons(view).map((b) => b.text.text)).toEqual(expect.arrayContaining(['Loslegen', 'Ablehnen', 'Weiter →']));
    expect(texts(view)).not.toMatch(/Queue|Overdue first|Page \d|Start\b/);
    expect(leftovers(view)).toEqual([]);
  });

  it('renders a requester’s Home in German', () => {
    const empty = buildRequesterHome({ tickets: [], today: TODAY, locale: 'de' });
    expect(headers(empty)).toEqual(['Deine Anfragen']);
    expect(buttons(empty)[0]?.text.text).toBe('Neue Anfrage');
    const some = buildRequesterHome({ tickets: [ticket(1, { status: 'in_progress', assigneeId: 'UHELPER1' })], today: TODAY, locale: 'de' });
    expect(texts(some)).toContain('<@UHELPER1> kümmert sich darum');
    expect(leftovers(some)).toEqual([]);
  });
});
