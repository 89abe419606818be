import type { LockHolder } from '../core/worker-lock.js';
import type { Db } from './database.js';

/** The current holder of the named lock, if any. */
export async function findLockHolder(db: Db, name: string): Promise<LockHolder | undefined> {
  const row = await db.selectFrom('worker_locks').selectAll().where('name', '=', name).executeTakeFirst();
  return row ? { owner: row.owner, host: row.host, pid: row.pid, heartbeatAt: new Date(row.heartbeat_at) } : undefined;
}

/**
 * Takes the lock for `me` if its holder is still `seenOwner` (undefined: nobody held it). Compare-and-set, so two
 * processes deciding at once cannot both win. Returns whether `me` holds it now.
 */
export async function takeLock(
  db: Db,
  name: string,
  me: { owner: string; host: string; pid: number },
  seenOwner: string | undefined,
  at: Date,
): Promise<boolean> {
  const row = { name, owner: me.owner, host: me.host, pid: me.pid, heartbeat_at: at.toISOString() };
  const res = await db
    .insertInto('worker_locks')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ owner: me.owner, host: me.host, pid: me.pid, heartbeat_at: row.heartbeat_at })
        .where('worker_locks.owner', '=', seenOwner ?? '\u0000none'),
    )
    .executeTakeFirst();
  return (res.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

/** Refreshes our heartbeat; false if someone else holds the lock now. */
export async function renewLock(db: Db, name: string, owner: string, at: Date): Promise<boolean> {
  const res = await db
    .updateTable('worker_locks')
    .set({ heartbeat_at: at.toISOString() })
    .where('name', '=', name)
    .where('owner', '=', owner)
    .executeTakeFirst();
  return res.numUpdatedRows > 0n;
}

/** Gives the lock up, if we hold it. */
export async function releaseLock(db: Db, name: string, owner: string): Promise<void> {
  await db.deleteFrom('worker_locks').where('name', '=', name).where('owner', '=', owner).execute();
}
