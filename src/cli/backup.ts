import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadStorageConfig } from '../config.js';
import { backupDatabase } from '../db/backup.js';
import { CliError, runCli } from './run-cli.js';

/** `npm run backup -- <file> [--force]`: an online, consistent copy of the database; prints the file's path. */
runCli(async ({ args, env, out }) => {
  const force = args.includes('--force');
  const [file] = args.filter((a) => a !== '--force');
  if (!file) throw new CliError('usage: npm run backup -- <file> [--force]', 2);
  const target = resolve(file);
  if (existsSync(target) && !force) throw new CliError(`${target} exists; pass --force to overwrite it`, 2);
  const { databasePath } = loadStorageConfig(env);
  // SQLite's backup writes into an existing database; whatever the old file was, it is replaced whole.
  if (force) rmSync(target, { force: true });
  const summary = await backupDatabase(resolve(databasePath), target);
  process.stderr.write(`backed up ${summary.tickets} tickets (up to #${summary.lastTicketNumber}) to ${target}\n`);
  out(`${target}\n`);
});
