import { config as loadDotenv } from 'dotenv';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { startRequestDesk, StartupError } from './start.js';

/** Entry point of `npm start`: config → logger → Request Desk, and a clean stop on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger({
    level: config.logLevel,
    secrets: [config.slackSigningSecret, config.slackBotToken, config.slackAppToken, config.slackUserToken].filter(
      (s): s is string => s !== undefined,
    ),
  });
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
  process.on('uncaughtException', (err) => {
    logger.fatal({ err }, 'uncaught exception; exiting');
    process.exit(1);
  });

  let desk;
  try {
    desk = await startRequestDesk(config, { logger });
  } catch (err) {
    if (err instanceof StartupError) {
      logger.fatal(err.message);
      process.stderr.write(`Request Desk cannot start: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }

  const shutdown = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'shutdown requested');
    // A second signal while stopping means "now".
    process.once(signal, () => process.exit(1));
    desk.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

void main();
