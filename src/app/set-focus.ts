import { focusUntil, type FocusChoice } from '../core/focus.js';
import { setFocusUntil } from '../db/helper-settings-repository.js';
import type { Deps } from './deps.js';
import { showHome } from './show-home.js';

/** What happened to a Focus mode change. */
export type SetFocusOutcome =
  | { ok: true; until: Date | null }
  | { ok: false; reason: 'not_helper' | 'not_available' };

/**
 * Switches a helper's Focus mode on for `choice` (the end worked out now, on the server) or off (`'off'`), stores it
 * and re-publishes their Home. Only helpers have a Focus mode; anyone else changes nothing.
 */
export async function setFocus(
  deps: Pick<Deps, 'db' | 'slack' | 'clock' | 'config' | 'logger' | 'outbox'>,
  userId: string,
  choice: FocusChoice | 'off',
): Promise<SetFocusOutcome> {
  const { config, clock, logger } = deps;
  if (!config.helperUserIds.includes(userId)) {
    logger.warn({ userId }, 'Focus mode change refused: not a helper');
    return { ok: false, reason: 'not_helper' };
  }
  const now = clock.now();
  const until = choice === 'off' ? null : (focusUntil(choice, now, { timezone: config.timezone, workingHours: config.workingHours }) ?? undefined);
  // A menu left open past the end of the working day: nothing sensible to store; the fresh Home shows what is left.
  if (until === undefined) logger.info({ userId, choice }, 'Focus mode choice no longer available');
  else {
    await setFocusUntil(deps.db, userId, until, now);
    logger.info({ userId, until: until?.toISOString() ?? null }, until ? 'Focus mode on' : 'Focus mode off');
  }
  await showHome(deps, userId);
  return until === undefined ? { ok: false, reason: 'not_available' } : { ok: true, until };
}
