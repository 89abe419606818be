import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../src/app/clock.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startRequestDesk, type RunningDesk, type StartOptions } from '../../src/start.js';
import { FakeSlack } from './fake-slack.js';
import { SlackSender, TEST_SIGNING_SECRET } from './slack-requests.js';

export const HELPER = 'UHELPER1';
export const TRIAGE_CHANNEL = 'C0TRIAGE';
export const TEST_BOT_TOKEN = 'xoxb-test-0000-secret-bot-token';

/** A clock a test can move. */
export class TestClock implements Clock {
  constructor(private current = new Date('2026-11-25T10:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date | string): void {
    this.current = new Date(at);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** A fresh temporary folder for a test's SQLite file. */
export function tempDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'request-desk-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Settings a test desk runs with, pointed at the fake Slack. */
export function testEnv(fake: FakeSlack, dbPath: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    DATABASE_PATH: dbPath,
    LOG_LEVEL: 'debug',
    HELPER_USER_IDS: HELPER,
    TRIAGE_CHANNEL_ID: TRIAGE_CHANNEL,
    TIMEZONE: 'Europe/Berlin',
    ...extra,
  };
}

/** The real Request Desk (real Bolt HTTP receiver, real SQLite file) against a fake Slack Web API. */
export interface Harness {
  fake: FakeSlack;
  desk: RunningDesk;
  config: Config;
  sender: SlackSender;
  clock: TestClock;
  dbPath: string;
  /** Every log line, parsed. */
  logs: Record<string, unknown>[];
  /** Stops the desk (keeping the database) and starts it again on the same file. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startHarness(
  opts: {
    env?: Record<string, string>;
    clock?: TestClock;
    start?: Partial<StartOptions>;
    /** Scripts the fake Slack before the desk starts (e.g. auth.test answers). */
    prepare?: (fake: FakeSlack) => void;
    /** Receives the log lines even when starting fails. */
    logs?: Record<string, unknown>[];
  } = {},
): Promise<Harness> {
  const fake = await FakeSlack.start();
  opts.prepare?.(fake);
  const dir = tempDir();
  const dbPath = join(dir.path, 'desk.db');
  const clock = opts.clock ?? new TestClock();
  fake.now = () => clock.now();
  const config = loadConfig(testEnv(fake, dbPath, opts.env));
  const logs: Record<string, unknown>[] = opts.logs ?? [];
  const logger = createLogger({
    level: 'debug',
    destination: { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) },
    secrets: [TEST_SIGNING_SECRET],
  });
  const boot = () => startRequestDesk(config, { logger, clock, host: '127.0.0.1', outbox: { pollMs: 50 }, ...opts.start });
  let desk: RunningDesk;
  try {
    desk = await boot();
  } catch (err) {
    await fake.stop();
    dir.remove();
    throw err;
  }
  const harness: Harness = {
    fake,
    desk,
    config,
    sender: new SlackSender(desk.url ?? ''),
    clock,
    dbPath,
    logs,
    async restart() {
      await harness.desk.stop();
      desk = await boot();
      harness.desk = desk;
      harness.sender = new SlackSender(desk.url ?? '');
    },
    async stop() {
      await harness.desk.stop();
      await fake.stop();
      dir.remove();
    },
  };
  return harness;
}
