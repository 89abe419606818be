import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeSlack, type RecordedCall } from '../support/fake-slack.js';
import { VALID_FORM } from '../support/flows.js';
import { tempDir, testEnv, TRIAGE_CHANNEL } from '../support/harness.js';
import { formSubmission } from '../support/payloads.js';
import { spawnBot, waitForLine, type BotProcess } from '../support/process.js';
import { SlackSender } from '../support/slack-requests.js';

const SUBMISSIONS = 40;
const KILL_AFTER_ACKS = 15;

let cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup) await fn();
  cleanup = [];
});

async function boot(dir: string): Promise<{ bot: BotProcess; sender: SlackSender }> {
  const bot = spawnBot({}, dir);
  cleanup.push(() => bot.child.kill('SIGKILL'));
  const ready = await waitForLine(bot, /Request Desk is running/);
  return { bot, sender: new SlackSender(`http://127.0.0.1:${String(ready.port)}`) };
}

/** Reads the database as a separate connection, like an operator would. */
function query<T>(path: string, sql: string): T[] {
  const db = new SQLite(path, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

describe('a crash (SIGKILL) in the middle of a burst of submissions', () => {
  it('loses no acknowledged ticket and no owed message; duplicates only for messages Slack had when the process died', async () => {
    const fake = await FakeSlack.start();
    const dir = tempDir();
    cleanup.push(
      () => fake.stop(),
      () => dir.remove(),
    );
    const dbPath = join(dir.path, 'desk.db');
    writeFileSync(join(dir.path, '.env'), Object.entries(testEnv(fake, dbPath, { LOG_LEVEL: 'info' })).map(([k, v]) => `${k}=${v}`).join('\n'));
    // Slack takes a while to answer, so messages are in flight when the kill lands.
    const slow = (args: Record<string, unknown>) => ({ delayMs: 40, body: { ok: true, channel: String(args.channel), ts: `1764300000.${String(fake.calls.length).padStart(6, '0')}` } });
    fake.reply('chat.postMessage', slow, Infinity);

    const first = await boot(dir.path);
    // When the test saw the process gone: a request it wrote just before the kill may still be read by the fake a
    // few milliseconds after kill() returned, but never after the process is known to be dead.
    let diedAt = Number.POSITIVE_INFINITY;
    void first.bot.exited.then(() => {
      diedAt = Date.now();
    });
    const acked = new Set<string>();
    let killedAt = 0;
    const submissions = Array.from({ length: SUBMISSIONS }, (_, i) => {
      const user = `U0CRASH${i}`;
      const title = `Crash test ${i}`;
      return first.sender.interaction(formSubmission({ user, form: { ...VALID_FORM, title } })).then(
        (res) => {
          if (res.status === 200 && res.body === '') acked.add(title);
          if (acked.size === KILL_AFTER_ACKS && killedAt === 0) {
            killedAt = Date.now();
            first.bot.child.kill('SIGKILL');
          }
        },
        () => undefined, // the connection died with the process: not acknowledged
      );
    });
    await Promise.all(submissions);
    expect(await first.bot.exited).toBeNull();
    expect(killedAt).toBeGreaterThan(0);
    const callsBeforeRestart = fake.calls.length;

    await boot(dir.path);
    // Wait until the outbox has nothing left to send.
    const deadline = Date.now() + 15_000;
    while (query<{ n: number }>(dbPath, "select count(*) n from outbox where status in ('pending', 'sending')")[0]!.n > 0) {
      if (Date.now() > deadline) throw new Error('outbox did not drain after the restart');
      await new Promise((r) => setTimeout(r, 50));
    }

    const tickets = query<{ number: number; title: string; requester_id: string }>(dbPath, 'select number, title, requester_id from tickets order by number');
    // Every acknowledged submission is a ticket; numbers are 1…N without gaps.
    for (const title of acked) expect(tickets.map((t) => t.title)).toContain(title);
    expect(tickets.map((t) => t.number)).toEqual(tickets.map((_, i) => i + 1));
    expect(query(dbPath, "select id from outbox where status = 'failed'")).toEqual([]);

    // Every owed message reached Slack at least once.
    const posts = fake.calls.filter((c) => c.method === 'chat.postMessage');
    const deliveries = new Map<string, RecordedCall[]>();
    for (const t of tickets) {
      deliveries.set(`received #${t.number}`, posts.filter((c) => c.args.channel === t.requester_id && String(c.args.text).startsWith(`#${t.number} received`)));
      deliveries.set(`card #${t.number}`, posts.filter((c) => c.args.channel === TRIAGE_CHANNEL && String(c.args.text).startsWith(`New ticket #${t.number}:`)));
    }
    for (const [what, calls] of deliveries) expect(calls.length, what).toBeGreaterThanOrEqual(1);

    // A message went out twice only if Slack had its first copy when the process died (the unavoidable window).
    const duplicated = [...deliveries].filter(([, calls]) => calls.length > 1);
    expect(diedAt).toBeGreaterThanOrEqual(killedAt);
    for (const [what, calls] of duplicated) expect(calls[0]!.at, what).toBeLessThanOrEqual(diedAt);
    process.stdout.write(
      `crash test: ${SUBMISSIONS} submissions, ${acked.size} acknowledged before SIGKILL, ${tickets.length} tickets stored, ` +
        `${deliveries.size} messages owed, all delivered; ${duplicated.length} sent twice (in flight at the kill), ` +
        `${fake.calls.length - callsBeforeRestart} Slack calls after the restart\n`,
    );
  }, 60_000);
});
