import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openMigratedDatabase, type Db } from '../../src/db/database.js';
import { insertTicket } from '../../src/db/ticket-repository.js';
import { migrations } from '../../migrations/index.js';
import { freshDatabase, newTicket, T0, type FreshDatabase } from './fresh-database.js';

const TABLES = ['offers', 'outbox', 'processed_events', 'requester_preferences', 'ticket_history', 'tickets', 'worker_locks'];

async function tableNames(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(db);
  return rows.map((r) => r.name);
}

async function pragma<T>(db: Db, name: string): Promise<T> {
  const { rows } = await sql.raw<Record<string, T>>(`pragma ${name}`).execute(db);
  // One row with one column (named after the pragma, except busy_timeout's "timeout").
  return Object.values(rows[0] ?? {})[0] as T;
}

async function appliedMigrations(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.map((r) => r.name);
}

describe('migrations on a database file', () => {
  let fresh: FreshDatabase;
  beforeEach(async () => {
    fresh = await freshDatabase();
  });
  afterEach(async () => {
    await fresh.close();
  });

  it('creates every table and records every migration', async () => {
    const names = await tableNames(fresh.db);
    for (const table of TABLES) expect(names).toContain(table);
    expect(await appliedMigrations(fresh.db)).toEqual(Object.keys(migrations).sort());
  });

  it('runs in WAL mode with foreign keys on, NORMAL sync and a busy timeout', async () => {
    expect(await pragma<string>(fresh.db, 'journal_mode')).toBe('wal');
    expect(await pragma<number>(fresh.db, 'foreign_keys')).toBe(1);
    expect(await pragma<number>(fresh.db, 'synchronous')).toBe(1);
    expect(await pragma<number>(fresh.db, 'busy_timeout')).toBe(5000);
  });

  it('enforces foreign keys', async () => {
    await expect(
      fresh.db
        .insertInto('ticket_history')
        .values({ ticket_number: 999, at: T0.toISOString(), actor_id: 'U1', action: 'created', from_status: null, to_status: 'new', note: null, minutes_spent: null })
        .execute(),
    ).rejects.toThrow(/FOREIGN KEY/);
  });

  it('enforces the check constraints', async () => {
    await expect(insertTicket(fresh.db, newTicket({ urgency: 'whenever' as never }))).rejects.toThrow(/CHECK/);
  });

  it('running migrateToLatest again changes nothing', async () => {
    const before = await sql<{ sql: string }>`select sql from sqlite_master order by name`.execute(fresh.db);
    const ticket = await insertTicket(fresh.db, newTicket());
    await migrateToLatest(fresh.db);
    await migrateToLatest(fresh.db);
    const after = await sql<{ sql: string }>`select sql from sqlite_master order by name`.execute(fresh.db);
    expect(after.rows).toEqual(before.rows);
    expect(await appliedMigrations(fresh.db)).toEqual(Object.keys(migrations).sort());
    const { rows } = await sql<{ n: number }>`select count(*) as n from tickets`.execute(fresh.db);
    expect(rows[0]?.n).toBe(1);
    expect(ticket.number).toBe(1);
  });
});

describe('migrations in memory', () => {
  it('opens and migrates :memory: and stores tickets', async () => {
    const db = await openMigratedDatabase(':memory:');
    try {
      const names = await tableNames(db);
      for (const table of TABLES) expect(names).toContain(table);
      expect(await pragma<string>(db, 'journal_mode')).toBe('memory');
      expect(await pragma<number>(db, 'foreign_keys')).toBe(1);
      expect((await insertTicket(db, newTicket())).number).toBe(1);
      expect((await insertTicket(db, newTicket())).number).toBe(2);
    } finally {
      await db.destroy();
    }
  });

  it('gives each :memory: database its own data', async () => {
    const a = await openMigratedDatabase(':memory:');
    const b = await openMigratedDatabase(':memory:');
    try {
      await insertTicket(a, newTicket());
      await insertTicket(a, newTicket());
      expect((await insertTicket(b, newTicket())).number).toBe(1);
    } finally {
      await a.destroy();
      await b.destroy();
    }
  });
});

describe('0006_ticket_workflow on a database with data', () => {
  it('rebuilds the tickets table keeping every row, every reference and the numbering', async () => {
    const { Migrator } = await import('kysely');
    const { openDatabase } = await import('../../src/db/database.js');
    const { tempDir } = await import('../support/harness.js');
    const dir = tempDir();
    const db = openDatabase(`${dir.path}/old.db`);
    try {
      const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ ...migrations }) } });
      expect((await migrator.migrateTo('0005_create_worker_lock')).error).toBeUndefined();
      // Three tickets the old way; the highest is deleted, so only the AUTOINCREMENT counter remembers #3.
      for (const title of ['one', 'two', 'three']) {
        await sql`insert into tickets (title, details, requester_id, filed_by_id, team, category, urgency, source, created_at, updated_at)
                  values (${title}, '', 'UA', 'UA', 'Sales', 'Website', 'normal', 'dm', ${T0.toISOString()}, ${T0.toISOString()})`.execute(db);
      }
      await sql`insert into ticket_history (ticket_number, at, actor_id, action) values (2, ${T0.toISOString()}, 'UA', 'created')`.execute(db);
      await sql`insert into offers (user_id, channel_id, message_ts, source, outcome, ticket_number, created_at) values ('UA', 'DA', '1.1', 'dm', 'ticket_filed', 1, ${T0.toISOString()})`.execute(db);
      await sql`delete from tickets where number = 3`.execute(db);

      await migrateToLatest(db);
      expect(await pragma<number>(db, 'foreign_keys')).toBe(1);
      expect((await sql`pragma foreign_key_check`.execute(db)).rows).toEqual([]);
      expect(await db.selectFrom('tickets').select(['number', 'title', 'status', 'minutes_spent', 'assignee_id']).orderBy('number').execute()).toEqual([
        { number: 1, title: 'one', status: 'new', minutes_spent: 0, assignee_id: null },
        { number: 2, title: 'two', status: 'new', minutes_spent: 0, assignee_id: null },
      ]);
      expect(await db.selectFrom('ticket_history').select('ticket_number').execute()).toEqual([{ ticket_number: 2 }]);
      expect((await insertTicket(db, newTicket({ source: 'reaction', sourceChannelId: 'C1', sourceTs: '1.2' }))).number).toBe(4);
      // The reaction index: one ticket per reacted message.
      await expect(insertTicket(db, newTicket({ source: 'reaction', sourceChannelId: 'C1', sourceTs: '1.2' }))).rejects.toThrow(/UNIQUE/);
    } finally {
      await db.destroy();
      dir.remove();
    }
  });
});
