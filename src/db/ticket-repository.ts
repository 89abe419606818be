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
    triageChannelId: row.triage_channel_id,
    triageTs: row.triage_ts,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
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
      triage_channel_id: null,
      triage_ts: null,
      created_at: at,
      updated_at: at,
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

/** Stores the link to the message the ticket came from. */
export async function setSourcePermalink(db: Db, number: number, permalink: string): Promise<void> {
  await db.updateTable('tickets').set({ source_permalink: permalink }).where('number', '=', number).execute();
}
