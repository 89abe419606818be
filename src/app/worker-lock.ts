import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { mayTakeLock, type LockHolder } from '../core/worker-lock.js';
import type { Db } from '../db/database.js';
import { findLockHolder, releaseLock, renewLock, takeLock } from '../db/worker-lock-repository.js';
import type { Clock } from './clock.js';

/** Whether a process with this pid exists on this host (signal 0 only checks). */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A named lock in the database that one process at a time holds, kept alive by heartbeats. */
export class WorkerLock {
  readonly me = { owner: randomUUID(), host: hostname(), pid: process.pid };

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    readonly name: string,
    /** A holder silent for this long is presumed dead. */
    readonly staleAfterMs = 30_000,
  ) {}

  /** Tries to take the lock; returns whether we hold it, and who does otherwise. */
  async acquire(): Promise<{ held: true } | { held: false; holder: LockHolder | undefined }> {
    const holder = await findLockHolder(this.db, this.name);
    const now = this.clock.now();
    const holderAlive = holder ? holder.host !== this.me.host || processExists(holder.pid) : false;
    if (!mayTakeLock({ holder, me: this.me, now, staleAfterMs: this.staleAfterMs, holderAlive })) return { held: false, holder };
    if (await takeLock(this.db, this.name, this.me, holder?.owner, now)) return { held: true };
    return { held: false, holder: await findLockHolder(this.db, this.name) };
  }

  /** Refreshes the heartbeat; false if the lock was taken from us. */
  renew(): Promise<boolean> {
    return renewLock(this.db, this.name, this.me.owner, this.clock.now());
  }

  release(): Promise<void> {
    return releaseLock(this.db, this.name, this.me.owner);
  }
}
