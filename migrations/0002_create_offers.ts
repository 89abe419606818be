import { sql, type Kysely } from 'kysely';

/**
 * Offers ("happy to help once there's a ticket") with their outcome, for the cooldown and for the digest's
 * "how many asks became tickets"; and what we remember about requesters (their team).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('offers')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('message_ts', 'text', (c) => c.notNull())
    .addColumn('thread_ts', 'text')
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('dm', 'mention')`))
    // The ask itself, kept only while it can still become a ticket (privacy: non-requests are not stored).
    .addColumn('text', 'text')
    .addColumn('permalink', 'text')
    .addColumn('outcome', 'text', (c) =>
      c.notNull().defaultTo('pending').check(sql`outcome in ('pending', 'ticket_filed', 'not_a_request', 'ignored')`),
    )
    .addColumn('ticket_number', 'integer', (c) => c.references('tickets.number'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addUniqueConstraint('offers_message', ['channel_id', 'message_ts'])
    .execute();
  await db.schema.createIndex('offers_conversation').on('offers').columns(['user_id', 'channel_id', 'id']).execute();
  await db.schema.createIndex('offers_dismissed').on('offers').columns(['user_id', 'outcome', 'resolved_at']).execute();
  await db.schema.createIndex('offers_outcome').on('offers').columns(['outcome', 'created_at']).execute();

  await db.schema
    .createTable('requester_preferences')
    .addColumn('user_id', 'text', (c) => c.primaryKey())
    .addColumn('team', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('requester_preferences').execute();
  await db.schema.dropTable('offers').execute();
}
