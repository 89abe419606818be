import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openMigratedDatabase, type Db } from '../../src/db/database.js';

/**
 * A migrated SQLite file in its own temporary folder; `close()` destroys the connection (a no-op if the test already
 * did) and removes the folder.
 */
export interface FreshDatabase {
  readonly db: Db;
  readonly path: string;
  close(): Promise<void>;
}

export async function freshDatabase(): Promise<FreshDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'request-desk-db-'));
  const path = join(dir, 'desk.db');
  const db = await openMigratedDatabase(path);
  return {
    db,
    path,
    close: async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fixed instant plus `minutes`, for readable timelines. */
export const T0 = new Date('2026-11-25T10:00:00.000Z');
export const at = (minutes: number): Date => new Date(T0.getTime() + minutes * 60_000);
