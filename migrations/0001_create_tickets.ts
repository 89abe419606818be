import { sql, type Kysely } from 'kysely';

/** Tickets, numbered 1, 2, 3… by AUTOINCREMENT (never reused), and their history: the evidence trail. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tickets')
    .addColumn('number', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('requester_id', 'text', (c) => c.notNull())
    .addColumn('filed_by_id', 'text', (c) => c.notNull())
    .addColumn('team', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull().check(sql`urgency in ('low', 'normal', 'urgent')`))
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('new').check(sql`status in ('new', 'in_progress', 'done', 'declined', 'redirected')`),
    )
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('dm', 'mention', 'command')`))
    .addColumn('source_channel_id', 'text')
    .addColumn('source_ts', 'text')
    .addColumn('source_permalink', 'text')
    .addColumn('triage_channel_id', 'text')
    .addColumn('triage_ts', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tickets_requester').on('tickets').columns(['requester_id', 'created_at']).execute();
  await db.schema.createIndex('tickets_status').on('tickets').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('tickets_created').on('tickets').column('created_at').execute();

  await db.schema
    .createTable('ticket_history')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('ticket_number', 'integer', (c) => c.notNull().references('tickets.number'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('note', 'text')
    .addColumn('minutes_spent', 'integer')
    .execute();
  await db.schema.createIndex('ticket_history_ticket').on('ticket_history').columns(['ticket_number', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ticket_history').execute();
  await db.schema.dropTable('tickets').execute();
}
