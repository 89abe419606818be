import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import type { Logger } from '../logger.js';
import type { Clock } from './clock.js';
import type { SlackPort } from './slack-port.js';

/** What every use case receives: the database, Slack, the clock, a logger and the settings. */
export interface Deps {
  db: Db;
  slack: SlackPort;
  clock: Clock;
  logger: Logger;
  config: Config;
  /** Wakes the outbox worker after a commit that wrote messages. */
  outbox: { kick(): void };
  /**
   * The helper-inbox guard, when a helper authorised it (SLACK_USER_TOKEN): whose inbox, Slack as them, and the
   * bot's own DM with them (messages there are for the bot, not the inbox).
   */
  inbox?: { ownerId: string; slack: SlackPort; botDmChannel?: string | undefined } | undefined;
}
