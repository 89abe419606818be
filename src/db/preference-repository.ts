import type { Db } from './database.js';

/** The team this person chose on their last ticket, if any. */
export async function findRememberedTeam(db: Db, userId: string): Promise<string | undefined> {
  const row = await db.selectFrom('requester_preferences').select('team').where('user_id', '=', userId).executeTakeFirst();
  return row?.team ?? undefined;
}

/** Remembers this person's team for their next ticket. */
export async function rememberTeam(db: Db, userId: string, team: string, at: Date): Promise<void> {
  await db
    .insertInto('requester_preferences')
    .values({ user_id: userId, team, updated_at: at.toISOString() })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ team, updated_at: at.toISOString() }))
    .execute();
}
