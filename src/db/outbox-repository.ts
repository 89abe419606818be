import type { Db } from './database.js';
import type { OutboxRow } from './schema.js';

/** Stores messages to send, due now. */
export async function insertOutboxRows(
  db: Db,
  rows: { kind: string; orderingKey: string; payload: string }[],
  at: Date,
): Promise<void> {
  if (rows.length === 0) return;
  const now = at.toISOString();
  await db
    .insertInto('outbox')
    .values(rows.map((r) => ({ kind: r.kind, ordering_key: r.orderingKey, payload: r.payload, next_attempt_at: now, created_at: now })))
    .execute();
}

/** Of these ordering keys, the ones that already have a message of this kind waiting (not yet being sent). */
export async function findWaitingKeys(db: Db, kind: string, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .selectFrom('outbox')
    .select('ordering_key')
    .where('status', '=', 'pending')
    .where('kind', '=', kind)
    .where('ordering_key', 'in', keys)
    .execute();
  return new Set(rows.map((r) => r.ordering_key));
}

/** How many unsent messages a claim looks at: the heads of that many conversations at most. */
const CLAIM_SCAN = 500;

/**
 * Claims up to `limit` messages that are due, leasing them until `leaseUntil`: pending ones whose time has come, and
 * ones whose sender died mid-send (lease expired). Only the first unsent message of each conversation (ordering key)
 * is eligible, so each conversation keeps its order even while an earlier message waits for a retry. One
 * transaction; the outbox lock makes the worker that calls this the only one.
 */
export async function claimDueRows(db: Db, opts: { now: Date; leaseUntil: Date; limit: number }): Promise<OutboxRow[]> {
  const now = opts.now.toISOString();
  return db.transaction().execute(async (trx) => {
    const unsent = await trx
      .selectFrom('outbox')
      .select(['id', 'ordering_key', 'status', 'next_attempt_at', 'lease_until'])
      .where('status', 'in', ['pending', 'sending'])
      .orderBy('id')
      .limit(CLAIM_SCAN)
      .execute();
    const heads = new Set<string>();
    const due: number[] = [];
    for (const row of unsent) {
      if (heads.has(row.ordering_key)) continue;
      heads.add(row.ordering_key);
      const ready = row.status === 'pending' ? row.next_attempt_at <= now : (row.lease_until ?? '') <= now;
      if (ready) due.push(row.id);
      if (due.length >= opts.limit) break;
    }
    if (due.length === 0) return [];
    return trx
      .updateTable('outbox')
      .set((eb) => ({ status: 'sending', attempts: eb('attempts', '+', 1), lease_until: opts.leaseUntil.toISOString() }))
      .where('id', 'in', due)
      .returningAll()
      .execute();
  });
}

/** Marks several messages sent in one statement. */
export async function markRowsSent(db: Db, ids: readonly number[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('outbox')
    .set({ status: 'sent', sent_at: at.toISOString(), lease_until: null, last_error: null })
    .where('id', 'in', ids)
    .execute();
}

/** Puts a message back in line for another try at `retryAt`. */
export async function scheduleRowRetry(db: Db, id: number, opts: { retryAt: Date; error: string }): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ status: 'pending', lease_until: null, next_attempt_at: opts.retryAt.toISOString(), last_error: opts.error })
    .where('id', '=', id)
    .execute();
}

/** Gives up on a message: it stays in the table, marked failed, with the reason. */
export async function markRowFailed(db: Db, id: number, error: string): Promise<void> {
  await db.updateTable('outbox').set({ status: 'failed', lease_until: null, last_error: error }).where('id', '=', id).execute();
}

/** Deletes sent messages older than `before`; failed ones are kept for helpers to see. Returns how many. */
export async function pruneSentRows(db: Db, before: Date): Promise<number> {
  const res = await db.deleteFrom('outbox').where('status', '=', 'sent').where('sent_at', '<', before.toISOString()).executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** Puts messages a dead sender had claimed back in line (only the lock holder may do this). Returns how many. */
export async function releaseAbandonedRows(db: Db): Promise<number> {
  const res = await db
    .updateTable('outbox')
    .set({ status: 'pending', lease_until: null })
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}
