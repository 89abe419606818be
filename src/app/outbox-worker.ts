import { DEFAULT_RETRY_POLICY, planRetry, type DeliveryFailure, type RetryPolicy } from '../core/retry-policy.js';
import type { Db } from '../db/database.js';
import { claimDueRows, markRowFailed, markRowsSent, releaseAbandonedRows, scheduleRowRetry } from '../db/outbox-repository.js';
import type { OutboxRow } from '../db/schema.js';
import type { Logger } from '../logger.js';
import type { Clock } from './clock.js';
import type { OutboxMessage } from './outbox.js';
import { SlackCallError } from './slack-port.js';
import { WorkerLock } from './worker-lock.js';

/** A delivery that can never succeed (say, its ticket is gone): marked failed at once, not retried. */
export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError';
}

export interface OutboxWorkerOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  deliver: (message: OutboxMessage) => Promise<void>;
  /** Told about every message given up on (to tell the helpers). */
  onGiveUp?: (message: OutboxMessage, error: string, outboxId: number) => Promise<void>;
  /** Messages sent at once (different conversations; one conversation is always one at a time). */
  concurrency?: number;
  /** How long a claimed message is ours; longer than any delivery (two Slack calls of at most 10 s each). */
  leaseMs?: number;
  /** How often to look for due messages besides being kicked after each commit, and to renew the lock. */
  pollMs?: number;
  /** After how long without a heartbeat another process's lock is presumed dead. */
  lockStaleAfterMs?: number;
  policy?: RetryPolicy;
  random?: () => number;
}

function toFailure(err: unknown): DeliveryFailure {
  if (err instanceof SlackCallError) return { retryable: err.retryable, retryAfterSeconds: err.retryAfterSeconds };
  if (err instanceof PermanentDeliveryError) return { retryable: false };
  return { retryable: true };
}

/**
 * Sends what the outbox holds: claims due messages, delivers them, and marks each sent, retried later (backoff,
 * Slack's Retry-After) or failed. Kicked after each commit; polls as a safety net; resumes after a restart.
 */
export class OutboxWorker {
  private readonly inflight = new Map<number, Promise<void>>();
  private readonly log: Logger;
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<void> | undefined;
  private again = false;
  private running = false;
  private holding = false;
  private waitingLogged = false;
  private locking: Promise<void> | undefined;
  private kickScheduled = false;
  /** Deliveries done in this tick, marked sent together in one statement. */
  private sentBatch: { ids: number[]; flushed: Promise<void> } | undefined;
  private readonly lock: WorkerLock;

  constructor(private readonly opts: OutboxWorkerOptions) {
    this.log = opts.logger.child({ subsystem: 'outbox' });
    this.lock = new WorkerLock(opts.db, opts.clock, 'outbox', opts.lockStaleAfterMs);
  }

  /**
   * Starts sending, including anything left from before a restart. Only the process holding the outbox lock sends,
   * so a second bot on the same database (say, during a deploy) waits instead of sending messages twice.
   */
  async start(): Promise<void> {
    this.running = true;
    await this.keepLock();
    this.timer = setInterval(() => {
      void this.keepLock().then(() => this.kick());
    }, this.opts.pollMs ?? 1000);
    this.timer.unref();
    this.kick();
  }

  /** Whether this process is the one sending. */
  get isSending(): boolean {
    return this.holding;
  }

  private async keepLock(): Promise<void> {
    try {
      if (this.holding) {
        this.holding = await this.lock.renew();
        if (!this.holding) this.log.warn('outbox: another process took the outbox lock; this one stops sending');
        return;
      }
      const result = await this.lock.acquire();
      if (result.held) {
        this.holding = true;
        this.waitingLogged = false;
        // Whoever held the lock before is gone: what it had claimed was never confirmed sent.
        const resumed = await releaseAbandonedRows(this.opts.db);
        this.log.info({ resumed }, 'outbox: sending');
      } else if (!this.waitingLogged) {
        this.waitingLogged = true;
        this.log.warn({ holder: result.holder }, 'outbox: another Request Desk process is sending; waiting for it to stop');
      }
    } catch (err) {
      this.log.error({ err }, 'outbox: could not check the outbox lock');
    }
  }

  /**
   * Looks for due messages soon: kicks in the same tick (a burst of commits, a batch of finished sends) share one
   * claim. First tries to take the lock, if another process held it.
   */
  kick(): void {
    if (!this.running || this.kickScheduled) return;
    this.kickScheduled = true;
    setImmediate(() => {
      this.kickScheduled = false;
      this.drainNow();
    });
  }

  private drainNow(): void {
    if (!this.running) return;
    if (!this.holding) {
      this.locking ??= this.keepLock().finally(() => {
        this.locking = undefined;
        if (this.holding) this.kick();
      });
      return;
    }
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain()
      .catch((err: unknown) => this.log.error({ err }, 'outbox: could not read due messages'))
      .finally(() => {
        this.draining = undefined;
        // A kick that arrived after the last claim but before this point must not be lost.
        if (this.again) this.kick();
      });
  }

  /** Records a delivery as sent, batched with the others that finish in the same tick. */
  private markSent(id: number): Promise<void> {
    if (!this.sentBatch) {
      const ids: number[] = [];
      const flushed = new Promise<void>((resolve, reject) =>
        setImmediate(() => {
          this.sentBatch = undefined;
          markRowsSent(this.opts.db, ids, this.opts.clock.now()).then(resolve, reject);
        }),
      );
      this.sentBatch = { ids, flushed };
    }
    this.sentBatch.ids.push(id);
    return this.sentBatch.flushed;
  }

  private async drain(): Promise<void> {
    const concurrency = this.opts.concurrency ?? 8;
    do {
      this.again = false;
      const free = concurrency - this.inflight.size;
      if (free <= 0 || !this.running) return;
      const now = this.opts.clock.now();
      const leaseUntil = new Date(now.getTime() + (this.opts.leaseMs ?? 60_000));
      const rows = await claimDueRows(this.opts.db, { now, leaseUntil, limit: free });
      for (const row of rows) {
        const sending = this.send(row).finally(() => {
          this.inflight.delete(row.id);
          this.kick();
        });
        this.inflight.set(row.id, sending);
      }
      if (rows.length === free) this.again = true;
    } while (this.again);
  }

  private async send(row: OutboxRow): Promise<void> {
    const context = { outboxId: row.id, kind: row.kind, key: row.ordering_key, attempt: row.attempts };
    try {
      await this.opts.deliver(JSON.parse(row.payload) as OutboxMessage);
      await this.markSent(row.id);
      this.log.debug(context, 'outbox: sent');
    } catch (err) {
      await this.handleFailure(row, err, context).catch((dbErr: unknown) =>
        this.log.error({ ...context, err: dbErr }, 'outbox: could not record a failed delivery; it will be retried'),
      );
    }
  }

  private async handleFailure(row: OutboxRow, err: unknown, context: Record<string, unknown>): Promise<void> {
    const { db, clock } = this.opts;
    const error = err instanceof Error ? err.message : String(err);
    const plan = planRetry({
      attempts: row.attempts,
      failure: toFailure(err),
      now: clock.now(),
      policy: this.opts.policy ?? DEFAULT_RETRY_POLICY,
      random: (this.opts.random ?? Math.random)(),
    });
    if (plan.action === 'retry') {
      await scheduleRowRetry(db, row.id, { retryAt: plan.at, error });
      this.log.warn({ ...context, err, retryAt: plan.at.toISOString() }, 'outbox: delivery failed, will retry');
    } else {
      await markRowFailed(db, row.id, error);
      this.log.error({ ...context, err }, 'outbox: delivery failed for good; the message is kept as failed');
      await this.opts.onGiveUp?.(JSON.parse(row.payload) as OutboxMessage, error, row.id).catch((noticeErr: unknown) =>
        this.log.error({ ...context, err: noticeErr }, 'outbox: could not tell the helpers about a failed message'),
      );
    }
  }

  /** Resolves once nothing is being sent or claimed (tests and shutdown use it). */
  async settled(): Promise<void> {
    while (this.kickScheduled || this.locking || this.draining || this.inflight.size > 0) {
      if (this.kickScheduled) await new Promise((resolve) => setImmediate(resolve));
      await Promise.allSettled([this.locking, this.draining, ...this.inflight.values()]);
    }
  }

  /** Stops claiming, waits for deliveries in flight and gives the lock up; unsent messages stay for the next start. */
  async stop(): Promise<void> {
    this.running = false;
    clearInterval(this.timer);
    await this.settled();
    if (this.holding) {
      this.holding = false;
      await this.lock.release().catch((err: unknown) => this.log.warn({ err }, 'outbox: could not release the outbox lock'));
    }
  }
}
