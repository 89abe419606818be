import type { Deps } from './deps.js';
import { enqueue, refreshHomes } from './outbox.js';
import { resolveLocale } from './resolve-locale.js';

/**
 * Queues a fresh render of a person's App Home: the first page when they open it, or the queue page they asked for.
 * The outbox publishes it (views.publish), so a slow or failing Slack never holds up the listener.
 */
export async function showHome(deps: Pick<Deps, 'db' | 'slack' | 'clock' | 'config' | 'logger' | 'outbox'>, userId: string, page?: number): Promise<void> {
  // Looked up (once, then cached) before anything is queued: the render reads the cached locale.
  await resolveLocale(deps, userId);
  const now = deps.clock.now();
  if (page === undefined) {
    // A refresh already waiting shows the latest state when it is sent: no need for a second one.
    await refreshHomes(deps.db, [userId], now);
  } else {
    // Not deduplicated: a waiting refresh would show the first page, not the one asked for. Same ordering key,
    // so this one is published after it and is what the person ends up seeing.
    await enqueue(deps.db, [{ kind: 'home', userId, page }], now);
  }
  deps.outbox.kick();
}
