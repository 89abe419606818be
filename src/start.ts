import type { Server } from 'node:http';
import { hostname } from 'node:os';
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from './app/clock.js';
import { createDeliverer } from './app/deliver-message.js';
import type { Deps } from './app/deps.js';
import { scheduleMaintenance } from './app/maintenance.js';
import { OutboxWorker, type OutboxWorkerOptions } from './app/outbox-worker.js';
import type { DigestContent } from './app/digest-content-port.js';
import { createDigestContent } from './app/digests.js';
import { renderHome } from './app/render-home.js';
import { scheduleDigests } from './app/schedule-digests.js';
import { reportFailedDelivery } from './app/report-failed-delivery.js';
import { SlackCallError, type BotIdentity, type SlackPort } from './app/slack-port.js';
import type { Config } from './config.js';
import { openMigratedDatabase, type Db } from './db/database.js';
import type { Logger } from './logger.js';
import { buildSlackApp } from './slack/app.js';
import { InflightTracker } from './slack/inflight.js';
import { createWebApiPort } from './slack/web-api-port.js';

/** How long shutdown waits for open connections before closing them. */
const SHUTDOWN_GRACE_MS = 1000;

/** A running Request Desk. */
export interface RunningDesk {
  /** The HTTP base URL (HTTP mode only), e.g. http://127.0.0.1:3000 */
  url: string | undefined;
  identity: BotIdentity;
  db: Db;
  outbox: OutboxWorker;
  /** Resolves when listeners and the outbox have nothing in flight (tests use it). */
  settled(): Promise<void>;
  /** Stops taking requests, finishes work in flight, closes the database. */
  stop(): Promise<void>;
}

/** Thrown when the bot cannot start for a reason a person must fix (say, a revoked token). */
export class StartupError extends Error {
  override name = 'StartupError';
}

export interface StartOptions {
  logger: Logger;
  clock?: Clock;
  /** Replaces the Web API port; the real one is built from the config otherwise. */
  slack?: SlackPort;
  /** Per-call limits for the real Web API port (defaults: 10 s in the background, 2.5 s where a person waits). */
  slackTimeouts?: { backgroundMs?: number; interactiveMs?: number };
  outbox?: Partial<Pick<OutboxWorkerOptions, 'concurrency' | 'leaseMs' | 'pollMs' | 'policy' | 'random'>>;
  /** Listen on this host (HTTP mode); all interfaces by default. */
  host?: string;
  /** Replaces what the digests say (tests of the scheduling); the real builders otherwise. */
  digestContent?: DigestContent;
}

async function whoAmI(slack: SlackPort, logger: Logger): Promise<BotIdentity> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await slack.authTest();
    } catch (err) {
      if (err instanceof SlackCallError && !err.retryable) {
        throw new StartupError(
          `Slack rejected SLACK_BOT_TOKEN (${err.code}). Copy the Bot User OAuth Token again from OAuth & Permissions.`,
        );
      }
      const waitMs = Math.min(1000 * 2 ** (attempt - 1), 30_000);
      logger.warn({ err, attempt, waitMs }, 'Slack is not reachable yet; trying auth.test again');
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}

/**
 * The helper-inbox guard's Slack (as the helper, with SLACK_USER_TOKEN) and whose inbox it is. A rejected user token
 * stops the bot like a rejected bot token: the helper asked for the guard, so running without it would be a surprise.
 */
async function startInboxGuard(
  config: Config,
  logger: Logger,
  timeouts: StartOptions['slackTimeouts'],
  botSlack: SlackPort,
): Promise<NonNullable<Deps['inbox']>> {
  const slack = createWebApiPort({
    token: config.slackUserToken ?? '',
    slackApiUrl: config.slackApiUrl,
    logger,
    timeoutMs: timeouts?.backgroundMs,
    interactiveTimeoutMs: timeouts?.interactiveMs,
  });
  let ownerId: string;
  try {
    ownerId = (await slack.authTest()).botUserId;
  } catch (err) {
    const code = err instanceof SlackCallError ? err.code : 'unreachable';
    throw new StartupError(`Slack rejected SLACK_USER_TOKEN (${code}). Reinstall the app as the helper and copy the User OAuth Token again, or remove it to run without the inbox guard.`);
  }
  if (!config.helperUserIds.includes(ownerId)) logger.warn({ ownerId }, 'SLACK_USER_TOKEN belongs to someone not in HELPER_USER_IDS');
  // The helper is in the bot's DM with them too, so their messages to the bot may arrive through their own token.
  // Knowing that DM keeps them from being taken for messages to a colleague.
  let botDmChannel: string | undefined;
  try {
    botDmChannel = await botSlack.openDm(ownerId);
  } catch (err) {
    logger.warn({ err, ownerId }, "could not open the bot's DM with the inbox owner; their DMs to the bot may go unanswered");
  }
  logger.info({ ownerId, watchMentions: config.inboxWatchMentions }, 'inbox guard on');
  return { ownerId, slack, botDmChannel };
}

/** Opens the database, checks the token, starts the outbox, maintenance and the Slack listener. */
export async function startRequestDesk(config: Config, options: StartOptions): Promise<RunningDesk> {
  const { logger } = options;
  const clock = options.clock ?? systemClock;
  const db = await openMigratedDatabase(config.databasePath, logger);
  try {
    const slack =
      options.slack ??
      createWebApiPort({
        token: config.slackBotToken,
        slackApiUrl: config.slackApiUrl,
        logger,
        timeoutMs: options.slackTimeouts?.backgroundMs,
        interactiveTimeoutMs: options.slackTimeouts?.interactiveMs,
      });
    const identity = await whoAmI(slack, logger);
    const inbox = config.slackUserToken ? await startInboxGuard(config, logger, options.slackTimeouts, slack) : undefined;
    const outbox: OutboxWorker = new OutboxWorker({
      db,
      clock,
      logger,
      deliver: createDeliverer({
        db,
        slack,
        logger,
        clock,
        timezone: config.timezone,
        defaultLocale: config.defaultLocale,
        renderHome: (userId, page) => renderHome({ db, clock, config }, userId, page),
        digestContent: options.digestContent ?? createDigestContent({ db, clock, config }),
        userSlack: inbox?.slack,
      }),
      onGiveUp: (message, error, outboxId) => reportFailedDelivery(deps, { message, error, outboxId }),
      ...options.outbox,
    });
    const deps: Deps = { db, slack, clock, logger, config, outbox, inbox };
    const tracker = new InflightTracker();
    const app = buildSlackApp(deps, identity, tracker);

    let url: string | undefined;
    let server: Server | undefined;
    if (config.slackAppToken) {
      await app.start();
      logger.info({ mode: 'socket', botUserId: identity.botUserId, teamId: identity.teamId }, 'Request Desk is running');
    } else {
      server = (await app.start(options.host ? { port: config.port, host: options.host } : config.port)) as Server;
      const { port, address } = server.address() as AddressInfo;
      url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
      logger.info({ mode: 'http', port, endpoint: '/slack/events', botUserId: identity.botUserId }, 'Request Desk is running');
    }
    // Only once listening: a failed start leaves nothing running on a closed database.
    const stopMaintenance = scheduleMaintenance(deps);
    await outbox.start();
    const stopDigests = scheduleDigests(deps, `${hostname()}:${process.pid}`);

    const settled = async () => {
      do {
        await tracker.settled();
        await outbox.settled();
      } while (tracker.size > 0);
    };
    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        logger.info('stopping: no new requests, finishing work in flight');
        const closing = app.stop().catch((err: unknown) => logger.warn({ err }, 'receiver did not stop cleanly'));
        await tracker.settled();
        // Every request we accepted has been answered; what is still connected after a grace period is idle or a
        // client that stopped sending (say, after a 413), and would hold the shutdown open.
        await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref())]);
        server?.closeAllConnections();
        await closing;
        stopMaintenance();
        stopDigests();
        await outbox.stop();
        await db.destroy();
        logger.info('stopped');
      })());
    return { url, identity, db, outbox, settled, stop };
  } catch (err) {
    await db.destroy();
    throw err;
  }
}
