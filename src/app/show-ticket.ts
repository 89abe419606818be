import { calendarDate } from '../core/dates.js';
import type { Ticket } from '../core/ticket.js';
import { listHistory, type HistoryAction } from '../db/ticket-history-repository.js';
import { findTicket } from '../db/ticket-repository.js';
import type { Deps } from './deps.js';

/** One line of a ticket's history, as `/request #N` shows it. */
export interface HistoryItem {
  at: Date;
  actorId: string;
  action: HistoryAction;
  note: string | null;
  minutesSpent: number | null;
}

/** A ticket as `/request #N` shows it, and to whom. */
export interface TicketDetail {
  ticket: Ticket;
  history: HistoryItem[];
  viewerIsHelper: boolean;
  /** YYYY-MM-DD in the desk's time zone, for the overdue marker. */
  today: string;
}

/** The ticket to show, or why it is not shown. */
export type ShowTicketOutcome = ({ ok: true } & TicketDetail) | { ok: false; reason: 'not_found' | 'not_yours'; number: number };

/** One ticket with its history — only for its requester or a helper (PRODUCT.md: nobody else sees a ticket). */
export async function showTicket(deps: Pick<Deps, 'db' | 'clock' | 'config'>, input: { userId: string; number: number }): Promise<ShowTicketOutcome> {
  const { db, config } = deps;
  const ticket = await findTicket(db, input.number);
  if (!ticket) return { ok: false, reason: 'not_found', number: input.number };
  const viewerIsHelper = config.helperUserIds.includes(input.userId);
  if (!viewerIsHelper && ticket.requesterId !== input.userId) return { ok: false, reason: 'not_yours', number: input.number };
  const rows = await listHistory(db, ticket.number);
  const history = rows.map(
    (r): HistoryItem => ({ at: new Date(r.at), actorId: r.actor_id, action: r.action as HistoryAction, note: r.note, minutesSpent: r.minutes_spent }),
  );
  return { ok: true, ticket, history, viewerIsHelper, today: calendarDate(deps.clock.now(), config.timezone) };
}
