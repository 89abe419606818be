import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlack } from '../support/fake-slack.js';
import { tempDir, testEnv } from '../support/harness.js';

const DIGEST = 'C0DIGEST';

/** `npm run digest -- …` as an operator runs it (the built script), against the fake Slack. */
function digest(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [resolve('dist/src/cli/digest.js'), ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += String(d)));
  child.stderr.on('data', (d: Buffer) => (stderr += String(d)));
  return new Promise((res) => child.on('exit', (code) => res({ code, stdout, stderr })));
}

let fake: FakeSlack;
let dir: ReturnType<typeof tempDir>;
let env: Record<string, string>;
beforeEach(async () => {
  fake = await FakeSlack.start();
  dir = tempDir();
  env = { ...testEnv(fake, join(dir.path, 'desk.db'), { LOG_LEVEL: 'warn' }), DIGEST_CHANNEL_ID: DIGEST };
});
afterEach(async () => {
  await fake.stop();
  dir.remove();
});

describe('npm run digest', () => {
  it('prints the digest with --dry-run and posts nothing', async () => {
    const r = await digest(['weekly', '--dry-run'], env);
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(20);
    expect(r.stdout).not.toMatch(/<@U|<!/);
    expect(fake.callsTo('chat.postMessage')).toEqual([]);
  });

  it('posts once, says so on the second run, and posts again with --force', async () => {
    const first = await digest(['daily'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^posted the daily digest for \d{4}-\d{2}-\d{2} to C0DIGEST \(ts \d+\.\d+\)\n$/);
    const second = await digest(['daily'], env);
    expect(second).toMatchObject({ code: 0, stdout: '' });
    expect(second.stderr).toMatch(/was already posted; pass --force to post it again/);
    expect((await digest(['daily', '--force'], env)).code).toBe(0);
    expect(fake.callsTo('chat.postMessage').filter((c) => c.args.channel === DIGEST)).toHaveLength(2);
  });

  it('exits non-zero with a clear message when Slack refuses', async () => {
    fake.reply('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    const r = await digest(['weekly'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Slack refused the weekly digest: not_in_channel — invite Request Desk to the digest channel');
    expect(r.stdout).toBe('');
    // The period was given back: the next run posts it.
    expect((await digest(['weekly'], env)).code).toBe(0);
  });

  it('explains its usage and a missing channel', async () => {
    expect(await digest([], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('usage: npm run digest -- daily|weekly') });
    const noChannel = await digest(['daily'], { ...env, DIGEST_CHANNEL_ID: '' });
    expect(noChannel.code).toBe(1);
    expect(noChannel.stderr).toContain('DIGEST_CHANNEL_ID is not set');
  });
});
