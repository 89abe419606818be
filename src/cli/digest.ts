import { hostname } from 'node:os';
import { postDigestNow } from '../app/post-digest-now.js';
import { SlackCallError } from '../app/slack-port.js';
import { systemClock } from '../app/clock.js';
import { loadConfig } from '../config.js';
import { openMigratedDatabase } from '../db/database.js';
import { messageAsText } from '../slack/views/message-text.js';
import { createWebApiPort } from '../slack/web-api-port.js';
import { createDigestContent } from '../app/digests.js';
import { CliError, runCli } from './run-cli.js';

const USAGE = 'usage: npm run digest -- daily|weekly [--dry-run] [--force]';

/**
 * `npm run digest -- daily|weekly [--dry-run] [--force]`: posts a digest now with the bot's settings (or prints it
 * with --dry-run). A period already posted is not posted again unless --force. Exits non-zero on a Slack error.
 */
runCli(async ({ args, env, logger, out }) => {
  const kind = args.find((a) => !a.startsWith('--'));
  if (kind !== 'daily' && kind !== 'weekly') throw new CliError(USAGE, 2);
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--dry-run' && a !== '--force');
  if (unknown.length > 0) throw new CliError(`unknown option ${unknown.join(', ')}\n${USAGE}`, 2);
  const config = loadConfig(env);
  const db = await openMigratedDatabase(config.databasePath, logger);
  try {
    const slack = createWebApiPort({ token: config.slackBotToken, slackApiUrl: config.slackApiUrl, logger });
    const deps = { db, slack, clock: systemClock, config, logger };
    const outcome = await postDigestNow(
      { ...deps, content: createDigestContent(deps) },
      { kind, force: args.includes('--force'), dryRun: args.includes('--dry-run'), owner: `cli:${hostname()}:${process.pid}` },
    ).catch((err: unknown) => {
      if (err instanceof SlackCallError) {
        const hint = ['not_in_channel', 'channel_not_found'].includes(err.code) ? ' — invite Request Desk to the digest channel (/invite @Request Desk)' : '';
        throw new CliError(`Slack refused the ${kind} digest: ${err.code}${hint}`);
      }
      throw err;
    });
    switch (outcome.status) {
      case 'not_configured':
        throw new CliError(`${kind === 'daily' ? 'DIGEST_CHANNEL_ID' : 'WEEKLY_DIGEST_CHANNEL_ID (or DIGEST_CHANNEL_ID)'} is not set: nowhere to post the ${kind} digest`);
      case 'preview':
        out(messageAsText(outcome.message));
        return;
      case 'already_posted':
        process.stderr.write(`the ${kind} digest for ${outcome.period} was already posted; pass --force to post it again\n`);
        return;
      case 'posted':
        out(`posted the ${kind} digest for ${outcome.period} to ${outcome.channel} (ts ${outcome.ts})\n`);
    }
  } finally {
    await db.destroy();
  }
});
