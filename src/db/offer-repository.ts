import { sql } from 'kysely';
import type { OfferOutcome } from '../core/offer-policy.js';
import type { Db } from './database.js';
import type { OfferRow } from './schema.js';

/** A ticket offer made in reply to a DM or @mention. */
export interface Offer {
  id: number;
  userId: string;
  channelId: string;
  messageTs: string;
  threadTs: string | null;
  source: 'dm' | 'mention';
  text: string | null;
  permalink: string | null;
  outcome: OfferOutcome;
  ticketNumber: number | null;
  createdAt: Date;
  resolvedAt: Date | null;
  /** 'bot': a DM or @mention of the bot; 'inbox': an automatic reply in a helper's own inbox. */
  via: 'bot' | 'inbox';
}

function toOffer(row: OfferRow): Offer {
  return {
    id: row.id,
    userId: row.user_id,
    channelId: row.channel_id,
    messageTs: row.message_ts,
    threadTs: row.thread_ts,
    source: row.source as Offer['source'],
    text: row.text,
    permalink: row.permalink,
    outcome: row.outcome as OfferOutcome,
    ticketNumber: row.ticket_number,
    createdAt: new Date(row.created_at),
    resolvedAt: row.resolved_at ? new Date(row.resolved_at) : null,
    via: row.via === 'inbox' ? 'inbox' : 'bot',
  };
}

export type NewOffer = Pick<Offer, 'userId' | 'channelId' | 'messageTs' | 'threadTs' | 'source' | 'text' | 'createdAt'> & {
  via?: Offer['via'];
};

/** Records an offer; returns undefined when this message already has one. */
export async function insertOffer(db: Db, o: NewOffer): Promise<Offer | undefined> {
  const row = await db
    .insertInto('offers')
    .values({
      user_id: o.userId,
      channel_id: o.channelId,
      message_ts: o.messageTs,
      thread_ts: o.threadTs,
      source: o.source,
      text: o.text,
      permalink: null,
      ticket_number: null,
      created_at: o.createdAt.toISOString(),
      resolved_at: null,
      via: o.via ?? 'bot',
    })
    .onConflict((oc) => oc.columns(['channel_id', 'message_ts']).doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ? toOffer(row) : undefined;
}

/** The offer with this id, if any. */
export async function findOffer(db: Db, id: number): Promise<Offer | undefined> {
  const row = await db.selectFrom('offers').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toOffer(row) : undefined;
}

/**
 * What the offer policy needs in one query (this runs for every DM): the latest offer to this person in this
 * conversation, and when they last said "Not a request" anywhere.
 */
export async function findOfferHistory(
  db: Db,
  userId: string,
  channelId: string,
): Promise<{ lastInConversation: Offer | undefined; lastDismissedAt: Date | undefined }> {
  const { rows } = await sql<Partial<OfferRow> & { dismissed_at: string | null }>`
    select d.dismissed_at, o.*
      from (select max(resolved_at) as dismissed_at from offers where user_id = ${userId} and outcome = 'not_a_request') d
      left join (select * from offers where user_id = ${userId} and channel_id = ${channelId} order by id desc limit 1) o on 1 = 1`.execute(db);
  const row = rows[0];
  return {
    lastInConversation: row?.id !== undefined && row.id !== null ? toOffer(row as OfferRow) : undefined,
    lastDismissedAt: row?.dismissed_at ? new Date(row.dismissed_at) : undefined,
  };
}

/** Marks the offer as turned into a ticket; the ask's text now lives in the ticket. */
export async function markOfferFiled(db: Db, id: number, ticketNumber: number, at: Date): Promise<void> {
  await db
    .updateTable('offers')
    .set({ outcome: 'ticket_filed', ticket_number: ticketNumber, text: null, resolved_at: at.toISOString() })
    .where('id', '=', id)
    .execute();
}

/** Marks the offer as "Not a request" and forgets the message text. Returns false if it was already filed. */
export async function markOfferDismissed(db: Db, id: number, at: Date): Promise<boolean> {
  const res = await db
    .updateTable('offers')
    .set({ outcome: 'not_a_request', text: null, resolved_at: at.toISOString() })
    .where('id', '=', id)
    .where('outcome', 'in', ['pending', 'ignored'])
    .executeTakeFirst();
  return res.numUpdatedRows > 0n;
}

/** Marks offers nobody acted on within the cooldown as ignored (the button still works). Returns how many. */
export async function expireOffers(db: Db, createdBefore: Date, at: Date): Promise<number> {
  const res = await db
    .updateTable('offers')
    .set({ outcome: 'ignored', resolved_at: at.toISOString() })
    .where('outcome', '=', 'pending')
    .where('created_at', '<', createdBefore.toISOString())
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Forgets the text of asks made before `createdBefore` that never became tickets. Returns how many. */
export async function forgetOfferTexts(db: Db, createdBefore: Date): Promise<number> {
  const res = await db
    .updateTable('offers')
    .set({ text: null })
    .where('text', 'is not', null)
    .where('created_at', '<', createdBefore.toISOString())
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** The offer made in reply to this message, if any. */
export async function findOfferByMessage(db: Db, channelId: string, messageTs: string): Promise<Offer | undefined> {
  const row = await db.selectFrom('offers').selectAll().where('channel_id', '=', channelId).where('message_ts', '=', messageTs).executeTakeFirst();
  return row ? toOffer(row) : undefined;
}
