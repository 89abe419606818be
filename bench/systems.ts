// The two systems under test — the real app and the floor — where they run and how they are started.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FakeSlackSink } from './fake-slack.js';
import { freePort, hasTaskset, pinSelf, spawnServer, usableCpus, type ServerChild } from './proc.js';

export const CPU_SYSTEM = 0; // the app and the floor (only one of them is busy at a time)
export const CPU_GENERATOR = 1; // the orchestrator: load generator + fake Slack
export const SIGNING_SECRET = 'benchsigningsecret0123456789abcdef';
const BOT_TOKEN = 'xoxb-bench';

const here = dirname(fileURLToPath(import.meta.url));
/** The app's real entry point, as `npm start` runs it. */
export const APP_MAIN = join(here, '..', 'src', 'main.js');
const FLOOR_MAIN = join(here, 'floor.js');

/** Which source the figures belong to: src/ changes under us, so the commit is printed with them. */
export function describeSource(): string {
  const repo = join(here, '..', '..');
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repo, encoding: 'utf8' });
  if (head.status !== 0) return 'source: not a git checkout';
  const dirty = spawnSync('git', ['status', '--porcelain', '--', 'src', 'migrations'], { cwd: repo, encoding: 'utf8' }).stdout.trim() !== '';
  return `source: commit ${head.stdout.trim()}${dirty ? ' plus uncommitted changes in src/ or migrations/' : ''}`;
}

/** Pins this process to CPU_GENERATOR (children go to CPU_SYSTEM) when taskset and two CPUs are there. */
export function pin(): { childCpu: number | undefined; note: string } {
  if (!hasTaskset()) return { childCpu: undefined, note: 'pinning: none (taskset not found) — generator and system under test share cores' };
  if (usableCpus() < 2) return { childCpu: undefined, note: 'pinning: none (fewer than 2 CPUs) — generator and system under test share a core' };
  if (!pinSelf(CPU_GENERATOR)) return { childCpu: undefined, note: 'pinning: none (taskset -p failed) — generator and system under test share cores' };
  return { childCpu: CPU_SYSTEM, note: `pinning: app and floor on CPU ${CPU_SYSTEM}, orchestrator (load generator + fake Slack) on CPU ${CPU_GENERATOR} (taskset)` };
}

export interface Launch {
  sink: FakeSlackSink;
  tmp: string;
  cpu: number | undefined;
  /** Where `--cpu-prof` writes, when profiling. */
  profDir: string | undefined;
}

const nodeArgs = (launch: Launch, name: string) => (launch.profDir ? ['--cpu-prof', `--cpu-prof-dir=${join(launch.profDir, name)}`] : []);

/** Starts the real app (`node dist/src/main.js`) in HTTP mode on `dbPath`. */
export async function spawnApp(launch: Launch, dbPath: string): Promise<ServerChild> {
  const port = await freePort();
  return spawnServer({
    name: 'app',
    script: APP_MAIN,
    nodeArgs: nodeArgs(launch, 'app'),
    port,
    cpu: launch.cpu,
    cwd: launch.tmp,
    env: {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: launch.sink.apiUrl,
      // Empty counts as "not set" (README), and dotenv does not override a variable that exists: HTTP mode.
      SLACK_APP_TOKEN: '',
      SLACK_USER_TOKEN: '',
      PORT: String(port),
      DATABASE_PATH: dbPath,
      LOG_LEVEL: 'warn',
      HELPER_USER_IDS: 'UHELPER1',
      TRIAGE_CHANNEL_ID: 'C0TRIAGE',
      TIMEZONE: 'UTC',
    },
  });
}

/** Starts the floor (bench/floor.ts): bare Bolt with the same listeners. */
export async function spawnFloor(launch: Launch): Promise<ServerChild> {
  const port = await freePort();
  return spawnServer({
    name: 'floor',
    script: FLOOR_MAIN,
    nodeArgs: nodeArgs(launch, 'floor'),
    port,
    cpu: launch.cpu,
    cwd: launch.tmp,
    env: { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: launch.sink.apiUrl, PORT: String(port) },
  });
}

