import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type MigrationProvider, type SqliteDatabase, type SqliteStatement } from 'kysely';
import { migrations } from '../../migrations/index.js';
import type { Logger } from '../logger.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

/**
 * Durability and concurrency settings, in one place (README: "Data and durability").
 * WAL lets readers run beside the writer; synchronous=NORMAL in WAL mode survives a crash or kill of the
 * process (a committed transaction is in the WAL file); only a power cut can lose the last commits.
 */
const PRAGMAS = ['journal_mode = WAL', 'synchronous = NORMAL', 'foreign_keys = ON', 'busy_timeout = 5000'];

/** Prepared statements kept per SQL text; queries are parameterised, so a few hundred shapes cover the app. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * better-sqlite3 as Kysely's driver sees it, but reusing prepared statements: Kysely prepares every query anew, and
 * preparing was 13% of the bot's CPU time under load (npm run bench). A small LRU keyed by the SQL text.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string): SqliteStatement {
      // Kysely opens transactions with a plain BEGIN, which takes the write lock only at the first write: if another
      // process (a command-line tool) wrote in between, SQLite fails that transaction at once instead of waiting.
      // BEGIN IMMEDIATE takes the lock up front and waits for it (busy_timeout).
      const sql = text === 'begin' ? 'begin immediate' : text;
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql); // re-insert: most recently used last
      } else {
        stmt = sqlite.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}

/** Opens (creating its folder if needed) the SQLite file at `path` with the desk's pragmas. */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  for (const pragma of PRAGMAS) sqlite.pragma(pragma);
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
}

const provider: MigrationProvider = { getMigrations: async () => ({ ...migrations }) };

/** Brings the schema up to date with the migrations in `migrations/`; throws if one fails. */
export async function migrateToLatest(db: Db, logger?: Logger): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  for (const r of results ?? []) {
    if (r.status === 'Success') logger?.info({ migration: r.migrationName }, 'migration applied');
    else if (r.status === 'Error') logger?.error({ migration: r.migrationName }, 'migration failed');
  }
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

/** Opens and migrates the database: what the bot and every command-line tool do first. */
export async function openMigratedDatabase(path: string, logger?: Logger): Promise<Db> {
  const db = openDatabase(path);
  try {
    await migrateToLatest(db, logger);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return db;
}
