import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';

// What `npm start` runs: the built entry point (vitest's global setup builds it).
export const MAIN = resolve('dist/src/main.js');

/** A running `node dist/src/main.js`, with its output collected line by line. */
export interface BotProcess {
  child: ChildProcessWithoutNullStreams;
  stdout: string[];
  stderr: string[];
  exited: Promise<number | null>;
}

/** Starts the bot in `cwd` with only `env` (and PATH) as its environment. */
export function spawnBot(env: Record<string, string>, cwd: string): BotProcess {
  const child = spawn(process.execPath, [MAIN], { cwd, env: { PATH: process.env.PATH ?? '', ...env } });
  const stdout: string[] = [];
  const stderr: string[] = [];
  child.stdout.on('data', (d: Buffer) => stdout.push(...String(d).split('\n').filter(Boolean)));
  child.stderr.on('data', (d: Buffer) => stderr.push(String(d)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout, stderr, exited };
}

/** Waits for a JSON log line matching `pattern` and returns it parsed. */
export async function waitForLine(r: BotProcess, pattern: RegExp, timeoutMs = 10_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const line = r.stdout.find((l) => pattern.test(l));
    if (line) return JSON.parse(line) as Record<string, unknown>;
    await new Promise((res) => setTimeout(res, 25));
  }
  throw new Error(`no log line matching ${pattern}; stdout: ${r.stdout.join('\n')} stderr: ${r.stderr.join('')}`);
}
