import type { Db } from './database.js';

/** What we know of a person's Slack locale: the locale (null when Slack did not say) and when we asked. */
export async function findUserLocale(db: Db, userId: string): Promise<{ locale: string | null; checkedAt: Date } | undefined> {
  const row = await db.selectFrom('user_locales').select(['locale', 'checked_at']).where('user_id', '=', userId).executeTakeFirst();
  return row ? { locale: row.locale, checkedAt: new Date(row.checked_at) } : undefined;
}

/** Remembers a person's Slack locale (or that Slack did not say). */
export async function saveUserLocale(db: Db, userId: string, locale: string | null, at: Date): Promise<void> {
  const checked_at = at.toISOString();
  await db
    .insertInto('user_locales')
    .values({ user_id: userId, locale, checked_at })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ locale, checked_at }))
    .execute();
}
