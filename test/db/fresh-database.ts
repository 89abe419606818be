import { join } from 'node:path';
import { openMigratedDatabase, type Db } from '../../src/db/database.js';
import type { NewTicket } from '../../src/db/ticket-repository.js';
import { tempDir } from '../support/harness.js';

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
  const dir = tempDir();
  const path = join(dir.path, 'desk.db');
  const db = await openMigratedDatabase(path);
  return {
    db,
    path,
    close: async () => {
      await db.destroy();
      dir.remove();
    },
  };
}

/** A fixed instant plus `minutes`, for readable timelines. */
export const T0 = new Date('2026-11-25T10:00:00.000Z');
export const at = (minutes: number): Date => new Date(T0.getTime() + minutes * 60_000);

/** A valid new ticket (a `/request` from UALICE at T0), with any fields replaced. */
export function newTicket(overrides: Partial<NewTicket> = {}): NewTicket {
  return {
    title: 'Banner',
    details: '',
    category: 'Web',
    team: 'Sales',
    dueDate: null,
    urgency: 'normal',
    requesterId: 'UALICE',
    filedById: 'UALICE',
    source: 'command',
    sourceChannelId: null,
    sourceTs: null,
    sourcePermalink: null,
    inboxOwnerId: null,
    createdAt: T0,
    ...overrides,
  };
}
