import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackUserId } from '../../src/slack/slack-ids.js';
import { mrkdwnTexts } from '../support/flows.js';
import { HELPER, startHarness, type Harness } from '../support/harness.js';
import { envelope, messageShortcut, reactionEvent, slashCommand } from '../support/payloads.js';

// Signed but hostile or malformed message shortcuts, :ticket: reactions and `/request list|#N` commands (the main
// fuzz test covers the older endpoints). Deterministic: a seeded PRNG.
const REQUESTS = 600;
const CONCURRENCY = 30;

let seed = 20261126;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

const HOSTILE: unknown[] = [
  '<!channel> free pizza',
  '<https://evil.example|your bank>',
  'U1><!channel>',
  "'; DROP TABLE tickets; --",
  '1764200000.000001; drop',
  'x'.repeat(100_000),
  '',
  null,
  -1,
  [],
  {},
  JSON.parse('{"__proto__": {"polluted": true}}'),
];

/** Replaces, deletes or adds one value somewhere inside `value` (a copy). */
function mutate(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > 5) return pick(HOSTILE);
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string, unknown>;
  const keys = Object.keys(copy);
  const roll = random();
  if (keys.length === 0 || roll < 0.15) copy[pick(['extra', 'user', 'message', 'item', 'reaction'])] = pick(HOSTILE);
  else if (roll < 0.3) delete copy[pick(keys)];
  else if (roll < 0.6) copy[pick(keys)] = pick(HOSTILE);
  else {
    const key = pick(keys);
    copy[key] = mutate(copy[key], depth + 1);
  }
  return copy;
}

const TS = '1764200000.000900';
let h: Harness;
const unexpected: string[] = [];
beforeAll(async () => {
  h = await startHarness({ env: { LOG_LEVEL: 'info' } });
  h.fake.addMessage({ channel: 'C0GENERAL', ts: TS, user: 'UALICE', text: '<!channel> can someone <https://evil.example|fix> this?' });
  const sends = Array.from({ length: REQUESTS }, () => {
    const user = pick([HELPER, 'UALICE', 'UBOB']);
    const times = Math.floor(random() * 3);
    const hostile = <T>(base: T): T => Array.from({ length: times }).reduce<unknown>((v) => mutate(v), base) as T;
    switch (pick(['shortcut', 'reaction', 'command'] as const)) {
      case 'shortcut':
        return () =>
          h.sender.interaction(
            hostile(messageShortcut({ user, channel: 'C0GENERAL', message: { ts: TS, text: String(pick(HOSTILE)), user: pick(['UALICE', 'U1><!channel>']) }, responseUrl: h.fake.responseUrl('hostile') })),
          );
      case 'reaction':
        return () => h.sender.event(hostile(envelope(reactionEvent({ user, channel: 'C0GENERAL', ts: TS, itemUser: 'UALICE' }))));
      case 'command':
        return () => h.sender.command(Object.fromEntries(Object.entries(hostile(slashCommand({ user, text: pick(['list', '#1', '1', '#999999999', '#-1', '#1e3']) }))).map(([k, v]) => [k, String(v)])));
    }
  });
  for (let i = 0; i < sends.length; i += CONCURRENCY) {
    for (const r of await Promise.all(sends.slice(i, i + CONCURRENCY).map((send) => send()))) {
      if (![200, 400, 401].includes(r.status)) unexpected.push(`${r.status} ← ${r.sent.slice(0, 500)}`);
    }
  }
  await h.desk.settled();
}, 120_000);
afterAll(async () => {
  await h.stop();
});

describe(`${REQUESTS} hostile shortcuts, reactions and /request list|#N commands`, () => {
  it('get no 5xx and log no listener failure', () => {
    expect(unexpected).toEqual([]);
    // The well-formed share reached the listeners: forms opened, or "already ticket #1" said.
    expect(h.fake.callsTo('views.open').length + h.fake.callsTo('response_url').length).toBeGreaterThan(0);
    expect(h.logs.filter((l) => l.level === 'error' || l.level === 'fatal').map((l) => JSON.stringify(l).slice(0, 600))).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('file at most one ticket for the message, for a real person', async () => {
    const tickets = await h.desk.db.selectFrom('tickets').selectAll().where('source', '=', 'reaction').execute();
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({ requester_id: 'UALICE', filed_by_id: HELPER, source_ts: TS });
    for (const t of await h.desk.db.selectFrom('tickets').select(['requester_id', 'filed_by_id']).execute()) {
      expect(slackUserId.safeParse(t.requester_id).success).toBe(true);
      expect(slackUserId.safeParse(t.filed_by_id).success).toBe(true);
    }
  });

  it('let no ping or forged link out', () => {
    const outgoing = h.fake.calls.filter((c) => c.method.startsWith('chat.') || c.method === 'response_url');
    for (const call of outgoing) {
      for (const text of mrkdwnTexts(call.args)) expect(text, call.method).not.toMatch(/<!channel>|<https:\/\/evil|U1></);
    }
  });
});
