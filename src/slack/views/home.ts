import type { ActionsBlock, HomeView, KnownBlock } from '@slack/types';
import type { Ticket } from '../../core/ticket.js';
import { compareForQueue, isOpen, isOverdue } from '../../core/ticket-workflow.js';
import { ACTION_IDS } from '../ids.js';
import { button, context, LIMITS, mrkdwn, section } from './blocks.js';
import {
  byFinishedDesc,
  finishedTicketLine,
  homeDivider,
  homeHeader,
  newRequestButton,
  queueTicketLine,
  requesterTicketLine,
} from './home-lines.js';
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

const INTRO = "Need something? Press *New request* — I'll keep track of it and message you when someone picks it up.";
const EMPTY =
  "Nothing here yet. Whenever you need a website edit, a design or an IT chore, press *New request*, type `/request` in any channel, or just send me a DM — I'll turn it into a ticket so nothing gets lost, and you can follow it here.";

/** What a requester's Home shows: their tickets (open and finished) and what "today" is in the desk's time zone. */
export interface RequesterHomeInput {
  tickets: readonly Ticket[];
  today: string;
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
}

const homeView = (blocks: KnownBlock[]): HomeView => ({ type: 'home', blocks });

/** The page that exists nearest to the one asked for (zero-based). */
export function clampPage(page: number, ticketCount: number): number {
  const last = Math.max(0, Math.ceil(ticketCount / QUEUE_PAGE_SIZE) - 1);
  return Number.isInteger(page) ? Math.min(Math.max(page, 0), last) : 0;
}

/** A requester's Home: a New request button, their open tickets, the last few finished ones, or how to ask. */
export function buildRequesterHome({ tickets, today }: RequesterHomeInput): HomeView {
  const open = tickets.filter((t) => isOpen(t.status)).sort((a, b) => b.number - a.number);
  const finished = tickets.filter((t) => !isOpen(t.status)).sort(byFinishedDesc).slice(0, RECENT_FINISHED);
  const blocks: KnownBlock[] = [homeHeader('Your requests'), section(INTRO), newRequestButton()];
  if (open.length === 0 && finished.length === 0) return homeView([...blocks, homeDivider(), section(EMPTY)]);

  blocks.push(homeDivider(), homeHeader(`Open (${open.length})`));
  if (open.length === 0) blocks.push(context('Nothing open right now.'));
  for (const t of open.slice(0, REQUESTER_OPEN_MAX)) blocks.push(section(requesterTicketLine(t, today)));
  if (open.length > REQUESTER_OPEN_MAX) blocks.push(context(`…and ${open.length - REQUESTER_OPEN_MAX} more open.`));
  if (finished.length > 0) {
    blocks.push(homeDivider(), homeHeader('Recently finished'));
    for (const t of finished) blocks.push(section(finishedTicketLine(t, { showTime: false })));
  }
  return homeView(blocks);
}

function countsBlock(queue: readonly Ticket[], doneLastWeek: number, today: string): KnownBlock {
  const count = (status: Ticket['status']) => queue.filter((t) => t.status === status).length;
  const overdue = queue.filter((t) => isOverdue(t, today)).length;
  const fields = [
    `*New*\n${count('new')}`,
    `*In progress*\n${count('in_progress')}`,
    `*Overdue*\n${overdue > 0 ? `:warning: ${overdue}` : '0'}`,
    `*Done in the last 7 days*\n${doneLastWeek}`,
  ];
  return { type: 'section', fields: fields.map((f) => mrkdwn(f, LIMITS.sectionField)) };
}

function pager(page: number, pages: number): KnownBlock[] {
  const elements: ActionsBlock['elements'] = [];
  // Slack wants action_ids unique within a block, hence a second id for Previous.
  if (page > 0) elements.push(button(ACTION_IDS.homePagePrevious, '← Previous', String(page - 1)));
  if (page < pages - 1) elements.push(button(ACTION_IDS.homePage, 'Next →', String(page + 1)));
  return [context(`Page ${page + 1} of ${pages}`), { type: 'actions', elements }];
}

/**
 * A helper's Home: counts by status, one page of the queue (overdue first, then urgency, due date, age) with each
 * ticket's buttons, paging, the tickets they finished lately and, if any, their own open requests.
 */
export function buildHelperHome(input: HelperHomeInput): HomeView {
  const { today } = input;
  const queue = [...input.openTickets].sort(compareForQueue(today));
  const page = clampPage(input.page, queue.length);
  const pages = Math.max(1, Math.ceil(queue.length / QUEUE_PAGE_SIZE));
  const shown = queue.slice(page * QUEUE_PAGE_SIZE, (page + 1) * QUEUE_PAGE_SIZE);

  const blocks: KnownBlock[] = [homeHeader('Request queue'), countsBlock(queue, input.doneLastWeek, today), homeDivider()];
  blocks.push(homeHeader(`Queue (${queue.length} open)`));
  if (queue.length === 0) blocks.push(section('Nothing waiting — the queue is empty. :tada:'));
  else {
    const from = page * QUEUE_PAGE_SIZE + 1;
    blocks.push(context(`Overdue first, then by urgency, due date and age · ${from}–${from + shown.length - 1} of ${queue.length}`));
  }
  for (const t of shown) blocks.push(section(queueTicketLine(t, today)), buildTicketActions(t));
  if (pages > 1) blocks.push(...pager(page, pages));

  blocks.push(homeDivider(), homeHeader('Your recently finished'));
  const finished = [...input.finishedByMe].sort(byFinishedDesc).slice(0, RECENT_FINISHED);
  if (finished.length === 0) blocks.push(context('Nothing finished yet — tickets you mark Done, Declined or Redirected show up here.'));
  for (const t of finished) blocks.push(section(finishedTicketLine(t, { showTime: true })));

  const own = input.ownRequests.filter((t) => isOpen(t.status)).sort((a, b) => b.number - a.number);
  if (own.length > 0) {
    blocks.push(homeDivider(), homeHeader('Your own requests'));
    for (const t of own.slice(0, OWN_REQUESTS_MAX)) blocks.push(section(requesterTicketLine(t, today)));
    if (own.length > OWN_REQUESTS_MAX) blocks.push(context(`…and ${own.length - OWN_REQUESTS_MAX} more open.`));
  }
  return homeView(blocks);
}
