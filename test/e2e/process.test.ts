import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeSlack } from '../support/fake-slack.js';
import { tempDir, testEnv } from '../support/harness.js';
import { dmEvent, envelope } from '../support/payloads.js';
import { spawnBot, waitForLine } from '../support/process.js';
import { SlackSender } from '../support/slack-requests.js';

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn();
  cleanup = [];
});

describe('npm start (the built entry point)', () => {
  it('refuses to start without settings, naming every missing one, without a stack trace', async () => {
    const dir = tempDir();
    cleanup.push(() => dir.remove());
    const r = spawnBot({}, dir.path);
    expect(await r.exited).toBe(1);
    const err = r.stderr.join('');
    for (const name of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'HELPER_USER_IDS', 'TRIAGE_CHANNEL_ID']) expect(err).toContain(name);
    expect(err).not.toMatch(/\n\s+at /);
    expect(r.stdout).toEqual([]);
  });

  it('names each bad value', async () => {
    const dir = tempDir();
    cleanup.push(() => dir.remove());
    const r = spawnBot(
      {
        SLACK_BOT_TOKEN: 'xoxp-not-a-bot-token',
        SLACK_SIGNING_SECRET: 'abc123',
        HELPER_USER_IDS: 'alice,U0BOB',
        TRIAGE_CHANNEL_ID: '#triage',
        PORT: 'eighty',
        OFFER_COOLDOWN_MINUTES: '-5',
        LOG_LEVEL: 'loud',
        SLACK_API_URL: 'not a url',
      },
      dir.path,
    );
    expect(await r.exited).toBe(1);
    const err = r.stderr.join('');
    for (const name of ['SLACK_BOT_TOKEN', 'HELPER_USER_IDS', 'TRIAGE_CHANNEL_ID', 'PORT', 'OFFER_COOLDOWN_MINUTES', 'LOG_LEVEL', 'SLACK_API_URL']) {
      expect(err).toMatch(new RegExp(`- ${name}: `));
    }
    expect(err).not.toContain('xoxp-not-a-bot-token');
  });

  it('stops with a clear message when Slack rejects the token, and prints no token', async () => {
    const fake = await FakeSlack.start();
    const dir = tempDir();
    cleanup.push(
      () => fake.stop(),
      () => dir.remove(),
    );
    fake.reply('auth.test', { body: { ok: false, error: 'invalid_auth' } });
    const env = testEnv(fake, join(dir.path, 'desk.db'), { LOG_LEVEL: 'debug' });
    const r = spawnBot(env, dir.path);
    expect(await r.exited).toBe(1);
    const output = [...r.stdout, ...r.stderr].join('\n');
    expect(r.stderr.join('')).toContain('Slack rejected SLACK_BOT_TOKEN (invalid_auth)');
    expect(output).not.toContain(env.SLACK_BOT_TOKEN);
    expect(output).not.toContain(env.SLACK_SIGNING_SECRET);
  });

  it('reads .env, serves HTTP, and on SIGTERM finishes work in flight and closes the database', async () => {
    const fake = await FakeSlack.start();
    const dir = tempDir();
    cleanup.push(
      () => fake.stop(),
      () => dir.remove(),
    );
    const env = testEnv(fake, join(dir.path, 'data', 'desk.db'), { LOG_LEVEL: 'info' });
    writeFileSync(join(dir.path, '.env'), Object.entries(env).map(([k, v]) => `${k}=${v}`).join('\n'));
    const r = spawnBot({}, dir.path);
    cleanup.push(() => void r.child.kill('SIGKILL'));
    const ready = await waitForLine(r, /Request Desk is running/);
    const sender = new SlackSender(`http://127.0.0.1:${String(ready.port)}`);

    // Slack answers slowly: the reply is still in flight when SIGTERM arrives, and must still go out.
    fake.reply('chat.postMessage', { delayMs: 300, body: { ok: true, channel: 'DALICE', ts: '1.1' } });
    expect((await sender.event(envelope(dmEvent({ user: 'UALICE', text: 'can you fix the banner?' })))).status).toBe(200);
    await fake.waitFor((c) => c.method === 'chat.postMessage');
    r.child.kill('SIGTERM');
    expect(await r.exited).toBe(0);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    await waitForLine(r, /"msg":"stopped"/, 1000);
    expect(r.stdout.some((l) => /"level":"(error|fatal)"/.test(l))).toBe(false);
    // A clean close checkpoints the WAL into the database file.
    const wal = join(dir.path, 'data', 'desk.db-wal');
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
    // The reply that was in flight was recorded as sent before the database closed.
    const db = new SQLite(join(dir.path, 'data', 'desk.db'), { readonly: true });
    cleanup.push(() => void db.close());
    expect(db.prepare('select status from outbox').all()).toEqual([{ status: 'sent' }]);
  });
});
