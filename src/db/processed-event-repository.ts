import type { Db } from './database.js';

/** Records an event ID; true the first time it is seen, false for every later delivery (a retry). */
export async function recordEvent(db: Db, eventId: string, at: Date): Promise<boolean> {
  const res = await db
    .insertInto('processed_events')
    .values({ event_id: eventId, received_at: at.toISOString() })
    .onConflict((oc) => oc.column('event_id').doNothing())
    .executeTakeFirst();
  return (res.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

/** Forgets event IDs received before `before`; returns how many. */
export async function pruneEvents(db: Db, before: Date): Promise<number> {
  const res = await db.deleteFrom('processed_events').where('received_at', '<', before.toISOString()).executeTakeFirst();
  return Number(res.numDeletedRows);
}
