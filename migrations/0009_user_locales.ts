import type { Kysely } from 'kysely';

/** Each person's Slack locale, looked up once (users.info) and kept, so the bot speaks their language. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('user_locales')
    .addColumn('user_id', 'text', (c) => c.primaryKey())
    .addColumn('locale', 'text')
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('user_locales').execute();
}
