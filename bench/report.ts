import type { ClosedLoopResult, Outcome } from './load.js';
import { fmt, median, percentile, summariseLatencies, table, type LatencySummary } from './stats.js';

export type SystemName = 'app' | 'floor';

/** What one round measured for one system. */
export interface RoundResult {
  round: number;
  system: SystemName;
  throughput: ClosedLoopResult;
  /** CPU used during the throughput phase, as a share of one core: the system under test, and the generator. */
  cpuSystem: number;
  cpuGenerator: number;
  /** CPU milliseconds the system under test spent per event in the throughput phase: unlike events/s, this
   * barely moves when a noisy neighbour steals cycles. */
  cpuMsPerEvent: number;
  latency: Outcome[];
  rssMb: number;
}

/** The limits a run is judged by (see the constants at the top of run.ts). */
export interface Targets {
  throughputRatioMin: number;
  ackP99MaxMs: number;
  replyP99MaxMs: number;
  rssMaxMb: number;
  rssGrowthMaxMb: number;
  readyMaxMs: number;
  failedShareMax: number;
}

/** Everything measured for one system over the whole run. */
export interface SystemSummary {
  eventsPerSecond: number;
  cpuMsPerEvent: number;
  latency: LatencySummary;
  dmReplyP99: number;
  commandReplyP99: number;
  rssAfterMb: number;
  /** The highest RSS seen after a round. */
  rssPeakMb: number;
  /** RSS readings after each round, in order. */
  rssSeriesMb: number[];
  /** How much the lowest RSS of the later rounds exceeds the lowest of the earlier rounds (see rssGrowth). */
  rssGrowthMb: number;
  events: number;
  failed: number;
  readyMs: number;
}

/** One line per round, printed as the run goes. */
export function roundLine(r: RoundResult): string {
  const ok = r.latency.filter((o) => o.ok);
  const l = summariseLatencies(ok.map((o) => o.ackMs), ok.map((o) => o.replyMs));
  const failed = r.throughput.errors + r.latency.filter((o) => !o.ok).length;
  return [
    `round ${r.round} ${r.system.padEnd(5)}`,
    `${fmt(r.throughput.eventsPerSecond, 0).padStart(6)} events/s`,
    `(cpu ${r.system} ${fmt(r.cpuSystem * 100, 0)}% = ${fmt(r.cpuMsPerEvent, 2)} ms/event, generator ${fmt(r.cpuGenerator * 100, 0)}%)`,
    `| @50/s ack p50/p99 ${fmt(l.ackP50)}/${fmt(l.ackP99)} ms, reply p50/p99 ${fmt(l.replyP50)}/${fmt(l.replyP99)} ms`,
    `| RSS ${fmt(r.rssMb, 0)} MB`,
    failed > 0 ? `| ${failed} FAILED` : '',
  ].join(' ');
}

/** Combines a system's rounds: median throughput across rounds, latency percentiles over all latency samples. */
export function summarise(rounds: readonly RoundResult[], readyMs: number, warmUpEvents: number): SystemSummary {
  const all = rounds.flatMap((r) => r.latency);
  const ok = all.filter((o) => o.ok);
  const replyP99 = (kind: Outcome['kind']) => percentile(ok.filter((o) => o.kind === kind).map((o) => o.replyMs), 99);
  const last = rounds[rounds.length - 1];
  const rss = rounds.map((r) => r.rssMb);
  return {
    // The median round, not the mean: one round disturbed by a noisy neighbour should not move the result.
    eventsPerSecond: median(rounds.map((r) => r.throughput.eventsPerSecond)),
    cpuMsPerEvent: median(rounds.map((r) => r.cpuMsPerEvent)),
    latency: summariseLatencies(ok.map((o) => o.ackMs), ok.map((o) => o.replyMs)),
    dmReplyP99: replyP99('dm'),
    commandReplyP99: replyP99('command'),
    rssAfterMb: last?.rssMb ?? Number.NaN,
    rssPeakMb: Math.max(...rss),
    rssSeriesMb: rss,
    rssGrowthMb: rssGrowth(rss),
    events: rounds.reduce((n, r) => n + r.throughput.events + r.latency.length, warmUpEvents),
    failed: rounds.reduce((n, r) => n + r.throughput.errors + r.latency.filter((o) => !o.ok).length, 0),
    readyMs,
  };
}

/**
 * Growth between rounds, robust to GC: RSS after a round swings by tens of MB with where V8 happens to be in its
 * heap-sizing cycle, so comparing two single readings mostly measures that. A leak raises the lowest readings, so
 * this compares the lowest RSS of the later half of the rounds with the lowest of the earlier half (two rounds:
 * second minus first).
 */
export function rssGrowth(seriesMb: readonly number[]): number {
  if (seriesMb.length < 2) return Number.NaN;
  const half = Math.floor(seriesMb.length / 2);
  return Math.min(...seriesMb.slice(-half)) - Math.min(...seriesMb.slice(0, half));
}

/**
 * App ÷ floor throughput: the median over rounds of (app in round k ÷ floor in round k). Rounds alternate, so each
 * pair ran under similar machine conditions; the median drops a pair a noisy neighbour disturbed.
 */
export function throughputRatio(results: readonly RoundResult[]): number {
  const rate = (system: SystemName, round: number) => results.find((r) => r.system === system && r.round === round)?.throughput.eventsPerSecond ?? Number.NaN;
  const rounds = [...new Set(results.map((r) => r.round))];
  return median(rounds.map((k) => rate('app', k) / rate('floor', k)));
}

/** The side-by-side table: app, floor, app/floor. */
export function comparisonTable(app: SystemSummary, floor: SystemSummary, ratio: number, concurrency: number, rate: number): string {
  const row = (label: string, a: number, f: number, decimals = 1, showRatio = true) => [label, fmt(a, decimals), fmt(f, decimals), showRatio ? `${fmt(a / f, 2)}×` : ''];
  return table([
    ['', 'app', 'floor', 'app/floor'],
    [`throughput, events/s (${concurrency} outstanding; median round, paired ratio)`, fmt(app.eventsPerSecond, 0), fmt(floor.eventsPerSecond, 0), `${fmt(ratio, 2)}×`],
    row('CPU per event in the throughput phase, ms (median round)', app.cpuMsPerEvent, floor.cpuMsPerEvent, 2),
    row(`ack p50, ms (open loop, ${rate} events/s)`, app.latency.ackP50, floor.latency.ackP50),
    row('ack p99, ms', app.latency.ackP99, floor.latency.ackP99),
    row('reply-visible p50, ms', app.latency.replyP50, floor.latency.replyP50),
    row('reply-visible p99, ms', app.latency.replyP99, floor.latency.replyP99),
    row('  DM → chat.postMessage p99, ms', app.dmReplyP99, floor.dmReplyP99),
    row('  /request → views.open p99, ms', app.commandReplyP99, floor.commandReplyP99),
    row('reply-visible max, ms', app.latency.replyMax, floor.latency.replyMax),
    row('RSS after the run, MB', app.rssAfterMb, floor.rssAfterMb, 0),
    row('RSS peak after a round, MB', app.rssPeakMb, floor.rssPeakMb, 0),
    row('RSS growth between rounds (lowest later − lowest earlier), MB', app.rssGrowthMb, floor.rssGrowthMb, 0, false),
    row('ready to serve, ms (spawn → first 200 from /healthz)', app.readyMs, floor.readyMs, 0),
    row('events sent (warm-up included)', app.events, floor.events, 0, false),
    row('events failed (no ack or no reply in 10 s)', app.failed, floor.failed, 0, false),
  ]) + `\nRSS after each round, MB: app ${app.rssSeriesMb.map((x) => fmt(x, 0)).join(', ')}; floor ${floor.rssSeriesMb.map((x) => fmt(x, 0)).join(', ')}`;
}

export interface Verdict {
  pass: boolean;
  line: string;
}

/** Judges the app against the targets; `ready` is the app's time to serve on the seeded database. */
export function judge(app: SystemSummary, floor: SystemSummary, ratio: number, t: Targets, seededTickets: number): Verdict[] {
  const failedShare = app.failed / Math.max(1, app.events);
  const check = (pass: boolean, what: string, measured: string): Verdict => ({ pass, line: `${pass ? 'PASS' : 'FAIL'}  ${what.padEnd(52)} ${measured}` });
  return [
    check(ratio >= t.throughputRatioMin, `throughput ≥ ${t.throughputRatioMin}× floor`, `${fmt(ratio, 3)}× (median rounds ${fmt(app.eventsPerSecond, 0)} vs ${fmt(floor.eventsPerSecond, 0)} events/s)`),
    check(app.latency.ackP99 <= t.ackP99MaxMs, `ack p99 ≤ ${t.ackP99MaxMs} ms at 50 events/s`, `${fmt(app.latency.ackP99)} ms`),
    check(app.latency.replyP99 <= t.replyP99MaxMs, `reply-visible p99 ≤ ${t.replyP99MaxMs} ms at 50 events/s`, `${fmt(app.latency.replyP99)} ms`),
    check(app.rssAfterMb <= t.rssMaxMb, `RSS ≤ ${t.rssMaxMb} MB after ${app.events.toLocaleString('en-US')} events`, `${fmt(app.rssAfterMb, 0)} MB (peak after a round ${fmt(app.rssPeakMb, 0)} MB)`),
    check(app.rssGrowthMb <= t.rssGrowthMaxMb, `no RSS growth between rounds (≤ ${t.rssGrowthMaxMb} MB)`, `${fmt(app.rssGrowthMb, 0)} MB (after each round: ${app.rssSeriesMb.map((x) => fmt(x, 0)).join(', ')})`),
    check(app.readyMs <= t.readyMaxMs, `ready ≤ ${t.readyMaxMs} ms on ${seededTickets.toLocaleString('en-US')} tickets`, `${fmt(app.readyMs, 0)} ms`),
    check(failedShare <= t.failedShareMax, `failed events ≤ ${fmt(t.failedShareMax * 100, 1)}%`, `${app.failed} of ${app.events}`),
  ];
}
