import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enqueue, type OutboxMessage } from '../../src/app/outbox.js';
import {
  claimDueRows,
  markRowFailed,
  markRowsSent,
  pruneSentRows,
  scheduleRowRetry,
} from '../../src/db/outbox-repository.js';
import type { OutboxRow } from '../../src/db/schema.js';
import { at, freshDatabase, T0, type FreshDatabase } from './fresh-database.js';

let fresh: FreshDatabase;
beforeEach(async () => {
  fresh = await freshDatabase();
});
afterEach(async () => {
  await fresh.close();
});

const post = (channel: string, text: string): OutboxMessage => ({ kind: 'post', channel, text });

/** How many messages are waiting to be sent (pending or being sent). */
async function countUnsentRows(db: FreshDatabase['db']): Promise<number> {
  const r = await db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('status', 'in', ['pending', 'sending']).executeTakeFirstOrThrow();
  return Number(r.n);
}

async function row(id: number): Promise<OutboxRow> {
  return fresh.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function claim(now: Date, limit = 10, leaseMs = 60_000): Promise<OutboxRow[]> {
  const rows = await claimDueRows(fresh.db, { now, leaseUntil: new Date(now.getTime() + leaseMs), limit });
  return [...rows].sort((a, b) => a.id - b.id);
}

const texts = (rows: OutboxRow[]) => rows.map((r) => (JSON.parse(r.payload) as { text: string }).text);

describe('enqueue', () => {
  it('stores each message as a pending row due at once, keyed by conversation', async () => {
    const messages: OutboxMessage[] = [
      post('C1', 'hello'),
      { kind: 'ephemeral', channel: 'C2', user: 'U1', text: 'psst' },
      { kind: 'replace', target: { kind: 'message', channel: 'D3', ts: '1.2' }, text: 'new' },
      { kind: 'triage_card', ticketNumber: 7, channel: 'CTRIAGE' },
    ];
    await enqueue(fresh.db, messages, T0);
    const rows = await fresh.db.selectFrom('outbox').selectAll().orderBy('id').execute();
    expect(rows.map((r) => [r.kind, r.ordering_key, r.status, r.attempts, r.next_attempt_at, r.created_at])).toEqual([
      ['post', 'C1', 'pending', 0, T0.toISOString(), T0.toISOString()],
      ['ephemeral', 'C2', 'pending', 0, T0.toISOString(), T0.toISOString()],
      ['replace', 'D3', 'pending', 0, T0.toISOString(), T0.toISOString()],
      ['triage_card', 'CTRIAGE', 'pending', 0, T0.toISOString(), T0.toISOString()],
    ]);
    expect(rows.map((r) => JSON.parse(r.payload) as unknown)).toEqual(messages);
  });

  it('writes nothing for an empty list', async () => {
    await enqueue(fresh.db, [], T0);
    expect(await countUnsentRows(fresh.db)).toBe(0);
  });
});

describe('claimDueRows', () => {
  it('claims due pending rows: status sending, attempts + 1, leased', async () => {
    await enqueue(fresh.db, [post('C1', 'a'), post('C2', 'b')], T0);
    const claimed = await claim(at(1));
    expect(claimed.map((r) => [r.id, r.status, r.attempts, r.lease_until])).toEqual([
      [1, 'sending', 1, at(2).toISOString()],
      [2, 'sending', 1, at(2).toISOString()],
    ]);
    expect(await row(1)).toMatchObject({ status: 'sending', attempts: 1, lease_until: at(2).toISOString() });
  });

  it('claims nothing twice while the lease holds', async () => {
    await enqueue(fresh.db, [post('C1', 'a')], T0);
    expect(await claim(T0)).toHaveLength(1);
    expect(await claim(T0)).toEqual([]);
    expect(await claim(new Date(T0.getTime() + 59_999))).toEqual([]);
  });

  it('claims at most `limit` rows, oldest first', async () => {
    await enqueue(fresh.db, ['A', 'B', 'C', 'D', 'E'].map((c) => post(c, c)), T0);
    expect(texts(await claim(T0, 2))).toEqual(['A', 'B']);
    expect(texts(await claim(T0, 2))).toEqual(['C', 'D']);
    expect(texts(await claim(T0, 2))).toEqual(['E']);
  });

  it('does not claim a row while an earlier row with the same key is sending, but claims other keys', async () => {
    await enqueue(fresh.db, [post('C1', 'c1-first'), post('C1', 'c1-second'), post('C2', 'c2-first'), post('C1', 'c1-third')], T0);
    expect(texts(await claim(T0))).toEqual(['c1-first', 'c2-first']);
    expect(await claim(T0)).toEqual([]);
    await markRowsSent(fresh.db, [1], T0);
    expect(texts(await claim(T0))).toEqual(['c1-second']);
    await markRowsSent(fresh.db, [2], T0);
    expect(texts(await claim(T0))).toEqual(['c1-third']);
  });

  it('does not claim a row while an earlier row with the same key is pending (waiting for a retry)', async () => {
    await enqueue(fresh.db, [post('C1', 'first'), post('C1', 'second'), post('C2', 'other')], T0);
    await claim(T0, 1);
    await scheduleRowRetry(fresh.db, 1, { retryAt: at(10), error: 'rate_limited' });
    expect(texts(await claim(at(1)))).toEqual(['other']);
    await markRowsSent(fresh.db, [3], at(1));
    expect(await claim(at(5))).toEqual([]);
    expect(texts(await claim(at(10)))).toEqual(['first']);
    await markRowsSent(fresh.db, [1], at(10));
    expect(texts(await claim(at(10)))).toEqual(['second']);
  });

  it('claims a sending row again once its lease has expired', async () => {
    await enqueue(fresh.db, [post('C1', 'a'), post('C1', 'b')], T0);
    await claim(T0, 10, 60_000);
    expect(await claim(at(0.5))).toEqual([]);
    const again = await claim(at(1));
    expect(again.map((r) => [r.id, r.status, r.attempts, r.lease_until])).toEqual([[1, 'sending', 2, at(2).toISOString()]]);
  });

  it('does not claim rows whose next attempt is in the future', async () => {
    await enqueue(fresh.db, [post('C1', 'later')], at(30));
    await enqueue(fresh.db, [post('C2', 'now')], T0);
    expect(texts(await claim(T0))).toEqual(['now']);
    await markRowsSent(fresh.db, [2], T0);
    expect(await claim(at(29))).toEqual([]);
    expect(texts(await claim(at(30)))).toEqual(['later']);
  });

  it('does not claim sent or failed rows', async () => {
    await enqueue(fresh.db, [post('C1', 'a'), post('C2', 'b')], T0);
    await claim(T0);
    await markRowsSent(fresh.db, [1], T0);
    await markRowFailed(fresh.db, 2, 'channel_not_found');
    expect(await claim(at(100))).toEqual([]);
  });

  it('does not let a failed earlier row block later rows with the same key', async () => {
    await enqueue(fresh.db, [post('C1', 'doomed'), post('C1', 'next')], T0);
    await claim(T0);
    await markRowFailed(fresh.db, 1, 'channel_not_found');
    expect(texts(await claim(T0))).toEqual(['next']);
  });
});

describe('marking rows', () => {
  it('markRowSent records the time and clears the lease and last error', async () => {
    await enqueue(fresh.db, [post('C1', 'a')], T0);
    await claim(T0);
    await scheduleRowRetry(fresh.db, 1, { retryAt: T0, error: 'timeout' });
    await claim(T0);
    await markRowsSent(fresh.db, [1], at(1));
    expect(await row(1)).toMatchObject({ status: 'sent', sent_at: at(1).toISOString(), lease_until: null, last_error: null, attempts: 2 });
  });

  it('scheduleRowRetry puts the row back in line with the error', async () => {
    await enqueue(fresh.db, [post('C1', 'a')], T0);
    await claim(T0);
    await scheduleRowRetry(fresh.db, 1, { retryAt: at(3), error: 'chat.postMessage failed: http_503' });
    expect(await row(1)).toMatchObject({
      status: 'pending',
      lease_until: null,
      next_attempt_at: at(3).toISOString(),
      last_error: 'chat.postMessage failed: http_503',
      attempts: 1,
      sent_at: null,
    });
  });

  it('markRowFailed keeps the row with the reason', async () => {
    await enqueue(fresh.db, [post('C1', 'a')], T0);
    await claim(T0);
    await markRowFailed(fresh.db, 1, 'chat.postMessage failed: channel_not_found');
    expect(await row(1)).toMatchObject({ status: 'failed', lease_until: null, last_error: 'chat.postMessage failed: channel_not_found', sent_at: null });
  });
});

describe('countUnsentRows and pruneSentRows', () => {
  it('counts pending and sending rows only', async () => {
    await enqueue(fresh.db, [post('A', '1'), post('B', '2'), post('C', '3'), post('D', '4'), post('E', '5')], T0);
    expect(await countUnsentRows(fresh.db)).toBe(5);
    await claim(T0, 3); // A, B, C sending
    await markRowsSent(fresh.db, [1], T0);
    await markRowFailed(fresh.db, 2, 'nope');
    expect(await countUnsentRows(fresh.db)).toBe(3); // C sending, D and E pending
  });

  it('prunes sent rows older than the cutoff and keeps failed and unsent ones', async () => {
    await enqueue(fresh.db, [post('A', 'old sent'), post('B', 'recent sent'), post('C', 'old failed'), post('D', 'pending')], at(-600));
    await claim(at(-600), 3);
    await markRowsSent(fresh.db, [1], at(-500));
    await markRowsSent(fresh.db, [2], at(-10));
    await markRowFailed(fresh.db, 3, 'channel_not_found');
    expect(await pruneSentRows(fresh.db, at(-60))).toBe(1);
    const left = await fresh.db.selectFrom('outbox').select(['id', 'status']).orderBy('id').execute();
    expect(left).toEqual([
      { id: 2, status: 'sent' },
      { id: 3, status: 'failed' },
      { id: 4, status: 'pending' },
    ]);
    expect(await pruneSentRows(fresh.db, at(1000))).toBe(1);
    expect((await fresh.db.selectFrom('outbox').select('status').orderBy('id').execute()).map((r) => r.status)).toEqual(['failed', 'pending']);
  });
});
