import type { SlackMessage } from '../slack/views/blocks.js';
import type { Deps } from './deps.js';
import { buildWeeklyDigest } from './digest-content.js';

/** The weekly digest as it would be posted now, for a helper's eyes only; anyone else is told it is for helpers. */
export type DigestPreviewOutcome = { ok: true; message: SlackMessage; week: string } | { ok: false; reason: 'not_helper' };

/** `/request digest`: the weekly digest at the clock's now (the last complete week), for helpers only. */
export async function previewWeeklyDigest(deps: Pick<Deps, 'db' | 'clock' | 'config'>, input: { userId: string }): Promise<DigestPreviewOutcome> {
  if (!deps.config.helperUserIds.includes(input.userId)) return { ok: false, reason: 'not_helper' };
  const { message, period } = await buildWeeklyDigest(deps, { now: deps.clock.now() });
  return { ok: true, message, week: period.week };
}
