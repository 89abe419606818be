import { join } from 'node:path';
import type { Deps } from '../../src/app/deps.js';
import type { SlackPort } from '../../src/app/slack-port.js';
import { loadConfig } from '../../src/config.js';
import { openMigratedDatabase } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';
import { HELPER, tempDir, TestClock, TRIAGE_CHANNEL } from './harness.js';

/** A Slack port that must not be called: use cases talk to Slack through the outbox, except where noted. */
export const unusedSlack: SlackPort = new Proxy({} as SlackPort, {
  get: (_t, method) => () => Promise.reject(new Error(`unexpected Slack call: ${String(method)}`)),
});

/** Real database (fresh file), fixed clock, silent logger, default settings: the deps a use case runs with. */
export async function useCaseDeps(overrides: Partial<Deps> = {}) {
  const dir = tempDir();
  const db = await openMigratedDatabase(join(dir.path, 'desk.db'));
  const clock = new TestClock();
  const kicks = { count: 0 };
  const deps: Deps = {
    db,
    clock,
    slack: unusedSlack,
    logger: createLogger({ level: 'silent' }),
    config: loadConfig({ SLACK_BOT_TOKEN: 'xoxb-x', SLACK_SIGNING_SECRET: 'abc123', HELPER_USER_IDS: HELPER, TRIAGE_CHANNEL_ID: TRIAGE_CHANNEL, TIMEZONE: 'Europe/Berlin' }),
    outbox: { kick: () => void kicks.count++ },
    ...overrides,
  };
  return {
    deps,
    clock,
    kicks,
    async close() {
      await db.destroy();
      dir.remove();
    },
  };
}
