import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackChannelId, slackTs, slackUserId } from '../../src/slack/slack-ids.js';
import { ACTION_IDS } from '../../src/slack/ids.js';
import { dmAndGetOffer, mrkdwnTexts } from '../support/flows.js';
import { startHarness, type Harness } from '../support/harness.js';
import { buttonClick, dmEvent, envelope, formSubmission, mentionEvent, slashCommand } from '../support/payloads.js';
import type { SentRequest } from '../support/slack-requests.js';

// A few thousand signed, hostile or malformed requests at every endpoint the app has. Deterministic: a seeded PRNG.
const REQUESTS = 3000;
const CONCURRENCY = 40;

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(20261125);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

const HOSTILE_STRINGS = [
  '<!channel> free pizza',
  '<!here|here> look',
  '<!everyone>',
  '<@U0BOSS> <@U0BOSS|boss>',
  '<https://evil.example|your bank>',
  '<#C0GENERAL|general>',
  "'; DROP TABLE tickets; --",
  '" OR 1=1 --',
  "Robert'); DELETE FROM offers; --",
  '\u0000\u0001\u0002\u001b[31m',
  '💥'.repeat(500),
  '%s%s%n',
  '${process.exit(1)}',
  '__proto__',
  'U1><!channel>',
  '1764200000.000001; drop',
  'x'.repeat(100_000),
  '',
  ' ',
  '*bold* _it_ ~s~ `code` ```block```',
];
const HOSTILE_VALUES: unknown[] = [
  null,
  0,
  -1,
  1e308,
  true,
  [],
  {},
  [1, 'two', null],
  { nested: { deeper: { deepest: ['x'] } } },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  ...HOSTILE_STRINGS,
];

/** Replaces, deletes or adds a value somewhere inside `value` (a deep copy is mutated). */
function mutate(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > 6) return random() < 0.5 ? pick(HOSTILE_VALUES) : value;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  const roll = random();
  if (keys.length === 0 || roll < 0.1) {
    (copy as Record<string, unknown>)[pick(['extra', 'type', 'user', '__proto__', 'constructor'])] = pick(HOSTILE_VALUES);
  } else if (roll < 0.25) {
    delete (copy as Record<string, unknown>)[pick(keys)];
  } else if (roll < 0.6) {
    (copy as Record<string, unknown>)[pick(keys)] = pick(HOSTILE_VALUES);
  } else {
    const key = pick(keys);
    (copy as Record<string, unknown>)[key] = mutate((copy as Record<string, unknown>)[key], depth + 1);
  }
  return copy;
}

type Send = (h: Harness) => Promise<SentRequest>;

// Many people, so the offer cooldown does not silence most DMs (the bot must answer hostile asks safely).
const USERS = ['UALICE', 'UHELPER1', ...Array.from({ length: 60 }, (_, i) => `U0FUZZ${i}`)];

function fuzzCase(offerId: string): Send {
  const user = pick(USERS);
  const times = 1 + Math.floor(random() * 3);
  const twice = <T>(base: T): T => {
    let v: unknown = base;
    for (let i = 0; i < times; i++) v = mutate(v);
    return v as T;
  };
  const kind = pick(['dm', 'mention', 'event', 'command', 'click', 'form', 'shortcut', 'raw'] as const);
  switch (kind) {
    case 'dm':
      return (h) => h.sender.event(twice(envelope(dmEvent({ user, text: pick(HOSTILE_STRINGS) || 'fix it' }))));
    case 'mention':
      return (h) => h.sender.event(twice(envelope(mentionEvent({ user, text: `<@UBOT> ${pick(HOSTILE_STRINGS)}` }))));
    case 'event':
      return (h) => h.sender.event(twice(envelope({ type: pick(['reaction_added', 'app_home_opened', 'member_joined_channel', 'x']), user })));
    case 'command':
      return (h) => h.sender.command(Object.fromEntries(Object.entries(twice(slashCommand({ user, text: pick(HOSTILE_STRINGS) }))).map(([k, v]) => [k, String(v)])));
    case 'click':
      return (h) =>
        h.sender.interaction(
          twice(
            buttonClick({
              user,
              actionId: pick([ACTION_IDS.createTicketFromOffer, ACTION_IDS.notARequest, 'unknown_action']),
              value: pick([offerId, '999999', '-1', '1e9', 'abc', ...HOSTILE_STRINGS.slice(0, 5)]),
              channel: 'DALICE',
              messageTs: '1764200000.000500',
              responseUrl: h.fake.responseUrl('fuzz'),
            }),
          ),
        );
    case 'form':
      return (h) =>
        h.sender.interaction(
          twice(
            formSubmission({
              user,
              form: {
                title: pick(HOSTILE_STRINGS),
                details: pick(HOSTILE_STRINGS),
                category: pick(['Website', 'Design', 'Nope', "'; --"]),
                team: pick(['Sales', 'Other', 'Pirates']),
                dueDate: pick(['2026-12-01', '2026-11-24', '2026-02-30', 'tomorrow', '']),
                urgency: pick(['low', 'normal', 'urgent', 'URGENT', '']),
              },
              privateMetadata: pick([
                '',
                '{',
                JSON.stringify({ v: 1, source: 'dm', offerId: Number(offerId) }),
                JSON.stringify({ v: 1, source: 'mention', offerId: 1, offerMessage: { kind: 'ephemeral', channel: 'C1', responseUrl: 'javascript:alert(1)' } }),
                JSON.stringify({ v: 2, __proto__: { polluted: true } }),
              ]),
            }),
          ),
        );
    case 'shortcut':
      return (h) => h.sender.interaction(twice({ type: 'shortcut', callback_id: 'create_ticket', trigger_id: 't1', user: { id: user }, team: { id: 'T0TEAM' } }));
    case 'raw':
      return (h) => h.sender.post(pick(['', 'null', '[]', '"x"', '{"type":"event_callback"}', 'payload=%7B', 'a=b&c=d']), pick(['application/json', 'application/x-www-form-urlencoded']));
  }
}

// Everything in a message that Slack would parse as markup, and the forms the app itself writes.
const OWN_MARKUP = [/^<@[UW][A-Z0-9]+>$/, /^<!date\^\d+\^[^|>]+\|[^>]+>$/, /^<https:\/\/acme\.slack\.com\/archives\/[A-Z0-9]+\/p\d+\|Original message>$/];

let h: Harness;
const statuses = new Map<number, number>();
const unexpected: SentRequest[] = [];
beforeAll(async () => {
  h = await startHarness({ env: { LOG_LEVEL: 'info' } });
  const offer = await dmAndGetOffer(h, 'UALICE', 'can you fix the banner?');
  const cases = Array.from({ length: REQUESTS }, () => fuzzCase(offer.offerId));
  for (let i = 0; i < cases.length; i += CONCURRENCY) {
    const results = await Promise.all(cases.slice(i, i + CONCURRENCY).map((send) => send(h)));
    for (const r of results) {
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      if (![200, 400, 401, 413].includes(r.status)) unexpected.push(r);
    }
  }
  await h.desk.settled();
}, 120_000);
afterAll(async () => {
  await h.stop();
});

describe(`${REQUESTS} hostile and malformed signed requests`, () => {
  it('get no 5xx and no unanswered request', () => {
    process.stdout.write(`fuzz statuses: ${JSON.stringify(Object.fromEntries(statuses))}\n`);
    expect(unexpected.map((r) => `${r.status} ← ${decodeURIComponent(r.sent).slice(0, 1500)}`)).toEqual([]);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(REQUESTS);
  });

  it('leave the app serving, with no listener failure logged', async () => {
    expect((await fetch(`${h.desk.url}/healthz`)).status).toBe(200);
    const errors = h.logs.filter((l) => l.level === 'error' || l.level === 'fatal');
    expect(errors.map((e) => e.msg)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('store only well-formed tickets and offers', async () => {
    const tickets = await h.desk.db.selectFrom('tickets').selectAll().execute();
    for (const t of tickets) {
      expect(h.config.categories).toContain(t.category);
      expect(h.config.teams).toContain(t.team);
      expect(['low', 'normal', 'urgent']).toContain(t.urgency);
      expect(t.title.trim().length).toBeGreaterThan(0);
      expect(t.title.length).toBeLessThanOrEqual(100);
      expect(t.details.length).toBeLessThanOrEqual(3000);
      expect(slackUserId.safeParse(t.requester_id).success).toBe(true);
      if (t.due_date !== null) expect(t.due_date >= '2026-11-25').toBe(true);
    }
    for (const o of await h.desk.db.selectFrom('offers').selectAll().execute()) {
      expect(slackUserId.safeParse(o.user_id).success).toBe(true);
      expect(slackChannelId.safeParse(o.channel_id).success).toBe(true);
      expect(slackTs.safeParse(o.message_ts).success).toBe(true);
    }
    expect(tickets.length).toBeGreaterThan(0); // some hostile titles are valid tickets: they must be stored safely
  });

  it('let no ping or forged link out through the bot', () => {
    const outgoing = h.fake.calls.filter((c) => c.method.startsWith('chat.') || c.method === 'response_url');
    expect(outgoing.length).toBeGreaterThan(100);
    for (const call of outgoing) {
      for (const text of mrkdwnTexts(call.args)) {
        for (const token of text.match(/<[^>]*>?/g) ?? []) {
          expect(OWN_MARKUP.some((re) => re.test(token)), `${call.method}: ${token}`).toBe(true);
        }
      }
    }
  });
});
