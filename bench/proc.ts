import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';

/** True when `taskset` can pin processes to cores (util-linux; absent on macOS and in some containers). */
export function hasTaskset(): boolean {
  return spawnSync('sh', ['-c', 'command -v taskset'], { stdio: 'ignore' }).status === 0;
}

/** Number of CPUs this process may run on (the affinity mask, which `nproc` reports). */
export function usableCpus(): number {
  const out = spawnSync('nproc', { encoding: 'utf8' });
  return Number.parseInt(out.stdout, 10) || 1;
}

/** Pins every thread of this process (libuv pool and V8 helpers included: `-a`) to one CPU. */
export function pinSelf(cpu: number): boolean {
  return spawnSync('taskset', ['-a', '-p', '-c', String(cpu), String(process.pid)], { stdio: 'ignore' }).status === 0;
}

/**
 * A free loopback port. The app logs its port but PORT=0 cannot be read back from outside, so we pick one; the
 * gap between closing this probe and the child binding is a tiny race we accept.
 */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** A server child (the app or the floor) and what it printed. */
export interface ServerChild {
  name: string;
  process: ChildProcess;
  pid: number;
  baseUrl: string;
  /** performance.now() just before spawn(). */
  spawnedAt: number;
  /** Log lines at warn level or worse (pino JSON `"level":"warn"` etc., or anything on stderr). */
  warnings: number;
  /** The last lines printed, to explain a crash. */
  tail: string[];
}

const WARN_LINE = /"level":"(warn|error|fatal)"/;

/** Spawns `node <nodeArgs> <script>` with `env`, pinned to `cpu` with taskset when given. */
export function spawnServer(opts: {
  name: string;
  script: string;
  nodeArgs?: string[];
  env: Record<string, string>;
  port: number;
  cpu: number | undefined;
  /** Working directory: a temp dir, so a developer's .env in the repo (read by dotenv at start) can't leak in. */
  cwd: string;
}): ServerChild {
  const argv = [...(opts.nodeArgs ?? []), opts.script];
  const [command, args] = opts.cpu === undefined ? [process.execPath, argv] : ['taskset', ['-c', String(opts.cpu), process.execPath, ...argv]];
  const spawnedAt = performance.now();
  // taskset execs node, so the pid we get is node's own (for /proc/<pid>/status).
  const proc = spawn(command, args, { cwd: opts.cwd, env: { PATH: process.env.PATH ?? '', ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const child: ServerChild = {
    name: opts.name,
    process: proc,
    pid: proc.pid ?? -1,
    baseUrl: `http://127.0.0.1:${opts.port}`,
    spawnedAt,
    warnings: 0,
    tail: [],
  };
  const collect = (stream: 'out' | 'err') => (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      if (stream === 'err' || WARN_LINE.test(line)) child.warnings += 1;
      child.tail.push(line.length > 400 ? `${line.slice(0, 400)}…` : line);
      if (child.tail.length > 20) child.tail.shift();
    }
  };
  proc.stdout?.on('data', collect('out'));
  proc.stderr?.on('data', collect('err'));
  return child;
}

function healthz(baseUrl: string): Promise<number> {
  return new Promise((resolve) => {
    const req = get(`${baseUrl}/healthz`, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => req.destroy());
  });
}

/**
 * Polls GET /healthz every few milliseconds until it answers 200; returns the milliseconds since spawn.
 * Fails if the child exits first or `timeoutMs` passes.
 */
export async function waitReady(child: ServerChild, timeoutMs: number): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.process.exitCode !== null || child.process.signalCode !== null) {
      throw new Error(`${child.name} exited (${child.process.exitCode ?? child.process.signalCode}) before it was ready:\n${child.tail.join('\n')}`);
    }
    if ((await healthz(child.baseUrl)) === 200) return performance.now() - child.spawnedAt;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`${child.name} not ready after ${timeoutMs} ms:\n${child.tail.join('\n')}`);
}

/** Resident set size of a process in MB (VmRSS in /proc/<pid>/status). */
export function rssMb(pid: number): number {
  return memoryMb(pid).rss;
}

/** VmRSS and its parts in MB: anonymous (heaps), file-backed (the node binary, libraries), shared memory. */
export function memoryMb(pid: number): { rss: number; anon: number; file: number; shmem: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => {
    const match = new RegExp(`^${name}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
    return match ? Number(match[1]) / 1024 : Number.NaN;
  };
  return { rss: field('VmRSS'), anon: field('RssAnon'), file: field('RssFile'), shmem: field('RssShmem') };
}

const CLOCK_TICKS = Number.parseInt(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout, 10) || 100;

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the parenthesised command name (which may contain spaces): state is [0], utime [11], stime [12].
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code (null when killed). */
export async function stopChild(child: ServerChild, graceMs = 10_000): Promise<number | null> {
  const proc = child.process;
  if (proc.exitCode !== null || proc.signalCode !== null) return proc.exitCode;
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
  const code = await exited;
  clearTimeout(timer);
  return code;
}
