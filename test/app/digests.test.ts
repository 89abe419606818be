import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/app/deps.js';
import { deliverDigest } from '../../src/app/deliver-digest.js';
import type { DigestContent } from '../../src/app/digest-content-port.js';
import type { OutboxMessage } from '../../src/app/outbox.js';
import { postDigestNow } from '../../src/app/post-digest-now.js';
import { runDueDigests } from '../../src/app/schedule-digests.js';
import { loadConfig } from '../../src/config.js';
import { openMigratedDatabase, type Db } from '../../src/db/database.js';
import { claimDigestRun } from '../../src/db/digest-run-repository.js';
import { createLogger } from '../../src/logger.js';
import { HELPER, tempDir, TestClock, TRIAGE_CHANNEL } from '../support/harness.js';
import { RecordingPort } from '../support/recording-port.js';

const DIGEST = 'C0DIGEST';
const TEAM = 'C0MARKETING';

/** Content that says which period and time it was built for, so tests can tell digests apart. */
const content: DigestContent = {
  daily: async ({ now, since }) => ({ text: `daily at ${now.toISOString()} since ${since.toISOString()}`, blocks: [] }),
  weekly: async ({ now }) => ({
    message: { text: `weekly at ${now.toISOString()}`, blocks: [] },
    chartTitle: 'Requests per week by team',
    chartPng: async () => Buffer.from('\x89PNG fake'),
  }),
};

interface World {
  deps: Deps;
  db: Db;
  clock: TestClock;
  logs: Record<string, unknown>[];
  slack: RecordingPort;
}

let dir: ReturnType<typeof tempDir>;
let opened: Db[] = [];
beforeEach(() => {
  dir = tempDir();
});
afterEach(async () => {
  for (const db of opened) await db.destroy();
  opened = [];
  dir.remove();
});

/** One bot process on the shared database file (call twice for two processes). */
async function world(clock = new TestClock(), env: Record<string, string> = {}): Promise<World> {
  const db = await openMigratedDatabase(join(dir.path, 'desk.db'));
  opened.push(db);
  const logs: Record<string, unknown>[] = [];
  const slack = new RecordingPort();
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-x',
    SLACK_SIGNING_SECRET: 'abc123',
    HELPER_USER_IDS: HELPER,
    TRIAGE_CHANNEL_ID: TRIAGE_CHANNEL,
    TIMEZONE: 'Europe/Berlin',
    DIGEST_CHANNEL_ID: DIGEST,
    WEEKLY_DIGEST_CHANNEL_ID: TEAM,
    ...env,
  });
  const logger = createLogger({ level: 'debug', destination: { write: (l: string) => void logs.push(JSON.parse(l) as Record<string, unknown>) } });
  const deps: Deps = { db, clock, config, logger, slack: slack.port, outbox: { kick: () => {} } };
  return { deps, db, clock, logs, slack };
}

const runs = (db: Db) => db.selectFrom('digest_runs').select(['kind', 'period', 'status', 'scheduled_for']).orderBy('kind').orderBy('period').execute();
const queued = async (db: Db) =>
  (await db.selectFrom('outbox').select('payload').where('status', '=', 'pending').orderBy('id').execute()).map((r) => JSON.parse(r.payload) as OutboxMessage);

/** Sends what runDueDigests queued, as the outbox worker would. */
async function deliverQueued(w: World): Promise<void> {
  for (const m of await queued(w.db)) {
    if (m.kind === 'digest') await deliverDigest({ ...w.deps, content }, m);
  }
}

describe('runDueDigests', () => {
  it('does nothing without a digest channel', async () => {
    const w = await world(new TestClock(new Date('2026-11-25T08:00:00Z')), { DIGEST_CHANNEL_ID: '', WEEKLY_DIGEST_CHANNEL_ID: '' });
    expect(await runDueDigests(w.deps, 'p1')).toEqual([
      { kind: 'daily', action: 'none' },
      { kind: 'weekly', action: 'none' },
    ]);
    expect(await runs(w.db)).toEqual([]);
  });

  it('posts the daily digest at 09:00 in the desk time zone, once per day, also across a restart', async () => {
    const clock = new TestClock(new Date('2026-11-25T07:59:00Z')); // Wednesday 08:59 in Berlin
    const w = await world(clock);
    await runDueDigests(w.deps, 'p1');
    // Tuesday's daily digest was due yesterday: missed (the bot was not running), skipped with a log line. Monday's
    // weekly one is 47 h 59 min late: still within two days, so it goes out now.
    expect(await runs(w.db)).toEqual([
      { kind: 'daily', period: '2026-11-24', status: 'skipped', scheduled_for: '2026-11-24T08:00:00.000Z' },
      { kind: 'weekly', period: '2026-W48', status: 'posting', scheduled_for: '2026-11-23T08:00:00.000Z' },
    ]);
    expect(w.logs.filter((l) => l.msg === 'digest missed while the bot was not running; skipped').map((l) => l.period)).toEqual(['2026-11-24']);
    await w.db.deleteFrom('outbox').execute();

    clock.set('2026-11-25T08:00:00Z'); // 09:00 in Berlin
    const results = await runDueDigests(w.deps, 'p1');
    expect(results[0]).toEqual({ kind: 'daily', action: 'queued', period: '2026-11-25', scheduledFor: new Date('2026-11-25T08:00:00Z') });
    expect(await queued(w.db)).toEqual([{ kind: 'digest', digest: 'daily', period: '2026-11-25', channel: DIGEST, scheduledFor: '2026-11-25T08:00:00.000Z' }]);
    await deliverQueued(w);
    expect(w.slack.posts.map((p) => [p.channel, p.metadata])).toEqual([[DIGEST, { eventType: 'request_desk_digest', payload: { kind: 'daily', period: '2026-11-25' } }]]);

    clock.set('2026-11-25T12:00:00Z');
    await runDueDigests(w.deps, 'p1');
    const restarted = await world(clock);
    await runDueDigests(restarted.deps, 'p2');
    expect((await runs(w.db)).filter((r) => r.period === '2026-11-25')).toEqual([
      { kind: 'daily', period: '2026-11-25', status: 'posted', scheduled_for: '2026-11-25T08:00:00.000Z' },
    ]);
    expect(await queued(w.db)).toHaveLength(1); // the one already delivered above, still pending in this test's outbox
  });

  it('lets only one of two processes on the same database post a period', async () => {
    const clock = new TestClock(new Date('2026-11-25T08:00:30Z'));
    // Two connections to one file, as two processes have. (Run one after the other: in one thread, a connection
    // waiting for SQLite's write lock would block the one holding it.)
    const a = await world(clock);
    const b = await world(clock);
    expect((await runDueDigests(a.deps, 'pa'))[0]).toMatchObject({ action: 'queued', period: '2026-11-25' });
    expect((await runDueDigests(b.deps, 'pb'))[0]).toEqual({ kind: 'daily', action: 'none' });
    // The race itself: both saw no record and both claim; the primary key lets exactly one through.
    const claim = (db: Db, by: string) =>
      claimDigestRun(db, { kind: 'daily', period: '2026-11-26', status: 'posting', scheduledFor: clock.now(), at: clock.now(), by, channelId: DIGEST });
    expect([await claim(a.db, 'pa'), await claim(b.db, 'pb')]).toEqual([true, false]);
    expect((await queued(b.db)).filter((m) => m.kind === 'digest' && m.digest === 'daily')).toHaveLength(1);
  });

  it('catches up on a daily digest missed while down, later the same day', async () => {
    const w = await world(new TestClock(new Date('2026-11-25T15:00:00Z')));
    expect((await runDueDigests(w.deps, 'p1'))[0]).toMatchObject({ action: 'queued', period: '2026-11-25' });
  });

  it('skips a daily digest missed while down when the bot is back only the next day', async () => {
    const w = await world(new TestClock(new Date('2026-11-26T07:00:00Z'))); // Thursday 08:00 in Berlin
    expect((await runDueDigests(w.deps, 'p1'))[0]).toMatchObject({ action: 'skipped', period: '2026-11-25' });
  });

  it('catches up on the weekly digest within two days, not after', async () => {
    const clock = new TestClock(new Date('2026-11-24T09:00:00Z')); // Tuesday: 25 h after Monday 09:00 Berlin
    const w = await world(clock);
    expect((await runDueDigests(w.deps, 'p1'))[1]).toMatchObject({ kind: 'weekly', action: 'queued', period: '2026-W48' });
    expect((await queued(w.db)).filter((m) => m.kind !== 'digest' || m.digest === 'weekly').map((m) => m.kind)).toEqual(['digest', 'digest_chart']);

    await w.db.deleteFrom('digest_runs').execute();
    clock.set('2026-11-25T08:01:00Z'); // Wednesday: 48 h and a minute after
    expect((await runDueDigests(w.deps, 'p1'))[1]).toMatchObject({ kind: 'weekly', action: 'skipped', period: '2026-W48' });
  });

  it('follows the clock change in Europe/Berlin: 09:00 is 07:00 UTC in summer and 08:00 UTC in winter', async () => {
    // The weekly digest on Monday 26 October 2026, the day after the clocks went back.
    const clock = new TestClock(new Date('2026-10-26T07:00:00Z'));
    const w = await world(clock);
    await w.db
      .insertInto('digest_runs')
      .values({ kind: 'weekly', period: '2026-W43', status: 'posted', scheduled_for: '2026-10-19T07:00:00.000Z', claimed_at: '2026-10-19T07:00:00.000Z', claimed_by: 'x', channel_id: TEAM, message_ts: '1.1', posted_at: '2026-10-19T07:00:01.000Z', note: null })
      .execute();
    expect((await runDueDigests(w.deps, 'p1'))[1]).toEqual({ kind: 'weekly', action: 'none' }); // 08:00 in Berlin: not yet
    clock.set('2026-10-26T07:59:59Z');
    expect((await runDueDigests(w.deps, 'p1'))[1]).toEqual({ kind: 'weekly', action: 'none' });
    clock.set('2026-10-26T08:00:00Z');
    expect((await runDueDigests(w.deps, 'p1'))[1]).toEqual({ kind: 'weekly', action: 'queued', period: '2026-W44', scheduledFor: new Date('2026-10-26T08:00:00Z') });

    // Spring: Friday 27 March 2026 09:00 is 08:00 UTC; Monday 30 March (after the change) 07:00 UTC.
    clock.set('2026-03-30T06:59:00Z');
    const spring = await world(clock);
    await spring.db.deleteFrom('digest_runs').execute();
    expect((await runDueDigests(spring.deps, 'p1'))[0]).toMatchObject({ kind: 'daily', action: 'skipped', period: '2026-03-27', scheduledFor: new Date('2026-03-27T08:00:00Z') });
    clock.set('2026-03-30T07:00:00Z');
    expect((await runDueDigests(spring.deps, 'p1'))[0]).toMatchObject({ kind: 'daily', action: 'queued', period: '2026-03-30' });
  });
});

describe('deliverDigest', () => {
  it('posts once even when a crash came between Slack accepting it and recording it', async () => {
    const w = await world(new TestClock(new Date('2026-11-25T08:00:00Z')));
    await runDueDigests(w.deps, 'p1');
    const [digest] = (await queued(w.db)).filter((m) => m.kind === 'digest' && m.digest === 'daily');
    await deliverDigest({ ...w.deps, content }, digest as Extract<OutboxMessage, { kind: 'digest' }>);
    // The process "died" before the row said posted: the outbox sends the message again after the restart.
    await w.db.updateTable('digest_runs').set({ status: 'posting', message_ts: null, posted_at: null }).where('period', '=', '2026-11-25').execute();
    await deliverDigest({ ...w.deps, content }, digest as Extract<OutboxMessage, { kind: 'digest' }>);
    expect(w.slack.posts).toHaveLength(1);
    expect(await w.db.selectFrom('digest_runs').select(['status', 'message_ts']).where('period', '=', '2026-11-25').executeTakeFirst()).toEqual({
      status: 'posted',
      message_ts: w.slack.posts[0]!.ts,
    });
    expect(w.logs.some((l) => l.msg === 'digest was already in the channel; recorded it')).toBe(true);
  });

  it('reports what changed since the last daily digest', async () => {
    const clock = new TestClock(new Date('2026-11-24T08:00:00Z'));
    const w = await world(clock);
    await runDueDigests(w.deps, 'p1');
    await deliverQueued(w);
    await w.db.updateTable('outbox').set({ status: 'sent' }).execute();
    clock.set('2026-11-25T08:00:00Z');
    await runDueDigests(w.deps, 'p1');
    await deliverQueued(w);
    expect(w.slack.posts.filter((p) => p.text.startsWith('daily')).map((p) => p.text)).toEqual([
      'daily at 2026-11-24T08:00:00.000Z since 2026-11-23T08:00:00.000Z',
      'daily at 2026-11-25T08:00:00.000Z since 2026-11-24T08:00:00.000Z',
    ]);
  });
});

describe('postDigestNow (npm run digest)', () => {
  it('previews without recording, posts once, and again only with force', async () => {
    const w = await world(new TestClock(new Date('2026-11-25T10:00:00Z')));
    const deps = { ...w.deps, content };
    expect(await postDigestNow(deps, { kind: 'weekly', force: false, dryRun: true, owner: 'cli' })).toMatchObject({ status: 'preview', period: '2026-W48' });
    expect(await runs(w.db)).toEqual([]);
    expect(await postDigestNow(deps, { kind: 'weekly', force: false, dryRun: false, owner: 'cli' })).toMatchObject({ status: 'posted', period: '2026-W48', channel: TEAM });
    expect(w.slack.uploads).toEqual([{ channel: TEAM, filename: 'requests-by-team-2026-W48.png', bytes: Buffer.byteLength('\x89PNG fake') }]);
    expect(await postDigestNow(deps, { kind: 'weekly', force: false, dryRun: false, owner: 'cli' })).toEqual({ status: 'already_posted', period: '2026-W48' });
    expect(await postDigestNow(deps, { kind: 'weekly', force: true, dryRun: false, owner: 'cli' })).toMatchObject({ status: 'posted' });
    expect(w.slack.posts).toHaveLength(2);
  });

  it('gives the period back when Slack refuses, so it can be posted later', async () => {
    const w = await world(new TestClock(new Date('2026-11-25T10:00:00Z')));
    w.slack.failNextPost = 'not_in_channel';
    await expect(postDigestNow({ ...w.deps, content }, { kind: 'daily', force: false, dryRun: false, owner: 'cli' })).rejects.toThrow('chat.postMessage failed: not_in_channel');
    expect(await runs(w.db)).toEqual([]);
    expect(await postDigestNow({ ...w.deps, content }, { kind: 'daily', force: false, dryRun: false, owner: 'cli' })).toMatchObject({ status: 'posted', period: '2026-11-25' });
  });
});
