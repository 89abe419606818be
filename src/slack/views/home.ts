import type { ActionsBlock, HomeView, KnownBlock } from '@slack/types';
import type { FocusChoice } from '../../core/focus.js';
import type { Ticket } from '../../core/ticket.js';
import { compareForQueue, isOpen, isOverdue } from '../../core/ticket-workflow.js';
import { t as text } from '../../i18n/catalog.js';
import type { Locale } from '../../i18n/locale.js';
import { ACTION_IDS } from '../ids.js';
import { button, context, LIMITS, mrkdwn, section } from './blocks.js';
import { buildFocusSection } from './focus-section.js';
import {
  byFinishedDesc,
  finishedTicketLine,
  homeDivider,
  homeHeader,
  newRequestButton,
  queueTicketLine,
  requesterTicketLine,
} from './home-lines.js';
import { statusLabel } from './ticket-format.js';
import { buildTicketActions } from './ticket-actions.js';

// A Home tab holds at most 100 blocks (https://docs.slack.dev/reference/block-kit/blocks). A queue ticket takes two
// (its section and its buttons), so a page of 20 plus everything around it stays near 60.
/** Tickets per page of the helpers' queue. */
export const QUEUE_PAGE_SIZE = 20;
/** How many finished tickets "Recently finished" lists. */
export const RECENT_FINISHED = 5;
/** Open tickets listed on a requester's Home; any beyond are summed up in one line. */
export const REQUESTER_OPEN_MAX = 30;
/** A helper's own open requests listed on their Home. */
export const OWN_REQUESTS_MAX = 3;

/** What a requester's Home shows: their tickets (open and finished) and what "today" is in the desk's time zone. */
export interface RequesterHomeInput {
  tickets: readonly Ticket[];
  today: string;
  locale: Locale;
}

/** What a helper's Home shows. */
export interface HelperHomeInput {
  /** Every open ticket, in any order (the queue is sorted here). */
  openTickets: readonly Ticket[];
  /** Tickets marked done in the last 7 days, by anyone. */
  doneLastWeek: number;
  /** Tickets this helper finished most recently. */
  finishedByMe: readonly Ticket[];
  /** Tickets this helper asked for themselves. */
  ownRequests: readonly Ticket[];
  /** Zero-based page of the queue; out-of-range pages show the nearest one. */
  page: number;
  today: string;
  locale: Locale;
  /** Until when the helper's focus time runs; undefined when it is off (or ran out). */
  focusUntil: Date | undefined;
  /** The focus lengths that make sense now, for the "Focus until…" menu. */
  focusChoices: readonly FocusChoice[];
}

const homeView = (blocks: KnownBlock[]): HomeView => ({ type: 'home', blocks });

/** The page that exists nearest to the one asked for (zero-based). */
export function clampPage(page: number, ticketCount: number): number {
  const last = Math.max(0, Math.ceil(ticketCount / QUEUE_PAGE_SIZE) - 1);
  return Number.isInteger(page) ? Math.min(Math.max(page, 0), last) : 0;
}

/** A requester's Home: a New request button, their open tickets, the last few finished ones, or how to ask. */
export function buildRequesterHome({ tickets, today, locale }: RequesterHomeInput): HomeView {
  const open = tickets.filter((t) => isOpen(t.status)).sort((a, b) => b.number - a.number);
  const finished = tickets.filter((t) => !isOpen(t.status)).sort(byFinishedDesc).slice(0, RECENT_FINISHED);
  const blocks: KnownBlock[] = [homeHeader(text(locale, 'home.requester.header')), section(text(locale, 'home.requester.intro')), newRequestButton(locale)];
  if (open.length === 0 && finished.length === 0) return homeView([...blocks, homeDivider(), section(text(locale, 'home.requester.empty'))]);

  blocks.push(homeDivider(), homeHeader(text(locale, 'home.requester.open', { count: open.length })));
  if (open.length === 0) blocks.push(context(text(locale, 'home.requester.nothingOpen')));
  blocks.push(...openLines(open, REQUESTER_OPEN_MAX, today, locale));
  if (finished.length > 0) {
    blocks.push(homeDivider(), homeHeader(text(locale, 'home.requester.finished')));
    for (const t of finished) blocks.push(section(finishedTicketLine(t, { showTime: false }, locale)));
  }
  return homeView(blocks);
}

/** Up to `max` open tickets of one person, and how many more there are. */
function openLines(open: readonly Ticket[], max: number, today: string, locale: Locale): KnownBlock[] {
  const blocks: KnownBlock[] = open.slice(0, max).map((t) => section(requesterTicketLine(t, today, locale)));
  if (open.length > max) blocks.push(context(text(locale, 'home.moreOpen', { count: open.length - max })));
  return blocks;
}

function countsBlock(queue: readonly Ticket[], doneLastWeek: number, today: string, locale: Locale): KnownBlock {
  const count = (status: Ticket['status']) => queue.filter((t) => t.status === status).length;
  const overdue = queue.filter((t) => isOverdue(t, today)).length;
  const fields = [
    `*${statusLabel('new', locale)}*\n${count('new')}`,
    `*${statusLabel('in_progress', locale)}*\n${count('in_progress')}`,
    `*${text(locale, 'home.counts.overdue')}*\n${overdue > 0 ? `:warning: ${overdue}` : '0'}`,
    `*${text(locale, 'home.counts.doneWeek')}*\n${doneLastWeek}`,
  ];
  return { type: 'section', fields: fields.map((f) => mrkdwn(f, LIMITS.sectionField)) };
}

function pager(page: number, pages: number, locale: Locale): KnownBlock[] {
  const elements: ActionsBlock['elements'] = [];
  // Slack wants action_ids unique within a block, hence a second id for Previous.
  if (page > 0) elements.push(button(ACTION_IDS.homePagePrevious, text(locale, 'home.page.previous'), String(page - 1)));
  if (page < pages - 1) elements.push(button(ACTION_IDS.homePage, text(locale, 'home.page.next'), String(page + 1)));
  return [context(text(locale, 'home.page.of', { page: page + 1, pages })), { type: 'actions', elements }];
}

/**
 * A helper's Home: Focus mode, counts by status, one page of the queue (overdue first, then urgency, due date, age) with each
 * ticket's buttons, paging, the tickets they finished lately and, if any, their own open requests.
 */
export function buildHelperHome(input: HelperHomeInput): HomeView {
  const { today, locale } = input;
  const queue = [...input.openTickets].sort(compareForQueue(today));
  const page = clampPage(input.page, queue.length);
  const pages = Math.max(1, Math.ceil(queue.length / QUEUE_PAGE_SIZE));
  const shown = queue.slice(page * QUEUE_PAGE_SIZE, (page + 1) * QUEUE_PAGE_SIZE);

  const blocks: KnownBlock[] = [
    homeHeader(text(locale, 'home.queue.title')),
    buildFocusSection(input.focusUntil, input.focusChoices, locale),
    countsBlock(queue, input.doneLastWeek, today, locale),
    homeDivider(),
  ];
  blocks.push(homeHeader(text(locale, 'home.queue.header', { count: queue.length })));
  if (queue.length === 0) blocks.push(section(text(locale, 'home.queue.empty')));
  else {
    const from = page * QUEUE_PAGE_SIZE + 1;
    blocks.push(context(text(locale, 'home.queue.order', { from, to: from + shown.length - 1, total: queue.length })));
  }
  for (const t of shown) blocks.push(section(queueTicketLine(t, today, locale)), buildTicketActions(t, locale));
  if (pages > 1) blocks.push(...pager(page, pages, locale));

  blocks.push(homeDivider(), homeHeader(text(locale, 'home.finished.header')));
  const finished = [...input.finishedByMe].sort(byFinishedDesc).slice(0, RECENT_FINISHED);
  if (finished.length === 0) blocks.push(context(text(locale, 'home.finished.empty')));
  for (const t of finished) blocks.push(section(finishedTicketLine(t, { showTime: true }, locale)));

  const own = input.ownRequests.filter((t) => isOpen(t.status)).sort((a, b) => b.number - a.number);
  if (own.length > 0) blocks.push(homeDivider(), homeHeader(text(locale, 'home.own.header')), ...openLines(own, OWN_REQUESTS_MAX, today, locale));
  return homeView(blocks);
}
