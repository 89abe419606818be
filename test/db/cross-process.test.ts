import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openMigratedDatabase, type Db } from '../../src/db/database.js';
import { tempDir } from '../support/harness.js';

let cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup) await fn();
  cleanup = [];
});

/** Another process that holds SQLite's write lock for `ms` (as a command-line tool writing would). */
function writerProcess(path: string, ms: number): Promise<void> {
  const script = `
    const SQLite = require(${JSON.stringify(require.resolve('better-sqlite3'))});
    const db = new SQLite(${JSON.stringify(path)});
    db.exec('begin immediate');
    db.prepare("insert into processed_events (event_id, received_at) values ('EvOther', '2026-11-25T00:00:00Z')").run();
    process.stdout.write('locked\\n');
    setTimeout(() => { db.exec('commit'); db.close(); }, ${ms});`;
  const child = spawn(process.execPath, ['-e', script]);
  cleanup.push(() => child.kill());
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('error', reject);
  });
}

describe('transactions with another process on the same file', () => {
  it('wait for the other writer instead of failing (BEGIN IMMEDIATE)', async () => {
    const dir = tempDir();
    cleanup.push(() => dir.remove());
    const path = join(dir.path, 'desk.db');
    const db: Db = await openMigratedDatabase(path);
    cleanup.unshift(() => db.destroy());
    await writerProcess(path, 300);
    const started = Date.now();
    // Reads then writes, like the offer policy: with a plain BEGIN the write would fail with SQLITE_BUSY.
    await db.transaction().execute(async (trx) => {
      await sql`select count(*) from processed_events`.execute(trx);
      await trx.insertInto('processed_events').values({ event_id: 'EvOurs', received_at: '2026-11-25T00:00:01Z' }).execute();
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect((await db.selectFrom('processed_events').select('event_id').orderBy('event_id').execute()).map((r) => r.event_id)).toEqual(['EvOther', 'EvOurs']);
  });
});
