import { sql, type Kysely } from 'kysely';

/**
 * Messages we owe someone, written in the same transaction as the change that causes them and sent by the
 * outbox worker, so a crash or a Slack outage never loses one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (c) => c.notNull())
    // Messages with the same key (one conversation, one ticket card) go out in order.
    .addColumn('ordering_key', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('pending').check(sql`status in ('pending', 'sending', 'sent', 'failed')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('result', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await sql`create index outbox_unsent_by_key on outbox (ordering_key, id) where status in ('pending', 'sending')`.execute(db);
  await sql`create index outbox_unsent_due on outbox (next_attempt_at) where status in ('pending', 'sending')`.execute(db);
  await db.schema.createIndex('outbox_status').on('outbox').columns(['status', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('outbox').execute();
}
