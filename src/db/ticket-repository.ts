import { CLOSED_STATUSES, OPEN_STATUSES } from '../core/ticket-workflow.js';
import type { Ticket, TicketDraft, TicketSource, TicketStatus, Urgency } from '../core/ticket.js';
import type { Db } from './database.js';
import type { TicketRow } from './schema.js';

/** What a new ticket needs beyond the form: who, where it came from, when. */
export interface NewTicket extends TicketDraft {
  requesterId: string;
  filedById: string;
  source: TicketSource;
  sourceChannelId: string | null;
  sourceTs: string | null;
  sourcePermalink: string | null;
  /** Whose inbox the ask came from, when the inbox guard answered it. */
  inboxOwnerId?: string | null | undefined;
  createdAt: Date;
}

function toTicket(row: TicketRow): Ticket {
  return {
    number: row.number,
    title: row.title,
    details: row.details,
    requesterId: row.requester_id,
    filedById: row.filed_by_id,
    team: row.team,
    category: row.category,
    urgency: row.urgency as Urgency,
    dueDate: row.due_date,
    status: row.status as TicketStatus,
    source: row.source as TicketSource,
    sourceChannelId: row.source_channel_id,
    sourceTs: row.source_ts,
    sourcePermalink: row.source_permalink,
    inboxOwnerId: row.inbox_owner_id,
    triageChannelId: row.triage_channel_id,
    triageTs: row.triage_ts,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    assigneeId: row.assignee_id,
    minutesSpent: row.minutes_spent,
    firstResponseAt: row.first_response_at ? new Date(row.first_response_at) : null,
    closedAt: row.closed_at ? new Date(row.closed_at) : null,
  };
}

/** Stores a new ticket with status `new` and returns it with its number. */
export async function insertTicket(db: Db, t: NewTicket): Promise<Ticket> {
  const at = t.createdAt.toISOString();
  const row = await db
    .insertInto('tickets')
    .values({
      title: t.title,
      details: t.details,
      requester_id: t.requesterId,
      filed_by_id: t.filedById,
      team: t.team,
      category: t.category,
      urgency: t.urgency,
      due_date: t.dueDate,
      source: t.source,
      source_channel_id: t.sourceChannelId,
      source_ts: t.sourceTs,
      source_permalink: t.sourcePermalink,
      inbox_owner_id: t.inboxOwnerId ?? null,
      triage_channel_id: null,
      triage_ts: null,
      created_at: at,
      updated_at: at,
      assignee_id: null,
      first_response_at: null,
      closed_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toTicket(row);
}

/** The ticket with this number, if there is one. */
export async function findTicket(db: Db, number: number): Promise<Ticket | undefined> {
  const row = await db.selectFrom('tickets').selectAll().where('number', '=', number).executeTakeFirst();
  return row ? toTicket(row) : undefined;
}

/** Remembers where the ticket's triage card was posted, so it can be updated in place. */
export async function setTriageMessage(db: Db, number: number, channelId: string, ts: string): Promise<void> {
  await db.updateTable('tickets').set({ triage_channel_id: channelId, triage_ts: ts }).where('number', '=', number).execute();
}

/** Stores the link to the ticket's triage card, which the daily digest links each line to. */
export async function setTriagePermalink(db: Db, number: number, permalink: string): Promise<void> {
  await db.updateTable('tickets').set({ triage_permalink: permalink }).where('number', '=', number).execute();
}

/** Stores the link to the message the ticket came from. */
export async function setSourcePermalink(db: Db, number: number, permalink: string): Promise<void> {
  await db.updateTable('tickets').set({ source_permalink: permalink }).where('number', '=', number).execute();
}

/** What a helper's action changes on a ticket. */
export interface TicketChange {
  status: TicketStatus;
  assigneeId: string | null;
  dueDate: string | null;
  urgency: Urgency;
  minutesAdded: number;
  at: Date;
}

/**
 * Applies a change only if the ticket is still in `expectedStatus` (compare-and-set): of two concurrent clicks,
 * exactly one wins. Returns the updated ticket, or undefined when it had moved on.
 */
export async function changeTicket(db: Db, number: number, expectedStatus: TicketStatus, change: TicketChange): Promise<Ticket | undefined> {
  const at = change.at.toISOString();
  const closed = CLOSED_STATUSES.includes(change.status);
  const row = await db
    .updateTable('tickets')
    .set((eb) => ({
      status: change.status,
      assignee_id: change.assigneeId,
      due_date: change.dueDate,
      urgency: change.urgency,
      minutes_spent: eb('minutes_spent', '+', change.minutesAdded),
      updated_at: at,
      first_response_at: eb.fn.coalesce('first_response_at', eb.val(at)),
      closed_at: closed ? eb.fn.coalesce('closed_at', eb.val(at)) : null,
    }))
    .where('number', '=', number)
    .where('status', '=', expectedStatus)
    .returningAll()
    .executeTakeFirst();
  return row ? toTicket(row) : undefined;
}

/** The ticket made from this message, if any. */
export async function findTicketBySource(db: Db, channelId: string, ts: string): Promise<Ticket | undefined> {
  const row = await db
    .selectFrom('tickets')
    .selectAll()
    .where('source_channel_id', '=', channelId)
    .where('source_ts', '=', ts)
    .orderBy('number')
    .limit(1)
    .executeTakeFirst();
  return row ? toTicket(row) : undefined;
}

/** Every open ticket (new or in progress); the queue is ordered by the caller. */
export async function listOpenTickets(db: Db): Promise<Ticket[]> {
  const rows = await db.selectFrom('tickets').selectAll().where('status', 'in', [...OPEN_STATUSES]).execute();
  return rows.map(toTicket);
}

/** A person's tickets, newest first. */
export async function listTicketsOf(db: Db, requesterId: string, limit: number): Promise<Ticket[]> {
  const rows = await db.selectFrom('tickets').selectAll().where('requester_id', '=', requesterId).orderBy('number', 'desc').limit(limit).execute();
  return rows.map(toTicket);
}

/** Tickets a helper finished (done, declined or redirected) most recently, newest first. */
export async function listClosedBy(db: Db, assigneeId: string, limit: number): Promise<Ticket[]> {
  const rows = await db
    .selectFrom('tickets')
    .selectAll()
    .where('assignee_id', '=', assigneeId)
    .where('status', 'in', [...CLOSED_STATUSES])
    .orderBy('closed_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toTicket);
}

/** How many tickets were marked done at or after `since`. */
export async function countDoneSince(db: Db, since: Date): Promise<number> {
  const row = await db
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'done')
    .where('closed_at', '>=', since.toISOString())
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
