import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectDailyFigures } from '../../src/app/daily-figures.js';
import { collectWeeklyFigures } from '../../src/app/weekly-figures.js';
import type { Database } from '../../src/db/schema.js';
import { NOW, seedKnownHistory } from '../support/digest-history.js';
import { freshDatabase, type FreshDatabase } from './fresh-database.js';

// The digests must stay fast on a million tickets (npm run bench:digest): no query may read a whole table. SQLite
// plans these queries the same way on a small database as on a big one (the desk never runs ANALYZE), so the plans
// seen here are the plans the bench measures.

let fresh: FreshDatabase;
let sqlite: SQLite.Database;
let db: Kysely<Database>;
const queries: { sql: string; parameters: readonly unknown[] }[] = [];

beforeEach(async () => {
  fresh = await freshDatabase();
  await seedKnownHistory(fresh.db);
  sqlite = new SQLite(fresh.path);
  queries.length = 0;
  db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (e) => void queries.push({ sql: e.query.sql, parameters: e.query.parameters }),
  });
});
afterEach(async () => {
  await db.destroy();
  await fresh.close();
});

const config = { timezone: 'Europe/Berlin' } as never;

function plans() {
  return queries.map((q) => ({
    sql: q.sql,
    steps: sqlite
      .prepare(`explain query plan ${q.sql}`)
      .all(...(q.parameters as unknown[]))
      .map((r) => (r as { detail: string }).detail),
  }));
}

describe('digest queries use indexes', () => {
  it('the weekly digest reads no table whole, and counts by team, category, source and status without sorting rows', async () => {
    await collectWeeklyFigures({ db, config }, NOW);
    const seen = plans();
    expect(seen.length).toBeGreaterThanOrEqual(9);
    for (const { sql, steps } of seen) {
      for (const step of steps) expect(step, sql).not.toMatch(/^SCAN (tickets|ticket_history|offers|h|t)\b/);
      if (sql.startsWith('with recursive')) expect(steps.join('\n'), sql).not.toMatch(/TEMP B-TREE/);
    }
    const all = seen.flatMap((s) => s.steps).join('\n');
    for (const index of ['tickets_team_created', 'tickets_category_created', 'tickets_source_created', 'tickets_status_closed', 'tickets_created_response', 'ticket_history_time_spent', 'offers_source_created']) {
      expect(all).toContain(index);
    }
  });

  it('the daily digest reads no table whole either', async () => {
    await collectDailyFigures({ db, config }, { now: NOW, since: new Date(NOW.getTime() - 86_400_000) });
    for (const { sql, steps } of plans()) for (const step of steps) expect(step, sql).not.toMatch(/^SCAN tickets\b/);
  });
});
