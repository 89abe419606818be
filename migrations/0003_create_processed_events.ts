import { sql, type Kysely } from 'kysely';

/** Event IDs already handled, so Slack's retries (X-Slack-Retry-Num) are answered once, across restarts too. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('processed_events')
    .addColumn('event_id', 'text', (c) => c.primaryKey())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .modifyEnd(sql`without rowid`)
    .execute();
  await db.schema.createIndex('processed_events_received').on('processed_events').column('received_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('processed_events').execute();
}
