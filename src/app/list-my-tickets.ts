import { calendarDate } from '../core/dates.js';
import type { Ticket } from '../core/ticket.js';
import { isOpen } from '../core/ticket-workflow.js';
import { listTicketsOf } from '../db/ticket-repository.js';
import type { Deps } from './deps.js';

/** The most tickets `/request list` shows: open ones first, then the most recently finished. */
export const MY_TICKETS_MAX = 15;
// A person's newest tickets, enough to find every open one in practice (the Home tab loads as many).
const LOADED = 200;

/** A person's tickets as `/request list` shows them. */
export interface MyTickets {
  /** Open tickets, newest first, at most MY_TICKETS_MAX. */
  open: Ticket[];
  /** How many open tickets there are in all. */
  openTotal: number;
  /** The most recently finished, filling the list up to MY_TICKETS_MAX. */
  finished: Ticket[];
  /** YYYY-MM-DD in the desk's time zone, for overdue markers. */
  today: string;
}

/** The tickets a person asked for: open ones first (newest first), then the most recently finished ones. */
export async function listMyTickets(deps: Pick<Deps, 'db' | 'clock' | 'config'>, userId: string): Promise<MyTickets> {
  const tickets = await listTicketsOf(deps.db, userId, LOADED);
  const open = tickets.filter((t) => isOpen(t.status)).sort((a, b) => b.number - a.number);
  const finishedAt = (t: Ticket) => (t.closedAt ?? t.updatedAt).getTime();
  const finished = tickets.filter((t) => !isOpen(t.status)).sort((a, b) => finishedAt(b) - finishedAt(a) || b.number - a.number);
  const shown = open.slice(0, MY_TICKETS_MAX);
  return {
    open: shown,
    openTotal: open.length,
    finished: finished.slice(0, MY_TICKETS_MAX - shown.length),
    today: calendarDate(deps.clock.now(), deps.config.timezone),
  };
}
