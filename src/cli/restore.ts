import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadStorageConfig } from '../config.js';
import { restoreDatabase } from '../db/backup.js';
import { openDatabase } from '../db/database.js';
import { findLockHolder } from '../db/worker-lock-repository.js';
import { CliError, runCli } from './run-cli.js';

// A bot that heartbeated this recently is presumed running (it renews every second).
const RUNNING_WITHIN_MS = 30_000;

/** The bot holding the outbox lock on this database, if one heartbeated recently; unreadable databases have none. */
async function runningBot(path: string) {
  if (!existsSync(path)) return undefined;
  try {
    const db = openDatabase(path);
    try {
      const holder = await findLockHolder(db, 'outbox');
      return holder && Date.now() - holder.heartbeatAt.getTime() < RUNNING_WITHIN_MS ? holder : undefined;
    } finally {
      await db.destroy();
    }
  } catch {
    return undefined;
  }
}

/** `npm run restore -- <backup-file>`: replaces the database with a backup; refuses while the bot runs. */
runCli(async ({ args, env, out }) => {
  const [file] = args;
  if (!file) throw new CliError('usage: npm run restore -- <backup-file>', 2);
  const source = resolve(file);
  if (!existsSync(source)) throw new CliError(`there is no backup at ${source}`, 2);
  const target = resolve(loadStorageConfig(env).databasePath);
  const bot = await runningBot(target);
  if (bot) throw new CliError(`Request Desk is running on ${target} (pid ${bot.pid} on ${bot.host}); stop it first`);
  const summary = await restoreDatabase(source, target);
  process.stderr.write(`restored ${summary.tickets} tickets from ${source}; the next ticket is #${summary.lastTicketNumber + 1}\n`);
  out(`${target}\n`);
});
