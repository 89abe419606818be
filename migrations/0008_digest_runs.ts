import { sql, type Kysely } from 'kysely';

/**
 * One row per digest period ('daily' 2026-11-25, 'weekly' 2026-W48): claimed before posting, marked posted after,
 * so a restart never posts twice and of two processes only one posts.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('digest_runs')
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('daily', 'weekly')`))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('posting', 'posted', 'skipped')`))
    .addColumn('scheduled_for', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'text')
    .addColumn('message_ts', 'text')
    .addColumn('posted_at', 'text')
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('digest_runs_pk', ['kind', 'period'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('digest_runs').execute();
}
