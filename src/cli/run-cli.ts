import { config as loadDotenv } from 'dotenv';
import { ConfigError } from '../config.js';
import { createLogger, type Logger } from '../logger.js';

/** A failure to report to the person at the terminal in one line, with this exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** What a command-line tool gets: its arguments, the environment (.env read), a logger on stderr, and stdout. */
export interface CliContext {
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Logs go to stderr, so stdout carries only the result and can be piped. */
  logger: Logger;
  out(text: string): void;
}

/** Runs a command-line tool: result on stdout, logs and errors on stderr, a clear one-line error and exit code. */
export function runCli(main: (ctx: CliContext) => Promise<void>): void {
  loadDotenv({ quiet: true });
  const logger = createLogger({ level: process.env.LOG_LEVEL?.trim() || 'warn', destination: 2 });
  const ctx: CliContext = { args: process.argv.slice(2), env: process.env, logger, out: (text) => process.stdout.write(text) };
  main(ctx).then(
    () => process.exit(0),
    (err: unknown) => {
      if (err instanceof CliError || err instanceof ConfigError) {
        process.stderr.write(`${err.message}\n`);
        process.exit(err instanceof CliError ? err.exitCode : 1);
      }
      logger.error({ err }, 'failed');
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
