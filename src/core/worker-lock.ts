/** Who holds a worker lock, and when they last said they are alive. */
export interface LockHolder {
  owner: string;
  host: string;
  pid: number;
  heartbeatAt: Date;
}

/**
 * Decides whether this process may take a worker lock: it is free, already ours, its holder stopped sending
 * heartbeats, or its holder ran on this host and that process no longer exists (a crash or a kill: resume at once
 * instead of waiting for the heartbeat to go stale).
 */
export function mayTakeLock(input: {
  holder: LockHolder | undefined;
  me: { owner: string; host: string };
  now: Date;
  staleAfterMs: number;
  /** Whether the holder's process exists; only meaningful when it ran on this host. */
  holderAlive: boolean;
}): boolean {
  const { holder, me, now, staleAfterMs, holderAlive } = input;
  if (!holder || holder.owner === me.owner) return true;
  if (now.getTime() - holder.heartbeatAt.getTime() > staleAfterMs) return true;
  return holder.host === me.host && !holderAlive;
}
