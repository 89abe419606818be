import type { Kysely } from 'kysely';

/**
 * Which process sends the outbox. One at a time, so a message in flight is never sent twice by two processes; a
 * restarted bot can tell that the previous holder is gone and resume its messages at once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('worker_locks')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('pid', 'integer', (c) => c.notNull())
    .addColumn('heartbeat_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('worker_locks').execute();
}
