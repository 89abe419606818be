import { sql, type Kysely } from 'kysely';

/**
 * The helpers' workflow: who works on a ticket, time spent, when it first got a response and when it closed; and two
 * more ways in (a message shortcut, a :ticket: reaction). SQLite cannot change a CHECK constraint in place, so the
 * table is rebuilt (https://www.sqlite.org/lang_altertable.html#otheralter), keeping every number and the
 * AUTOINCREMENT counter.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Foreign keys must be off while the parent table is swapped (a pragma that only works outside a transaction).
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      const seq = await sql<{ seq: number }>`select seq from sqlite_sequence where name = 'tickets'`.execute(trx);
      await sql`create table tickets_new (
        number integer primary key autoincrement,
        title text not null,
        details text not null default '',
        requester_id text not null,
        filed_by_id text not null,
        team text not null,
        category text not null,
        urgency text not null check (urgency in ('low', 'normal', 'urgent')),
        due_date text,
        status text not null default 'new' check (status in ('new', 'in_progress', 'done', 'declined', 'redirected')),
        source text not null check (source in ('dm', 'mention', 'command', 'shortcut', 'reaction')),
        source_channel_id text,
        source_ts text,
        source_permalink text,
        triage_channel_id text,
        triage_ts text,
        created_at text not null,
        updated_at text not null,
        assignee_id text,
        minutes_spent integer not null default 0,
        first_response_at text,
        closed_at text
      )`.execute(trx);
      await sql`insert into tickets_new (number, title, details, requester_id, filed_by_id, team, category, urgency,
          due_date, status, source, source_channel_id, source_ts, source_permalink, triage_channel_id, triage_ts,
          created_at, updated_at)
        select number, title, details, requester_id, filed_by_id, team, category, urgency,
          due_date, status, source, source_channel_id, source_ts, source_permalink, triage_channel_id, triage_ts,
          created_at, updated_at
        from tickets`.execute(trx);
      await sql`drop table tickets`.execute(trx);
      await sql`alter table tickets_new rename to tickets`.execute(trx);
      const last = seq.rows[0]?.seq ?? 0;
      await sql`update sqlite_sequence set seq = max(seq, ${last}) where name = 'tickets'`.execute(trx);
      await trx.schema.createIndex('tickets_requester').on('tickets').columns(['requester_id', 'created_at']).execute();
      await trx.schema.createIndex('tickets_status').on('tickets').columns(['status', 'created_at']).execute();
      await trx.schema.createIndex('tickets_created').on('tickets').column('created_at').execute();
      await trx.schema.createIndex('tickets_assignee').on('tickets').columns(['assignee_id', 'status']).execute();
      // A message becomes at most one ticket by reaction, however often it is reacted to.
      await sql`create unique index tickets_reaction_source on tickets (source_channel_id, source_ts) where source = 'reaction'`.execute(trx);
      const broken = await sql`pragma foreign_key_check`.execute(trx);
      if (broken.rows.length > 0) throw new Error(`foreign keys broken by the tickets rebuild: ${JSON.stringify(broken.rows)}`);
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('0006_ticket_workflow cannot be undone: restore a backup instead');
}
