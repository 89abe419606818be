import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildDailyDigest, buildWeeklyDigest } from '../src/app/digest-content.js';
import { renderWeeklyChart } from '../src/app/weekly-chart.js';
import { collectWeeklyFigures } from '../src/app/weekly-figures.js';
import { loadConfig } from '../src/config.js';
import { reportedWeek, weeksBefore } from '../src/core/digest-period.js';
import { openMigratedDatabase } from '../src/db/database.js';
import * as q from '../src/db/digest-repository.js';
import { seedDigestHistory } from './digest-seed.js';

/**
 * `npm run bench:digest [-- --count N] [-- --sample]`: seeds a desk's history (1,000,000 tickets over two years by
 * default) and times the weekly digest: each query, all of them (target: under 100 ms), the whole build with the
 * chart, and the daily digest. Then exports every ticket with the CLI while sampling its memory, once for a fifth
 * of the tickets and once for all, to show the export's memory does not grow with the ticket count.
 * `--sample` seeds a small, realistic desk (3,000 tickets) and prints the weekly digest's text (for the README).
 */

const args = process.argv.slice(2);
const sample = args.includes('--sample');
const count = Number(args[args.indexOf('--count') + 1] ?? 0) || (sample ? 3000 : 1_000_000);
const NOW = new Date('2026-11-30T07:00:00Z'); // Monday 08:00 in Berlin: the weekly digest reports 2026-W48
const RUNS = 15;
const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: 'bench', HELPER_USER_IDS: 'UHELPER1', TRIAGE_CHANNEL_ID: 'C0TRIAGE', TIMEZONE: 'Europe/Berlin' });

/** The median of `runs` timings of `fn`, after one run that warms SQLite's page cache; plus that first run. */
async function time(fn: () => Promise<unknown>, runs = RUNS): Promise<{ first: number; median: number }> {
  let started = performance.now();
  await fn();
  const first = performance.now() - started;
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { first, median: times[Math.floor(times.length / 2)] ?? 0 };
}

/** Runs the export CLI into a byte counter; returns its peak RSS (sampled from /proc every 20 ms) and output size. */
function exportPeak(dbPath: string, extra: string[]): Promise<{ tickets: number; peakMb: number; megabytes: number; seconds: number }> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, [resolve('dist/src/cli/export.js'), ...extra], { env: { PATH: process.env.PATH ?? '', DATABASE_PATH: dbPath, TIMEZONE: 'Europe/Berlin' } });
    let bytes = 0;
    let peak = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (bytes += chunk.length));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const sampler = setInterval(() => {
      try {
        const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        peak = Math.max(peak, Number(rss?.[1] ?? 0));
      } catch {
        // The process just ended.
      }
    }, 20);
    child.on('error', fail);
    child.on('close', (code) => {
      clearInterval(sampler);
      if (code !== 0) fail(new Error(`export exited with ${code}`));
      else done({ tickets: Number(/exported (\d+)/.exec(stderr)?.[1] ?? 0), peakMb: peak / 1024, megabytes: bytes / 1024 / 1024, seconds: (performance.now() - started) / 1000 });
    });
  });
}

// --db PATH keeps the seeded database there and reuses it on the next run (seeding a million takes about a minute).
const kept = args.includes('--db') ? resolve(args[args.indexOf('--db') + 1] ?? '') : undefined;
const dir = mkdtempSync(join(tmpdir(), 'request-desk-digest-'));
try {
  const path = kept ?? join(dir, 'desk.db');
  if (kept && existsSync(kept)) console.log(`reusing ${kept}`);
  else {
    const seeded = await seedDigestHistory(path, count, NOW);
    console.log(`seeded ${count.toLocaleString('en-US')} tickets with history and offers in ${seeded.seconds.toFixed(1)} s (${seeded.megabytes.toFixed(0)} MB)`);
  }
  const db = await openMigratedDatabase(path);
  const deps = { db, config, clock: { now: () => NOW } };

  if (sample) {
    const { message, chart } = await buildWeeklyDigest(deps, { now: NOW });
    console.log(JSON.stringify(message, null, 2));
    writeFileSync('dist/bench/weekly-digest-sample.png', await renderWeeklyChart(chart));
    console.log('chart: dist/bench/weekly-digest-sample.png');
  } else {
    const week = reportedWeek(NOW, config.timezone);
    const eight = [...weeksBefore(week, 7, config.timezone).reverse(), week];
    const edges = [...eight.map((w) => w.start), week.end];
    const queries: [string, () => Promise<unknown>][] = [
      ['received by team (8 weeks)', () => q.countByWeek(db, { group: 'team', time: 'created_at' }, edges)],
      ['received by category (4 weeks)', () => q.countByWeek(db, { group: 'category', time: 'created_at' }, edges.slice(-5))],
      ['received by source (week)', () => q.countByWeek(db, { group: 'source', time: 'created_at' }, edges.slice(-2))],
      ['closed by status (5 weeks)', () => q.countByWeek(db, { group: 'status', time: 'closed_at' }, edges.slice(-6))],
      ['open now and at 4 week ends', () => q.countOpenAt(db, eight.slice(4).map((w) => w.start))],
      ['first-response times (week)', () => q.listFirstResponseMinutes(db, week)],
      ['time to done (week)', () => q.listTimeToDoneMinutes(db, week)],
      ['time spent by team and category (week)', () => q.sumTimeSpent(db, week)],
      ['offers by source (week)', () => q.countOffers(db, week)],
    ];
    console.log(`\nweekly digest for ${week.week}, ${RUNS} runs each after a warm-up (median; first run in brackets):`);
    for (const [name, fn] of queries) {
      const t = await time(fn);
      console.log(`  ${name.padEnd(52)} ${t.median.toFixed(1).padStart(6)} ms  (${t.first.toFixed(1)})`);
    }
    const all = await time(() => collectWeeklyFigures(deps, NOW));
    console.log(`  ${'all queries and figures (target < 100 ms)'.padEnd(52)} ${all.median.toFixed(1).padStart(6)} ms  (${all.first.toFixed(1)})`);
    const whole = await time(() => buildWeeklyDigest(deps, { now: NOW }));
    console.log(`  ${'buildWeeklyDigest (figures + message)'.padEnd(52)} ${whole.median.toFixed(1).padStart(6)} ms`);
    const { chart } = await buildWeeklyDigest(deps, { now: NOW });
    const png = await time(() => renderWeeklyChart(chart), 5);
    console.log(`  ${'renderWeeklyChart (PNG)'.padEnd(52)} ${png.median.toFixed(1).padStart(6)} ms  (${png.first.toFixed(1)})`);
    const daily = await time(() => buildDailyDigest(deps, { now: NOW, since: new Date(NOW.getTime() - 86_400_000) }));
    console.log(`  ${'buildDailyDigest'.padEnd(52)} ${daily.median.toFixed(1).padStart(6)} ms  (${daily.first.toFixed(1)})`);
    // The day ticket number count/5 was filed: exporting up to it writes about a fifth of the tickets.
    const fifth = await db.selectFrom('tickets').select('created_at').where('number', '=', Math.floor(count / 5)).executeTakeFirst();
    await db.destroy();

    console.log('\nexport CLI (CSV into a pipe), peak RSS sampled every 20 ms:');
    const upTo = (fifth?.created_at ?? NOW.toISOString()).slice(0, 10);
    for (const [label, extra] of [[`to ${upTo}`, ['--to', upTo]], ['all tickets', []]] as const) {
      const r = await exportPeak(path, [...extra]);
      console.log(`  ${label.padEnd(16)} ${r.tickets.toLocaleString('en-US').padStart(9)} tickets, ${r.megabytes.toFixed(0).padStart(4)} MB in ${r.seconds.toFixed(1)} s, peak RSS ${r.peakMb.toFixed(0)} MB`);
    }
  }
  await db.destroy().catch(() => undefined);
} finally {
  // A kept database stays; a temporary one goes.
  rmSync(dir, { recursive: true, force: true });
}
