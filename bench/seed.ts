import { statSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { DEFAULT_CATEGORIES, DEFAULT_TEAMS } from '../src/config.js';
import { migrateToLatest, openDatabase } from '../src/db/database.js';

/** How many people filed the seeded tickets, and over how long. */
const REQUESTERS = 5000;
const SPAN_DAYS = 3 * 365;
const TITLES = ['Update the pricing page', 'Fix the banner on the careers page', 'New slide deck for the QBR', 'Access to the analytics tool', 'Proofread the launch email', 'Replace the logo in the footer'];

/** A SQL expression choosing `values[expr % values.length]`, with the values as quoted literals. */
function sqlPick(expr: string, values: readonly string[]): string {
  const quote = (v: string) => `'${v.replaceAll("'", "''")}'`;
  return `case (${expr}) % ${values.length} ${values.map((v, k) => `when ${k} then ${quote(v)}`).join(' ')} end`;
}

/**
 * One statement generates every row inside SQLite (a recursive counter): crossing from JS into better-sqlite3
 * once per row cost ~14 µs a row here (over 20 s for 1,000,000 tickets, too slow for --quick); this takes ~12 s.
 * Values vary deterministically with the row number (multiplicative hashes), so every run seeds the same data.
 */
const INSERT_TICKETS = `
  -- The per-row values are columns of the recursive counter itself: SQLite stores each counter row once, so they
  -- are computed once per row (a plain subquery would be flattened and its expressions re-run at every use).
  with recursive row(i, requester, source, created, ts, title) as (
    select 0, '', '', '', '', ''
    union all
    select i + 1,
           'U0SEED' || (((i + 1) * 7919) % ${REQUESTERS}),
           case ((i + 1) * 23) % 6 when 0 then 'command' when 1 then 'mention' when 2 then 'mention' else 'dm' end,
           strftime('%Y-%m-%dT%H:%M:%fZ', :start + (i + 1) * :step, 'unixepoch'),
           printf('%d.%06d', :start + (i + 1) * :step, (i + 1) % 1000000),
           ${sqlPick('(i + 1) * 31', TITLES)} || ' ' || (i + 1)
      from row where i < :count)
  insert into tickets (title, details, requester_id, filed_by_id, team, category, urgency, due_date, status, source,
                       source_channel_id, source_ts, source_permalink, triage_channel_id, triage_ts, created_at, updated_at)
  select title,
         'Hi! ' || title || ': the numbers changed last week and the page still shows the old ones. Thanks a lot.',
         requester, requester,
         ${sqlPick('i * 13', DEFAULT_TEAMS)},
         ${sqlPick('i * 17', DEFAULT_CATEGORIES)},
         case (i * 19) % 5 when 0 then 'low' when 1 then 'urgent' else 'normal' end,
         case when (i * 29) % 10 < 3 then substr(created, 1, 10) end,
         -- The last 2% are recent and still open; older ones are mostly done.
         case when i > :count * 0.98 then (case i % 3 when 0 then 'new' when 1 then 'in_progress' else 'done' end)
              else (case (i * 37) % 6 when 0 then 'declined' when 1 then 'redirected' else 'done' end) end,
         source,
         case source when 'command' then null when 'mention' then 'C0GENERAL' else 'D' || substr(requester, 2) end,
         case source when 'command' then null else ts end,
         case source when 'mention' then 'https://acme.slack.com/archives/C0GENERAL/p' || replace(ts, '.', '') end,
         'C0TRIAGE', ts, created, created
    from row where i > 0`;

/**
 * Creates a SQLite file with the real schema (the app's own migrations) and fills it with `fill`, fast: a fixture,
 * not user data, so no journal and no fsync while filling, and a cache big enough for the indexes. The indexes of
 * `tables` are dropped first and re-created afterwards from their own SQL in sqlite_master (a sort, several times
 * faster than updating them row by row), so the schema stays exactly what the migrations made. WAL is restored at
 * the end (the app sets its other pragmas when it opens the file). Returns the seconds it took and the file size.
 */
export async function seedDatabase(
  path: string,
  opts: { tables: readonly string[]; cacheMb: number },
  fill: (sqlite: SQLite.Database) => void,
): Promise<{ seconds: number; megabytes: number }> {
  const started = performance.now();
  const db = openDatabase(path);
  await migrateToLatest(db);
  await db.destroy();
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma(`cache_size = -${opts.cacheMb * 1024}`);
  const indexes = sqlite
    .prepare<unknown[], { name: string; sql: string }>(
      `select name, sql from sqlite_master where type = 'index' and tbl_name in (${opts.tables.map(() => '?').join(', ')}) and sql is not null`,
    )
    .all(...opts.tables);
  sqlite.transaction(() => {
    for (const { name } of indexes) sqlite.exec(`drop index "${name}"`);
    fill(sqlite);
    for (const { sql } of indexes) sqlite.exec(sql);
  })();
  sqlite.pragma('journal_mode = WAL');
  sqlite.close();
  return { seconds: (performance.now() - started) / 1000, megabytes: statSync(path).size / 1024 / 1024 };
}

/**
 * Creates a SQLite file with the real schema holding `count` tickets spread over three years from 5,000 requesters,
 * most of them closed — what a busy desk accumulates. Returns seconds and file size.
 */
export function seedTickets(path: string, count: number): Promise<{ seconds: number; megabytes: number }> {
  const nowSeconds = Math.floor(Date.now() / 1000);
  const spanSeconds = SPAN_DAYS * 86_400;
  return seedDatabase(path, { tables: ['tickets'], cacheMb: 256 }, (sqlite) => {
    sqlite.prepare(INSERT_TICKETS).run({ count, start: nowSeconds - spanSeconds, step: spanSeconds / count });
  });
}
