import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exportChunks, type ExportFormat } from '../app/ticket-export-format.js';
import { loadStorageConfig } from '../config.js';
import { addDays, startOfLocalDay } from '../core/digest-period.js';
import { openDatabase } from '../db/database.js';
import { streamExportRows, type ExportRow } from '../db/ticket-export-repository.js';
import { CliError, runCli } from './run-cli.js';

const USAGE = 'usage: npm run -s export -- [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format csv|json]';

/** The desk's time zone for --from/--to: TIMEZONE when set (as the bot reads it), else the machine's. */
function timeZoneOf(env: NodeJS.ProcessEnv): string {
  const tz = env.TIMEZONE?.trim() || Intl.DateTimeFormat().resolvedOptions().timeZone;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz;
  } catch {
    throw new CliError(`TIMEZONE: must be an IANA time zone such as Europe/Berlin (got ${tz})`, 2);
  }
}

function calendarDay(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  if (!ok) throw new CliError(`--${name} must be a date such as 2026-11-01 (got ${value})\n${USAGE}`, 2);
  return value;
}

function options(args: string[], env: NodeJS.ProcessEnv) {
  let values;
  try {
    ({ values } = parseArgs({ args, strict: true, options: { from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string' } } }));
  } catch (err) {
    throw new CliError(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`, 2);
  }
  const format = values.format ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new CliError(`--format must be csv or json\n${USAGE}`, 2);
  const from = calendarDay(values.from, 'from');
  const to = calendarDay(values.to, 'to');
  if (from && to && to < from) throw new CliError(`--to (${to}) is before --from (${from})`, 2);
  const tz = timeZoneOf(env);
  // Both days count whole: from the start of --from to the end of --to, in the desk's time zone.
  return {
    format: format as ExportFormat,
    filter: { from: from ? startOfLocalDay(from, tz) : undefined, to: to ? startOfLocalDay(addDays(to, 1), tz) : undefined },
  };
}

/**
 * Writes chunks to stdout, waiting for 'drain' whenever its buffer is full, so memory stays flat however big.
 * Returns false when the reader went away first (EPIPE, as with `| head`).
 */
async function writeAll(chunks: AsyncIterable<string>): Promise<boolean> {
  const out = process.stdout;
  let failure: NodeJS.ErrnoException | undefined;
  const onError = (err: NodeJS.ErrnoException) => void (failure ??= err);
  out.on('error', onError);
  try {
    for await (const chunk of chunks) {
      if (!out.write(chunk)) await once(out, 'drain').catch(onError);
      if (failure) break;
    }
    if (!failure) {
      // Resolves once everything written before it has been handed to the pipe (runCli exits right after).
      await new Promise<void>((done) =>
        out.write('', (err) => {
          if (err) onError(err);
          done();
        }),
      );
    }
  } finally {
    out.off('error', onError);
  }
  if (failure && failure.code !== 'EPIPE') throw failure;
  return !failure;
}

/**
 * `npm run -s export -- [--from …] [--to …] [--format csv|json]`: every ticket created in the range (whole days in
 * the desk's time zone) with its figures, streamed to stdout as RFC 4180 CSV or a JSON array. No person IDs.
 */
runCli(async ({ args, env }) => {
  const { format, filter } = options(args, env);
  const path = resolve(loadStorageConfig(env).databasePath);
  if (!existsSync(path)) throw new CliError(`there is no database at ${path}`);
  const db = openDatabase(path);
  let count = 0;
  async function* counted(rows: AsyncIterable<ExportRow>) {
    for await (const row of rows) {
      count++;
      yield row;
    }
  }
  let complete: boolean;
  try {
    complete = await writeAll(exportChunks(counted(streamExportRows(db, filter)), format));
  } finally {
    await db.destroy();
  }
  process.stderr.write(complete ? `exported ${count} tickets\n` : `stopped after ${count} tickets: the reader closed the pipe\n`);
});
