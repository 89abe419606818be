import type { TicketStatus } from '../core/ticket.js';
import type { Db } from './database.js';

/** What happened to a ticket. */
export type HistoryAction = 'created' | 'started' | 'done' | 'declined' | 'redirected' | 'reopened' | 'rescheduled';

/** One entry of a ticket's history: who did what, when, from which state to which. */
export interface HistoryEntry {
  ticketNumber: number;
  at: Date;
  actorId: string;
  action: HistoryAction;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus | null;
  note?: string | null;
  minutesSpent?: number | null;
}

/** Appends an entry to a ticket's history. */
export async function insertHistory(db: Db, e: HistoryEntry): Promise<void> {
  await db
    .insertInto('ticket_history')
    .values({
      ticket_number: e.ticketNumber,
      at: e.at.toISOString(),
      actor_id: e.actorId,
      action: e.action,
      from_status: e.fromStatus,
      to_status: e.toStatus,
      note: e.note ?? null,
      minutes_spent: e.minutesSpent ?? null,
    })
    .execute();
}

/** A ticket's history, oldest first. */
export async function listHistory(db: Db, ticketNumber: number) {
  return db.selectFrom('ticket_history').selectAll().where('ticket_number', '=', ticketNumber).orderBy('id').execute();
}
