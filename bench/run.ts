/**
 * `npm run bench [-- --quick] [-- --cpu-prof]`: Request Desk against its floor.
 *
 * The orchestrator (this process) runs the load generator and a fake Slack Web API on loopback. It starts two
 * children: the real app (`dist/src/main.js`, HTTP receiver, SQLite seeded with 1,000,000 tickets) and the floor
 * (`bench/floor.ts`: bare Bolt, same listeners, only the Slack calls). Rounds alternate app/floor; each round
 * measures throughput (closed loop), latency at a fixed arrival rate (open loop) and RSS. Then the app is judged
 * against the targets from the issue; the exit code says whether it met them.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeSlackSink } from './fake-slack.js';
import { closedLoop, openLoop, SignedSender, Workload } from './load.js';
import { cpuSeconds, memoryMb, rssMb, stopChild, waitReady, type ServerChild } from './proc.js';
import { summariseProfile } from './profile.js';
import { comparisonTable, judge, roundLine, summarise, throughputRatio, type RoundResult, type SystemName, type Targets } from './report.js';
import { seedTickets } from './seed.js';
import { fmt } from './stats.js';
import { APP_MAIN, describeSource, pin, SIGNING_SECRET, spawnApp, spawnFloor, type Launch } from './systems.js';

// ---------------------------------------------------------------------------------------------------------------
// Targets. The full run holds the app to the issue's targets (2-core machine). --quick runs in CI on a noisy,
// shared machine with few samples, so it fails only on a wide miss — several times past a target — which still
// catches what matters (a synchronous scan at start, a leak, a blocked event loop, lost replies) without flaking.
// ---------------------------------------------------------------------------------------------------------------
const FULL_TARGETS: Targets = {
  throughputRatioMin: 0.7, // events/s at fixed concurrency, app ÷ floor
  ackP99MaxMs: 50, // at 50 events/s
  replyP99MaxMs: 250, // request sent → reply at the fake Slack, at 50 events/s
  rssMaxMb: 250, // after 100,000 events
  rssGrowthMaxMb: 20, // "no growth between rounds": lowest RSS of the later rounds − of the earlier (report.ts rssGrowth)
  readyMaxMs: 2000, // spawn → first 200 from /healthz, on 1,000,000 tickets
  failedShareMax: 0, // every event acknowledged and answered
};
const QUICK_TARGETS: Targets = {
  // A regression tripwire, not the target: the app measures 0.33–0.50× here against the 0.7× target (README,
  // "Performance"), so half the target would fail CI at random on this noisy machine.
  throughputRatioMin: 0.25,
  ackP99MaxMs: 250, // 5× the target
  replyP99MaxMs: 1000, // 4×
  rssMaxMb: 500, // 2×
  rssGrowthMaxMb: 100, // 5×; two rounds only, so this catches a gross leak, not a slow one
  readyMaxMs: 6000, // 3×
  failedShareMax: 0.01, // one timeout in a hundred under CI load, not a systematic loss
};

/** How much work a run does. App events per run = warmUpEvents + rounds × (closedEvents + OPEN_RATE × openSeconds). */
interface Plan {
  name: 'full' | 'quick';
  /** Events each system gets before round 1, unmeasured: the JIT and V8's heap sizing settle first. */
  warmUpEvents: number;
  rounds: number;
  /** Events per throughput phase, the first `untimed` of them not timed (connections ramping up). */
  closedEvents: number;
  untimed: number;
  /** Seconds of the fixed-rate latency phase. */
  openSeconds: number;
  seedTickets: number;
}
const FULL_PLAN: Plan = { name: 'full', warmUpEvents: 2_000, rounds: 5, closedEvents: 19_000, untimed: 500, openSeconds: 20, seedTickets: 1_000_000 };
// Under a minute on the 2-core machine, seeding included. It still seeds 1,000,000 tickets: what the ready target
// guards against (a migration that rebuilds a table, a scan at start) scales with the table and would hide at 200k.
const QUICK_PLAN: Plan = { name: 'quick', warmUpEvents: 1_500, rounds: 2, closedEvents: 600, untimed: 100, openSeconds: 3, seedTickets: 1_000_000 };

const CONCURRENCY = 32; // events outstanding in the throughput phase
const OPEN_RATE = 50; // events/s in the latency phase
const COMMAND_EVERY = 5; // every 5th event is /request (views.open), the rest DMs (chat.postMessage)
const REPLY_TIMEOUT_MS = 10_000;

function parseArgs(argv: string[]): { plan: Plan; targets: Targets; cpuProf: boolean } {
  const known = new Set(['--quick', '--cpu-prof']);
  const unknown = argv.filter((a) => !known.has(a));
  if (unknown.length > 0) {
    process.stderr.write(`unknown option(s): ${unknown.join(' ')}\nusage: node dist/bench/run.js [--quick] [--cpu-prof]\n`);
    process.exit(2);
  }
  const quick = argv.includes('--quick');
  return { plan: quick ? QUICK_PLAN : FULL_PLAN, targets: quick ? QUICK_TARGETS : FULL_TARGETS, cpuProf: argv.includes('--cpu-prof') };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const count = (n: number) => n.toLocaleString('en-US');

function assertAlive(child: ServerChild): void {
  if (child.process.exitCode !== null || child.process.signalCode !== null) {
    throw new Error(`${child.name} died (${child.process.exitCode ?? child.process.signalCode}):\n${child.tail.join('\n')}`);
  }
}

const RSS_SETTLE_MS = 2000;

/** One round for one system: throughput at fixed concurrency, then latency at a fixed rate, then RSS. */
async function runRound(round: number, system: SystemName, child: ServerChild, workload: Workload, plan: Plan): Promise<RoundResult> {
  assertAlive(child);
  const cpuBefore = cpuSeconds(child.pid);
  const genBefore = process.cpuUsage();
  const wallBefore = performance.now();
  const throughput = await closedLoop(workload, { concurrency: CONCURRENCY, events: plan.closedEvents, untimed: plan.untimed });
  const wall = (performance.now() - wallBefore) / 1000;
  const gen = process.cpuUsage(genBefore);
  const cpuUsed = cpuSeconds(child.pid) - cpuBefore;
  // A short pause so the latency phase starts on an idle system, not on the tail of the flood.
  await sleep(300);
  assertAlive(child);
  const latency = await openLoop(workload, { ratePerSecond: OPEN_RATE, seconds: plan.openSeconds });
  // RSS is read once the system has been idle a moment (both systems alike): right after a flood it swings by
  // ~80 MB with where V8's young generation happens to be, which says nothing about what the process keeps.
  await sleep(RSS_SETTLE_MS);
  assertAlive(child);
  return {
    round,
    system,
    throughput,
    cpuSystem: cpuUsed / wall,
    cpuGenerator: (gen.user + gen.system) / 1e6 / wall,
    cpuMsPerEvent: (cpuUsed * 1000) / throughput.events,
    latency,
    rssMb: rssMb(child.pid),
  };
}

/** Prints the summaries of the children's CPU profiles (written when they exit). */
function printProfiles(profDir: string): void {
  for (const name of ['app', 'floor']) {
    const dir = join(profDir, name);
    const file = existsSync(dir) ? readdirSync(dir).find((f) => f.endsWith('.cpuprofile')) : undefined;
    if (!file) continue;
    console.log(`\n--- CPU profile of the ${name}: ${join(dir, file)}`);
    console.log(summariseProfile(join(dir, file)));
  }
}

async function main(): Promise<void> {
  const { plan, targets, cpuProf } = parseArgs(process.argv.slice(2));
  if (!existsSync(APP_MAIN)) throw new Error(`${APP_MAIN} is missing: build first (npx tsc -p bench/tsconfig.json)`);
  const started = performance.now();
  const appEvents = plan.warmUpEvents + plan.rounds * (plan.closedEvents + OPEN_RATE * plan.openSeconds);
  const pinning = pin();
  console.log(`Request Desk benchmark — ${plan.name} run: ${plan.rounds} rounds per system, ${count(appEvents)} events through the app`);
  console.log(`${describeSource()}; node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(pinning.note);
  console.log(`workload: DMs (message.im, each from a new user) and every ${COMMAND_EVERY}th event a /request; throughput with ${CONCURRENCY} outstanding, latency at ${OPEN_RATE} events/s`);
  if (cpuProf) console.log('profiling: on (--cpu-prof) — the profiler slows both children and keeps its samples in memory: throughput runs low, RSS high');

  const sink = await FakeSlackSink.start();
  const tmp = mkdtempSync(join(tmpdir(), 'request-desk-bench-'));
  const launch: Launch = { sink, tmp, cpu: pinning.childCpu, profDir: cpuProf ? mkdtempSync(join(tmpdir(), 'request-desk-bench-prof-')) : undefined };
  const children: ServerChild[] = [];
  const killAll = () => children.forEach((c) => c.process.exitCode === null && c.process.kill('SIGKILL'));
  process.once('exit', killAll);
  process.once('SIGINT', () => {
    killAll();
    rmSync(tmp, { recursive: true, force: true });
    process.exit(130);
  });

  try {
    // 1. A database holding what a busy desk accumulates, built with the app's own migrations.
    const dbPath = join(tmp, 'desk.db');
    const seeded = await seedTickets(dbPath, plan.seedTickets);
    console.log(`seeded ${count(plan.seedTickets)} tickets in ${fmt(seeded.seconds)} s (${fmt(seeded.megabytes, 0)} MB; freshly written, so in the page cache)`);

    // 2. The app on that file, timed from spawn to its first 200 on /healthz; then the floor, the same way.
    const app = await spawnApp(launch, dbPath);
    children.push(app);
    const appReadyMs = await waitReady(app, 30_000);
    const floor = await spawnFloor(launch);
    children.push(floor);
    const floorReadyMs = await waitReady(floor, 30_000);
    console.log(`ready to serve: app ${fmt(appReadyMs, 0)} ms (on ${count(plan.seedTickets)} tickets), floor ${fmt(floorReadyMs, 0)} ms (no database)`);

    // 3. Warm-up, then rounds alternating app / floor. Each system has its own generator (user IDs never repeat).
    const senders = { app: new SignedSender(app.baseUrl, SIGNING_SECRET), floor: new SignedSender(floor.baseUrl, SIGNING_SECRET) };
    const workloadOptions = { commandEvery: COMMAND_EVERY, replyTimeoutMs: REPLY_TIMEOUT_MS };
    const systems = {
      app: { child: app, workload: new Workload(senders.app, sink, { ...workloadOptions, tag: 'A' }) },
      floor: { child: floor, workload: new Workload(senders.floor, sink, { ...workloadOptions, tag: 'F' }) },
    } as const;
    for (const system of ['app', 'floor'] as const) {
      const { child, workload } = systems[system];
      const warm = await closedLoop(workload, { concurrency: CONCURRENCY, events: plan.warmUpEvents, untimed: 0 });
      assertAlive(child);
      if (warm.errors > 0) throw new Error(`${system}: ${warm.errors} of ${warm.events} warm-up events failed:\n${child.tail.join('\n')}`);
    }
    console.log(`warm-up: ${count(plan.warmUpEvents)} events per system, not measured\n`);
    const results: RoundResult[] = [];
    for (let round = 1; round <= plan.rounds; round++) {
      for (const system of ['app', 'floor'] as const) {
        const result = await runRound(round, system, systems[system].child, systems[system].workload, plan);
        results.push(result);
        console.log(roundLine(result));
      }
    }
    // Idle keep-alive connections would hold the children's graceful shutdown open for its grace period.
    senders.app.close();
    senders.floor.close();

    // 4. Report.
    const appSummary = summarise(results.filter((r) => r.system === 'app'), appReadyMs, plan.warmUpEvents);
    const floorSummary = summarise(results.filter((r) => r.system === 'floor'), floorReadyMs, plan.warmUpEvents);
    const ratio = throughputRatio(results);
    console.log(`\n${comparisonTable(appSummary, floorSummary, ratio, CONCURRENCY, OPEN_RATE)}\n`);
    console.log(`fake Slack saw: ${[...sink.counts].map(([m, n]) => `${m} ${n}`).join(', ')}; unmatched replies ${sink.unmatched}; still awaited ${sink.pending}`);
    for (const c of [app, floor]) {
      const m = memoryMb(c.pid);
      const logs = c.warnings > 0 ? `logged ${c.warnings} warning/error line(s), the last:\n  ${c.tail.slice(-5).join('\n  ')}` : 'logged no warnings or errors';
      console.log(`${c.name}: RSS now ${fmt(m.rss, 0)} MB = anonymous ${fmt(m.anon, 0)} + file-backed ${fmt(m.file, 0)} + shared ${fmt(m.shmem, 0)}; ${logs}`);
    }
    const verdicts = judge(appSummary, floorSummary, ratio, targets, plan.seedTickets);
    console.log(`\ntargets (${plan.name === 'quick' ? 'quick run: fails only on a wide miss, see QUICK_TARGETS' : "full run: the issue's targets"}):`);
    for (const v of verdicts) console.log(`  ${v.line}`);

    for (const c of [app, floor]) {
      const code = await stopChild(c);
      if (code !== 0) console.log(`${c.name} exited with ${code} on SIGTERM`);
    }
    if (launch.profDir) printProfiles(launch.profDir);
    const missed = verdicts.filter((v) => !v.pass).length;
    console.log(`\n${missed === 0 ? 'all targets met' : `${missed} target(s) missed`} — ${fmt((performance.now() - started) / 1000, 0)} s in total`);
    process.exitCode = missed === 0 ? 0 : 1;
  } finally {
    for (const c of children) await stopChild(c, 3000);
    await sink.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
});
