import { Cron } from 'croner';
import { digestPeriod, lastFireTime, stillWorthPosting, type DigestKind } from '../core/digest-schedule.js';
import { claimDigestRun, findDigestRun } from '../db/digest-run-repository.js';
import type { Deps } from './deps.js';
import { enqueue, type OutboxMessage } from './outbox.js';

export const DIGEST_KINDS: readonly DigestKind[] = ['daily', 'weekly'];

/** Where and when a digest kind goes, from the settings; undefined when it is not configured. */
export function digestSetup(config: Deps['config'], kind: DigestKind): { channel: string; cron: string } | undefined {
  const channel = kind === 'daily' ? config.digestChannelId : config.weeklyDigestChannelId;
  return channel ? { channel, cron: kind === 'daily' ? config.dailyDigestCron : config.weeklyDigestCron } : undefined;
}

/** What happened to one digest kind on this check. */
export type DigestCheck =
  | { kind: DigestKind; action: 'none' }
  | { kind: DigestKind; action: 'queued' | 'skipped' | 'taken'; period: string; scheduledFor: Date };

/**
 * Posts every digest that is due and not yet recorded, exactly once per period: the period is claimed in
 * digest_runs (a primary key: of two processes, one wins) in the same transaction that queues the message, and the
 * outbox posts it. A digest missed while the bot was down goes out when it returns if still worth it (the same day
 * for the daily one, within two days for the weekly one); otherwise it is recorded as skipped, with a log line.
 */
export async function runDueDigests(deps: Deps, owner: string): Promise<DigestCheck[]> {
  const { db, clock, config, logger } = deps;
  const now = clock.now();
  const results: DigestCheck[] = [];
  for (const kind of DIGEST_KINDS) {
    const setup = digestSetup(config, kind);
    const fired = setup ? lastFireTime(setup.cron, config.timezone, now) : undefined;
    if (!setup || !fired) {
      results.push({ kind, action: 'none' });
      continue;
    }
    const period = digestPeriod(kind, fired, config.timezone);
    if (await findDigestRun(db, kind, period)) {
      results.push({ kind, action: 'none' });
      continue;
    }
    const base = { kind, period, scheduledFor: fired, at: now, by: owner, channelId: setup.channel };
    if (!stillWorthPosting(kind, fired, now, config.timezone)) {
      const skipped = await claimDigestRun(db, { ...base, status: 'skipped', note: 'missed while the bot was not running' });
      if (skipped) logger.warn({ kind, period, scheduledFor: fired.toISOString() }, 'digest missed while the bot was not running; skipped');
      results.push({ kind, action: skipped ? 'skipped' : 'taken', period, scheduledFor: fired });
      continue;
    }
    const queued = await db.transaction().execute(async (trx) => {
      if (!(await claimDigestRun(trx, { ...base, status: 'posting' }))) return false;
      const messages: OutboxMessage[] = [{ kind: 'digest', digest: kind, period, channel: setup.channel, scheduledFor: fired.toISOString() }];
      if (kind === 'weekly') messages.push({ kind: 'digest_chart', period, channel: setup.channel, scheduledFor: fired.toISOString() });
      await enqueue(trx, messages, now);
      return true;
    });
    if (queued) {
      deps.outbox.kick();
      logger.info({ kind, period }, 'digest queued');
    }
    results.push({ kind, action: queued ? 'queued' : 'taken', period, scheduledFor: fired });
  }
  return results;
}

/**
 * Runs the digest check at each scheduled time (croner, in the desk's time zone, DST-aware), at start (to catch up
 * on one missed while the bot was down) and every 10 minutes as a safety net. Returns a function that stops it.
 */
export function scheduleDigests(deps: Deps, owner: string): () => void {
  const check = () =>
    runDueDigests(deps, owner).catch((err: unknown) => deps.logger.error({ err }, 'could not check the digests'));
  const jobs = DIGEST_KINDS.flatMap((kind) => {
    const setup = digestSetup(deps.config, kind);
    return setup ? [new Cron(setup.cron, { timezone: deps.config.timezone }, () => void check())] : [];
  });
  if (jobs.length === 0) deps.logger.info('no DIGEST_CHANNEL_ID set: digests are off');
  void check();
  const safety = setInterval(() => void check(), 10 * 60_000);
  safety.unref();
  return () => {
    for (const job of jobs) job.stop();
    clearInterval(safety);
  };
}
