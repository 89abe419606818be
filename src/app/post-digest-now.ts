import { digestPeriod, type DigestKind } from '../core/digest-schedule.js';
import { claimDigestRun, findDigestRun, lastPostedAt, markDigestPosted, releaseDigestClaim } from '../db/digest-run-repository.js';
import type { SlackMessage } from '../slack/views/blocks.js';
import type { Deps } from './deps.js';
import { DIGEST_EVENT_TYPE, type DigestContent } from './digest-content-port.js';
import { digestSetup } from './schedule-digests.js';

export type PostNowOutcome =
  | { status: 'posted'; period: string; channel: string; ts: string }
  | { status: 'preview'; period: string; message: SlackMessage }
  | { status: 'already_posted'; period: string }
  | { status: 'not_configured' };

/**
 * Posts a digest now, for `npm run digest`: the period of today (daily) or this week (weekly). Honours exactly-once
 * (a period already posted is not posted again) unless `force`; `dryRun` only builds it. A Slack error gives the
 * claim back and is thrown, so the command can say what went wrong.
 */
export async function postDigestNow(
  deps: Pick<Deps, 'db' | 'slack' | 'clock' | 'config' | 'logger'> & { content: DigestContent },
  input: { kind: DigestKind; force: boolean; dryRun: boolean; owner: string },
): Promise<PostNowOutcome> {
  const { db, slack, clock, config, content } = deps;
  const setup = digestSetup(config, input.kind);
  if (!setup) return { status: 'not_configured' };
  const now = clock.now();
  const period = digestPeriod(input.kind, now, config.timezone);
  const build = async () =>
    input.kind === 'daily'
      ? content.daily({ now, since: (await lastPostedAt(db, 'daily')) ?? new Date(now.getTime() - 86_400_000) })
      : (await content.weekly({ now })).message;
  if (input.dryRun) return { status: 'preview', period, message: await build() };

  const base = { kind: input.kind, period, scheduledFor: now, at: now, by: input.owner, channelId: setup.channel };
  const claimed = !input.force && (await claimDigestRun(db, { ...base, status: 'posting' }));
  if (!input.force && !claimed) {
    // A period recorded as skipped (missed while the bot was down) may still be posted by hand.
    const run = await findDigestRun(db, input.kind, period);
    if (run?.status !== 'skipped') return { status: 'already_posted', period };
  }
  try {
    const metadata = { eventType: DIGEST_EVENT_TYPE, payload: { kind: input.kind, period } };
    const posted = await slack.postMessage({ channel: setup.channel, ...(await build()), metadata });
    if (input.kind === 'weekly') {
      const weekly = await content.weekly({ now });
      await slack.uploadFile({ channel: setup.channel, filename: `requests-by-team-${period}.png`, title: weekly.chartTitle, content: await weekly.chartPng() });
    }
    await markDigestPosted(db, { ...base, messageTs: posted.ts });
    return { status: 'posted', period, channel: setup.channel, ts: posted.ts };
  } catch (err) {
    if (claimed) await releaseDigestClaim(db, input.kind, period);
    throw err;
  }
}
