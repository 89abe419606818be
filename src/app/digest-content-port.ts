import type { SlackMessage } from '../slack/views/blocks.js';

/** Builds what a digest says, from the current state: the daily one for the helpers, the weekly one for the team. */
export interface DigestContent {
  /** The daily digest at `now`: what changed since the last one (`since`) and what needs attention. */
  daily(opts: { now: Date; since: Date }): Promise<SlackMessage>;
  /** The weekly digest at `now` (about the last complete week), and its chart as a PNG with the file's title. */
  weekly(opts: { now: Date }): Promise<{ message: SlackMessage; chartTitle: string; chartPng(): Promise<Buffer> }>;
}

/** Metadata on every digest message, so a digest interrupted by a crash is found instead of posted twice. */
export const DIGEST_EVENT_TYPE = 'request_desk_digest';
