import { sql, type Kysely } from 'kysely';

/**
 * Digests and reports: the link to each ticket's triage card (the daily digest links every line to it), and the
 * indexes that keep the weekly digest's queries fast on a million tickets (`npm run bench:digest`). The covering
 * indexes hold every column their query reads, so SQLite answers from the index alone without visiting the table.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tickets').addColumn('triage_permalink', 'text').execute();
  // Per week by team, category and source: a loose index scan walks the values, then one range count per week.
  for (const column of ['team', 'category', 'source']) {
    await db.schema.createIndex(`tickets_${column}_created`).on('tickets').columns([column, 'created_at']).execute();
  }
  // Finished, declined and redirected per week; time to done; what was still open at a week's end.
  await db.schema.createIndex('tickets_status_closed').on('tickets').columns(['status', 'closed_at', 'created_at']).execute();
  // Time to first response of a week's tickets.
  await db.schema.createIndex('tickets_created_response').on('tickets').columns(['created_at', 'first_response_at']).execute();
  // Time spent in a week: only the history entries that recorded time. (The query's `minutes_spent > ?` implies
  // `is not null`, which is what lets SQLite use a partial index with a bound parameter.)
  await sql`create index ticket_history_time_spent on ticket_history (at, ticket_number, minutes_spent) where minutes_spent is not null`.execute(db);
  // Offers per week by source, and how many became tickets.
  await db.schema.createIndex('offers_source_created').on('offers').columns(['source', 'created_at', 'outcome']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const indexes = ['offers_source_created', 'ticket_history_time_spent', 'tickets_created_response', 'tickets_status_closed'];
  for (const index of [...indexes, 'tickets_source_created', 'tickets_category_created', 'tickets_team_created']) {
    await db.schema.dropIndex(index).execute();
  }
  await db.schema.alterTable('tickets').dropColumn('triage_permalink').execute();
}
