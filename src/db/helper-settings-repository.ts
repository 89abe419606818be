import type { Db } from './database.js';

/** Until when the helper is in focus time, if they switched it on. */
export async function findFocusUntil(db: Db, userId: string): Promise<Date | undefined> {
  const row = await db.selectFrom('helper_settings').select('focus_until').where('user_id', '=', userId).executeTakeFirst();
  return row?.focus_until ? new Date(row.focus_until) : undefined;
}

/** Switches focus time on until `until`, or off (`null`). */
export async function setFocusUntil(db: Db, userId: string, until: Date | null, at: Date): Promise<void> {
  const focus_until = until ? until.toISOString() : null;
  await db
    .insertInto('helper_settings')
    .values({ user_id: userId, focus_until, updated_at: at.toISOString() })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ focus_until, updated_at: at.toISOString() }))
    .execute();
}
