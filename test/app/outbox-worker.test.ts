import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/app/clock.js';
import { enqueue, type OutboxMessage } from '../../src/app/outbox.js';
import { OutboxWorker, PermanentDeliveryError, type OutboxWorkerOptions } from '../../src/app/outbox-worker.js';
import { SlackCallError } from '../../src/app/slack-port.js';
import type { RetryPolicy } from '../../src/core/retry-policy.js';
import { openMigratedDatabase, type Db } from '../../src/db/database.js';
import { claimDueRows } from '../../src/db/outbox-repository.js';
import type { OutboxRow } from '../../src/db/schema.js';
import { createLogger } from '../../src/logger.js';
import { freshDatabase, T0, type FreshDatabase } from '../db/fresh-database.js';

/** A clock the test moves by hand. */
class HandClock implements Clock {
  private current = new Date(T0);
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

const logger = createLogger({ level: 'silent' });
const post = (channel: string, text: string): OutboxMessage => ({ kind: 'post', channel, text });
const textOf = (m: OutboxMessage): string => ('text' in m ? m.text : m.kind);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

let fresh: FreshDatabase;
let clock: HandClock;
let workers: OutboxWorker[];

beforeEach(async () => {
  fresh = await freshDatabase();
  clock = new HandClock();
  workers = [];
});
afterEach(async () => {
  for (const w of workers) await w.stop();
  await fresh.close();
});

/** A started worker that only runs when kicked (the safety-net poll is pushed out of the test's way). */
// A pid no process has (Linux caps pids well below this).
const DEAD_PID = 2 ** 30;

async function startWorker(deliver: OutboxWorkerOptions['deliver'], opts: Partial<OutboxWorkerOptions> = {}, db: Db = fresh.db): Promise<OutboxWorker> {
  const worker = new OutboxWorker({ db, clock, logger, deliver, pollMs: 3_600_000, random: () => 0.5, ...opts });
  workers.push(worker);
  await worker.start();
  return worker;
}

async function rows(db: Db = fresh.db): Promise<OutboxRow[]> {
  return db.selectFrom('outbox').selectAll().orderBy('id').execute();
}

async function row(id: number): Promise<OutboxRow> {
  return fresh.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** Records what was delivered, in order. */
function recorder() {
  const delivered: string[] = [];
  const deliver = async (m: OutboxMessage) => {
    delivered.push(textOf(m));
  };
  return { delivered, deliver };
}

describe('OutboxWorker', () => {
  it('sends everything enqueued once kicked, and marks it sent', async () => {
    const { delivered, deliver } = recorder();
    const worker = await startWorker(deliver);
    await worker.settled();
    const messages = Array.from({ length: 25 }, (_, i) => post(`C${i % 4}`, `m${i}`));
    await enqueue(fresh.db, messages, clock.now());
    worker.kick();
    await worker.settled();
    expect([...delivered].sort()).toEqual(messages.map(textOf).sort());
    expect(delivered).toHaveLength(25);
    const all = await rows();
    expect(all.every((r) => r.status === 'sent' && r.attempts === 1 && r.sent_at === T0.toISOString())).toBe(true);
  });

  it('hands deliver the message exactly as enqueued', async () => {
    const seen: OutboxMessage[] = [];
    const worker = await startWorker(async (m) => {
      seen.push(m);
    });
    const messages: OutboxMessage[] = [
      { kind: 'replace', target: { kind: 'ephemeral', channel: 'C1', responseUrl: 'https://hooks.slack.com/x' }, text: 'r', blocks: [] },
      { kind: 'triage_card', ticketNumber: 3, channel: 'CTRIAGE' },
    ];
    await enqueue(fresh.db, messages, clock.now());
    worker.kick();
    await worker.settled();
    expect(seen).toEqual(messages);
  });

  it('keeps each conversation in order with concurrency 8, sending conversations side by side', async () => {
    const messages: OutboxMessage[] = [];
    for (let i = 0; i < 20; i++) {
      messages.push(post('D1', `D1:${i}`));
      messages.push(post(`C${i % 5}`, `C${i % 5}:${i}`));
    }
    const order = new Map<string, number[]>();
    const busyKeys = new Set<string>();
    const overlaps: string[] = [];
    let inflight = 0;
    let maxInflight = 0;
    let n = 0;
    const worker = await startWorker(
      async (m) => {
        const [key = '', index = ''] = textOf(m).split(':');
        if (busyKeys.has(key)) overlaps.push(textOf(m));
        busyKeys.add(key);
        inflight += 1;
        maxInflight = Math.max(maxInflight, inflight);
        await sleep((n++ * 7) % 4);
        inflight -= 1;
        busyKeys.delete(key);
        order.set(key, [...(order.get(key) ?? []), Number(index)]);
      },
      { concurrency: 8 },
    );
    await enqueue(fresh.db, messages, clock.now());
    worker.kick();
    await worker.settled();

    expect(overlaps).toEqual([]);
    expect(order.get('D1')).toEqual(Array.from({ length: 20 }, (_, i) => i));
    for (let k = 0; k < 5; k++) expect(order.get(`C${k}`)).toEqual([0, 1, 2, 3].map((j) => k + 5 * j));
    expect(maxInflight).toBeGreaterThan(1);
    expect(maxInflight).toBeLessThanOrEqual(8);
    expect((await rows()).every((r) => r.status === 'sent')).toBe(true);
  });

  it('never has more deliveries in flight than its concurrency', async () => {
    let inflight = 0;
    let maxInflight = 0;
    const worker = await startWorker(
      async () => {
        inflight += 1;
        maxInflight = Math.max(maxInflight, inflight);
        await sleep(2);
        inflight -= 1;
      },
      { concurrency: 3 },
    );
    await enqueue(fresh.db, Array.from({ length: 12 }, (_, i) => post(`C${i}`, `m${i}`)), clock.now());
    worker.kick();
    await worker.settled();
    expect(maxInflight).toBe(3);
    expect((await rows()).every((r) => r.status === 'sent')).toBe(true);
  });

  it("reschedules a rate-limited message to Slack's Retry-After and sends it once the time has come", async () => {
    const delivered: string[] = [];
    let calls = 0;
    const worker = await startWorker(async (m) => {
      calls += 1;
      if (calls === 1) throw new SlackCallError('chat.postMessage', 'rate_limited', true, 2);
      delivered.push(textOf(m));
    });
    await enqueue(fresh.db, [post('C1', 'hello')], clock.now());
    worker.kick();
    await worker.settled();

    expect(await row(1)).toMatchObject({
      status: 'pending',
      attempts: 1,
      next_attempt_at: new Date(T0.getTime() + 2000).toISOString(),
      last_error: 'chat.postMessage failed: rate_limited',
      lease_until: null,
    });

    clock.advance(1999);
    worker.kick();
    await worker.settled();
    expect(calls).toBe(1);

    clock.advance(1);
    worker.kick();
    await worker.settled();
    expect(delivered).toEqual(['hello']);
    expect(await row(1)).toMatchObject({ status: 'sent', attempts: 2, sent_at: new Date(T0.getTime() + 2000).toISOString(), last_error: null });
  });

  it('marks a message failed at once on a non-retryable Slack error', async () => {
    let calls = 0;
    const worker = await startWorker(async () => {
      calls += 1;
      throw new SlackCallError('chat.postMessage', 'channel_not_found', false);
    });
    await enqueue(fresh.db, [post('C1', 'hello')], clock.now());
    worker.kick();
    await worker.settled();
    expect(await row(1)).toMatchObject({ status: 'failed', attempts: 1, last_error: 'chat.postMessage failed: channel_not_found', lease_until: null });

    clock.advance(3_600_000);
    worker.kick();
    await worker.settled();
    expect(calls).toBe(1);
  });

  it('marks a message failed at once on a PermanentDeliveryError', async () => {
    let calls = 0;
    const worker = await startWorker(async () => {
      calls += 1;
      throw new PermanentDeliveryError('ticket #7 does not exist');
    });
    await enqueue(fresh.db, [{ kind: 'triage_card', ticketNumber: 7, channel: 'CTRIAGE' }], clock.now());
    worker.kick();
    await worker.settled();
    expect(await row(1)).toMatchObject({ status: 'failed', attempts: 1, last_error: 'ticket #7 does not exist' });
    clock.advance(3_600_000);
    worker.kick();
    await worker.settled();
    expect(calls).toBe(1);
  });

  it('retries a passing fault with backoff and gives up after maxAttempts, without blocking the conversation', async () => {
    const policy: RetryPolicy = { maxAttempts: 3, rateLimitFactor: 1, baseDelayMs: 1000, maxDelayMs: 1000 };
    const attempts: string[] = [];
    const worker = await startWorker(
      async (m) => {
        attempts.push(textOf(m));
        if (textOf(m) === 'flaky') throw new Error('socket hang up');
      },
      { policy },
    );
    await enqueue(fresh.db, [post('C1', 'flaky'), post('C1', 'after')], clock.now());

    worker.kick();
    await worker.settled();
    expect(await row(1)).toMatchObject({ status: 'pending', attempts: 1, last_error: 'socket hang up' });
    expect((await row(1)).next_attempt_at).toBe(new Date(T0.getTime() + 1000).toISOString());

    for (let i = 0; i < 2; i++) {
      clock.advance(1000);
      worker.kick();
      await worker.settled();
    }
    expect(await row(1)).toMatchObject({ status: 'failed', attempts: 3, last_error: 'socket hang up' });
    expect(attempts).toEqual(['flaky', 'flaky', 'flaky', 'after']);
    expect(await row(2)).toMatchObject({ status: 'sent', attempts: 1 });

    clock.advance(3_600_000);
    worker.kick();
    await worker.settled();
    expect(attempts).toHaveLength(4);
  });

  it('stop() waits for the delivery in flight, then sends nothing more', async () => {
    let release!: () => void;
    let started!: () => void;
    const deliveryStarted = new Promise<void>((resolve) => (started = resolve));
    const delivered: string[] = [];
    const worker = await startWorker(async (m) => {
      started();
      await new Promise<void>((resolve) => (release = resolve));
      delivered.push(textOf(m));
    });
    await enqueue(fresh.db, [post('C1', 'slow')], clock.now());
    worker.kick();
    await deliveryStarted;

    let stopped = false;
    const stopping = worker.stop().then(() => {
      stopped = true;
    });
    await sleep(50);
    expect(stopped).toBe(false);
    expect((await row(1)).status).toBe('sending');

    release();
    await stopping;
    expect(delivered).toEqual(['slow']);
    expect((await row(1)).status).toBe('sent');

    await enqueue(fresh.db, [post('C2', 'after stop')], clock.now());
    worker.kick();
    await worker.settled();
    expect(delivered).toEqual(['slow']);
    expect((await row(2)).status).toBe('pending');
  });

  it('a new worker on the same database file sends what the old one left, in order', async () => {
    const first = recorder();
    const old = await startWorker(first.deliver);
    await enqueue(fresh.db, [post('C1', 'one')], clock.now());
    old.kick();
    await old.settled();
    await old.stop();
    await enqueue(fresh.db, [post('C1', 'two'), post('C2', 'other'), post('C1', 'three')], clock.now());
    await fresh.db.destroy();

    const reopened = await openMigratedDatabase(fresh.path);
    try {
      const second = recorder();
      const next = await startWorker(second.deliver, {}, reopened);
      await next.settled();
      expect(first.delivered).toEqual(['one']);
      expect(second.delivered.filter((t) => t !== 'other')).toEqual(['two', 'three']);
      expect([...second.delivered].sort()).toEqual(['other', 'three', 'two']);
      expect((await rows(reopened)).map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
      await next.stop();
    } finally {
      await reopened.destroy();
    }
  });

  it('resends at once a message whose sender died mid-send on this host (its process is gone)', async () => {
    await enqueue(fresh.db, [post('C1', 'interrupted'), post('C1', 'next')], clock.now());
    // A previous process on this host held the lock, claimed the first message and died before recording the outcome.
    await claimDueRows(fresh.db, { now: clock.now(), leaseUntil: new Date(T0.getTime() + 60_000), limit: 1 });
    await fresh.db.insertInto('worker_locks').values({ name: 'outbox', owner: 'dead', host: hostname(), pid: DEAD_PID, heartbeat_at: T0.toISOString() }).execute();

    const { delivered, deliver } = recorder();
    const worker = await startWorker(deliver, { leaseMs: 60_000 });
    await worker.settled();
    expect(worker.isSending).toBe(true);
    expect(delivered).toEqual(['interrupted', 'next']);
    expect(await row(1)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('waits while a live process holds the outbox lock, and takes over once its heartbeat is stale', async () => {
    await enqueue(fresh.db, [post('C1', 'hello')], clock.now());
    await fresh.db.insertInto('worker_locks').values({ name: 'outbox', owner: 'other', host: 'another-host', pid: 1, heartbeat_at: T0.toISOString() }).execute();
    const { delivered, deliver } = recorder();
    const worker = await startWorker(deliver);
    worker.kick();
    await worker.settled();
    expect(worker.isSending).toBe(false);
    expect(delivered).toEqual([]);

    clock.advance(30_001);
    worker.kick();
    await worker.settled();
    expect(worker.isSending).toBe(true);
    expect(delivered).toEqual(['hello']);
    expect(await fresh.db.selectFrom('worker_locks').select(['owner', 'pid']).execute()).toEqual([{ owner: expect.not.stringMatching(/^other$/), pid: process.pid }]);
  });

  it('gives the lock up on stop, so the next worker starts sending at once', async () => {
    const first = await startWorker(recorder().deliver);
    expect(first.isSending).toBe(true);
    await first.stop();
    expect(await fresh.db.selectFrom('worker_locks').selectAll().execute()).toEqual([]);
    const second = await startWorker(recorder().deliver);
    expect(second.isSending).toBe(true);
  });
});
