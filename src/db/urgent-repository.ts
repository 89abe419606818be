import type { Db } from './database.js';

/** How many "It's urgent" this person pressed on this (local) day. */
export async function countUrgentOn(db: Db, userId: string, localDate: string): Promise<number> {
  const row = await db
    .selectFrom('urgent_escalations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('local_date', '=', localDate)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Records an "It's urgent"; false when this offer was already escalated (a double click). */
export async function insertUrgent(db: Db, e: { userId: string; offerId: number; localDate: string; at: Date }): Promise<boolean> {
  const res = await db
    .insertInto('urgent_escalations')
    .values({ user_id: e.userId, offer_id: e.offerId, local_date: e.localDate, at: e.at.toISOString() })
    .onConflict((oc) => oc.column('offer_id').doNothing())
    .executeTakeFirst();
  return (res.numInsertedOrUpdatedRows ?? 0n) > 0n;
}
