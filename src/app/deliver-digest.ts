import { lastPostedAt, findDigestRun, markDigestPosted } from '../db/digest-run-repository.js';
import type { Db } from '../db/database.js';
import type { Logger } from '../logger.js';
import type { Clock } from './clock.js';
import { DIGEST_EVENT_TYPE, type DigestContent } from './digest-content-port.js';
import type { OutboxMessage } from './outbox.js';
import type { SlackPort } from './slack-port.js';

export interface DigestDeliveryDeps {
  db: Db;
  slack: SlackPort;
  clock: Clock;
  logger: Logger;
  content: DigestContent;
}

const DAY_MS = 86_400_000;

/**
 * Posts a queued digest, rendered now, and records it posted. Exactly once: when a previous attempt may have reached
 * Slack before the process died, the channel is searched for the digest's metadata first.
 */
export async function deliverDigest(deps: DigestDeliveryDeps, m: Extract<OutboxMessage, { kind: 'digest' }>): Promise<void> {
  const { db, slack, clock, logger, content } = deps;
  const run = await findDigestRun(db, m.digest, m.period);
  if (run?.status === 'posted') return;
  const scheduledFor = new Date(m.scheduledFor);
  const metadata = { eventType: DIGEST_EVENT_TYPE, payload: { kind: m.digest, period: m.period } };
  const record = (ts: string) =>
    markDigestPosted(db, { kind: m.digest, period: m.period, scheduledFor, at: clock.now(), by: run?.claimedBy ?? 'outbox', channelId: m.channel, messageTs: ts });

  const claimedAt = run?.claimedAt ?? scheduledFor;
  try {
    const already = await slack.findMessageByMetadata(m.channel, new Date(claimedAt.getTime() - 60_000), metadata);
    if (already) {
      logger.info({ kind: m.digest, period: m.period, ts: already }, 'digest was already in the channel; recorded it');
      await record(already);
      return;
    }
  } catch (err) {
    // Reading the channel is a safeguard, not a requirement: post anyway.
    logger.warn({ err, kind: m.digest, period: m.period }, 'could not check the channel for an earlier copy of the digest');
  }

  const now = clock.now();
  const message =
    m.digest === 'daily'
      ? await content.daily({ now, since: (await lastPostedAt(db, 'daily')) ?? new Date(scheduledFor.getTime() - DAY_MS) })
      : (await content.weekly({ now: scheduledFor })).message;
  const posted = await slack.postMessage({ channel: m.channel, ...message, metadata });
  await record(posted.ts);
  logger.info({ kind: m.digest, period: m.period, channel: m.channel }, 'digest posted');
}

/** Uploads the weekly digest's chart (after its message, as the outbox keeps one channel's messages in order). */
export async function deliverDigestChart(deps: DigestDeliveryDeps, m: Extract<OutboxMessage, { kind: 'digest_chart' }>): Promise<void> {
  const weekly = await deps.content.weekly({ now: new Date(m.scheduledFor) });
  await deps.slack.uploadFile({
    channel: m.channel,
    filename: `requests-by-team-${m.period}.png`,
    title: weekly.chartTitle,
    content: await weekly.chartPng(),
  });
}
