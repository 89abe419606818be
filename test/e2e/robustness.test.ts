import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileTicketByDm, offerCalls, sendDm, submitForm, VALID_FORM } from '../support/flows.js';
import { HELPER, startHarness, TEST_BOT_TOKEN, TRIAGE_CHANNEL, type Harness } from '../support/harness.js';
import { buttonClick, dmEvent, envelope, slashCommand } from '../support/payloads.js';
import { TEST_SIGNING_SECRET } from '../support/slack-requests.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;

describe('Slack retries', () => {
  it('answers a retried event once, also when the retry arrives after a restart', async () => {
    const env = envelope(dmEvent({ user: 'UALICE', text: 'can you fix the banner?' }));
    expect((await h.sender.event(env)).status).toBe(200);
    expect((await h.sender.event(env, { retryNum: 1 })).status).toBe(200);
    await h.desk.settled();
    expect(offerCalls(h)).toHaveLength(1);
    await h.restart();
    expect((await h.sender.event(env, { retryNum: 2 })).status).toBe(200);
    await h.desk.settled();
    expect(offerCalls(h)).toHaveLength(1);
    expect(h.logs.filter((l) => l.msg === 'duplicate event delivery ignored')).toHaveLength(2);
  });

  it('answers 40 simultaneous DMs from different people once each, acking fast', async () => {
    const envelopes = Array.from({ length: 40 }, (_, i) => envelope(dmEvent({ user: `UPERSON${i}`, text: `could you update page ${i}?` })));
    const results = await Promise.all(envelopes.map((e) => h.sender.event(e)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    await h.desk.settled();
    const offers = offerCalls(h);
    expect(offers).toHaveLength(40);
    expect(new Set(offers.map((o) => o.args.channel)).size).toBe(40);
    const acks = results.map((r) => r.ackMs);
    const summary = { p50: percentile(acks, 50), p99: percentile(acks, 99), max: Math.max(...acks) };
    process.stdout.write(`burst of 40 DMs: ack p50 ${summary.p50.toFixed(1)} ms, p99 ${summary.p99.toFixed(1)} ms, max ${summary.max.toFixed(1)} ms\n`);
    expect(summary.max).toBeLessThan(3000);
  });
});

describe('requests that are not from Slack', () => {
  const body = () => JSON.stringify(envelope(dmEvent({ user: 'UALICE', text: 'can you fix the banner?' })));

  it.each([
    ['a forged signature', { headers: { 'x-slack-signature': `v0=${'0'.repeat(64)}` } }],
    ['a stale timestamp (6 minutes old)', { timestamp: Math.floor(Date.now() / 1000) - 360 }],
    ['no signature at all', { sign: false }],
  ])('refuses %s with 401 and does nothing', async (_label, opts) => {
    const res = await h.sender.post(body(), 'application/json', opts);
    expect(res.status).toBe(401);
    await h.desk.settled();
    expect(offerCalls(h)).toHaveLength(0);
    expect(await h.desk.db.selectFrom('processed_events').selectAll().execute()).toHaveLength(0);
  });

  it('refuses a body signed with another secret', async () => {
    const other = new (h.sender.constructor as typeof import('../support/slack-requests.js').SlackSender)(h.desk.url!, 'anothersecret0123456789');
    expect((await other.post(body(), 'application/json')).status).toBe(401);
  });

  it('answers a malformed body with 400 and an oversized one with 413', async () => {
    expect((await h.sender.post('{"type": "event_callback", ', 'application/json')).status).toBe(400);
    // Signed JSON that is not an object made Bolt 5.1 throw and never answer; the guard answers 400 at once.
    for (const body of ['null', '"x"', '[1]', '7']) expect((await h.sender.post(body, 'application/json')).status).toBe(400);
    expect((await h.sender.post('payload=null', 'application/x-www-form-urlencoded')).status).toBe(400);
    const huge = JSON.stringify({ ...envelope(dmEvent({ user: 'UALICE', text: 'x'.repeat(2 * 1024 * 1024) })) });
    expect((await h.sender.post(huge, 'application/json')).status).toBe(413);
    expect((await h.sender.post(body(), 'application/json', { path: '/elsewhere' })).status).toBe(404);
    await h.desk.settled();
    expect(offerCalls(h)).toHaveLength(0);
  });

  it('refuses requests from another workspace with 401 and logs them', async () => {
    const foreign = [
      await h.sender.event(envelope(dmEvent({ user: 'UEVE', text: 'can you fix the banner?' }), { teamId: 'T0OTHER' })),
      await h.sender.command({ ...slashCommand({ user: 'UEVE', text: 'a banner' }), team_id: 'T0OTHER' }),
      await h.sender.interaction({
        ...buttonClick({ user: 'UEVE', actionId: 'offer_create_ticket', value: '1', channel: 'DEVE', messageTs: '1.2' }),
        team: { id: 'T0OTHER', domain: 'other' },
        user: { id: 'UEVE', team_id: 'T0OTHER' },
      }),
    ];
    expect(foreign.map((r) => r.status)).toEqual([401, 401, 401]);
    await h.desk.settled();
    expect(h.fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
    expect(await h.desk.db.selectFrom('offers').selectAll().execute()).toEqual([]);
    const refused = h.logs.filter((l) => l.msg === 'refused a request from another workspace');
    expect(refused.map((l) => [l.teamId, l.kind])).toEqual([
      ['T0OTHER', 'event'],
      ['T0OTHER', 'command'],
      ['T0OTHER', 'action'],
    ]);
  });

  it('serves a health check', async () => {
    const res = await fetch(`${h.desk.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok\n');
  });
});

describe('unexpected input', () => {
  it('acknowledges and logs unknown actions, views, commands and events without doing anything', async () => {
    const click = buttonClick({ user: 'UALICE', actionId: 'from_an_old_version', value: '1', channel: 'DALICE', messageTs: '1.2' });
    const unknownView = { type: 'view_submission', user: { id: 'UALICE' }, team: { id: 'T0TEAM' }, view: { id: 'V1', callback_id: 'nope', state: { values: {} } } };
    const responses = [
      await h.sender.interaction(click),
      await h.sender.interaction(unknownView),
      await h.sender.command(slashCommand({ user: 'UALICE', command: '/other' })),
      await h.sender.event(envelope({ type: 'member_joined_channel', user: 'UALICE', channel: 'C1' })),
    ];
    for (const r of responses) expect(r.status).toBe(200);
    expect(Math.max(...responses.map((r) => r.ackMs))).toBeLessThan(1000);
    await h.desk.settled();
    expect(h.fake.calls.filter((c) => c.method !== 'auth.test')).toHaveLength(0);
    const ignored = h.logs.filter((l) => l.msg === 'ignored a request no listener handles').map((l) => [l.kind, l.id]);
    expect(ignored).toEqual([
      ['action', 'from_an_old_version'],
      ['view_submission', 'nope'],
      ['command', '/other'],
      ['event', 'member_joined_channel'],
    ]);
  });

  it('ignores events of an unexpected shape and a form with garbage state, with a log line', async () => {
    // Unreadable for Bolt itself (text is a number): stopped before Bolt reads it.
    const unreadable = await h.sender.event(envelope({ type: 'message', channel_type: 'im', user: 'UALICE', text: 42 }));
    // Readable, but not a message from a person we could answer (a user ID that is not one): the listener drops it.
    const forged = await h.sender.event(envelope(dmEvent({ user: 'U1><!channel>', channel: 'DALICE', text: 'can you fix the banner?' })));
    expect([unreadable.status, forged.status]).toEqual([200, 200]);
    const form = await h.sender.interaction({
      type: 'view_submission',
      user: { id: 'UALICE' },
      team: { id: 'T0TEAM' },
      view: { id: 'V1', callback_id: 'ticket_form', private_metadata: '{not json', state: { values: { a: 'b', ticket_title: null } } },
    });
    await h.desk.settled();
    expect(offerCalls(h)).toHaveLength(0);
    expect(JSON.parse(form.body)).toMatchObject({ response_action: 'errors' });
    expect(h.logs.find((l) => l.msg === 'ignored a request this app cannot read')).toMatchObject({ problem: 'malformed event: event.text' });
    expect(h.logs.some((l) => l.msg === 'message event ignored: unexpected shape (user)')).toBe(true);
  });

  it('keeps the ticket when Slack refuses the triage card, logs it with context and still confirms to the requester', async () => {
    h.fake.reply('chat.postMessage', (args) => (args.channel === TRIAGE_CHANNEL ? { body: { ok: false, error: 'not_in_channel' } } : undefined), 5);
    const res = await submitForm(h, 'UALICE', VALID_FORM);
    expect(res.body).toBe('');
    expect(await h.desk.db.selectFrom('tickets').select('number').execute()).toEqual([{ number: 1 }]);
    const failed = await h.desk.db.selectFrom('outbox').selectAll().where('status', '=', 'failed').execute();
    expect(failed).toMatchObject([{ kind: 'triage_card', ordering_key: TRIAGE_CHANNEL, last_error: 'chat.postMessage failed: not_in_channel' }]);
    const line = h.logs.find((l) => l.msg === 'outbox: delivery failed for good; the message is kept as failed');
    expect(line).toMatchObject({ level: 'error', kind: 'triage_card', key: TRIAGE_CHANNEL });
    expect(h.fake.calls.some((c) => c.method === 'chat.postMessage' && c.args.channel === 'UALICE')).toBe(true);
    // The triage channel is what failed, so each helper hears about it by DM.
    const [notice] = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === HELPER);
    expect(String(notice!.args.text)).toBe(":warning: I couldn't deliver the triage card for ticket #1. Slack said: `chat.postMessage failed: not_in_channel`.");
  });

  it('tells the helpers in the triage channel when a requester\'s confirmation cannot be delivered', async () => {
    h.fake.reply('chat.postMessage', (args) => (args.channel === 'UALICE' ? { body: { ok: false, error: 'user_not_found' } } : undefined), 5);
    await submitForm(h, 'UALICE', VALID_FORM);
    const notices = h.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === TRIAGE_CHANNEL && String(c.args.text).includes("couldn't deliver"));
    expect(notices.map((c) => c.args.text)).toEqual([":warning: I couldn't deliver a direct message to <@UALICE>. Slack said: `chat.postMessage failed: user_not_found`."]);
  });

  it('only logs a notice that itself cannot be delivered', async () => {
    h.fake.reply('chat.postMessage', { body: { ok: false, error: 'channel_not_found' } }, 50);
    await submitForm(h, 'UALICE', VALID_FORM);
    const failed = await h.desk.db.selectFrom('outbox').select(['kind', 'ordering_key']).where('status', '=', 'failed').orderBy('id').execute();
    // received DM + card fail; notices: one to the triage channel (for the DM), one DM per helper (for the card); no more.
    expect(failed).toEqual([
      { kind: 'post', ordering_key: 'UALICE' },
      { kind: 'triage_card', ordering_key: TRIAGE_CHANNEL },
      { kind: 'post', ordering_key: TRIAGE_CHANNEL },
      { kind: 'post', ordering_key: HELPER },
    ]);
  });

  it('tells the person inline when the ticket cannot be stored, and sends nothing', async () => {
    await sql`create trigger refuse before insert on tickets begin select raise(abort, 'disk is full'); end`.execute(h.desk.db);
    const res = await submitForm(h, 'UALICE', VALID_FORM);
    expect(JSON.parse(res.body)).toEqual({
      response_action: 'errors',
      errors: { ticket_title: "Sorry — I couldn't save this just now. Please try again in a minute." },
    });
    expect(h.fake.calls.filter((c) => c.method.startsWith('chat.'))).toEqual([]);
    expect(h.logs.find((l) => l.msg === 'could not store a ticket')).toMatchObject({ level: 'error', user: 'UALICE' });
  });

  it('retries a message Slack answered with 500 and sends it once Slack is back', async () => {
    h.fake.reply('chat.postMessage', { status: 500, body: 'oops' }, 2);
    await sendDm(h, 'UALICE', 'can you fix the banner?');
    expect(offerCalls(h)).toHaveLength(0);
    for (let i = 0; i < 3; i++) {
      h.clock.advance(10_000);
      h.desk.outbox.kick();
      await h.desk.settled();
    }
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(3);
    expect(offerCalls(h)).toHaveLength(1);
    expect(await h.desk.db.selectFrom('outbox').select(['status', 'attempts']).execute()).toEqual([{ status: 'sent', attempts: 3 }]);
  });

  it('sends what was still owed after a restart', async () => {
    h.fake.reply('chat.postMessage', { body: { ok: false, error: 'service_unavailable' } });
    await sendDm(h, 'UALICE', 'can you fix the banner?');
    expect(await h.desk.db.selectFrom('outbox').select('status').execute()).toEqual([{ status: 'pending' }]);
    await h.restart();
    h.clock.advance(60_000);
    h.desk.outbox.kick();
    await h.desk.settled();
    expect(offerCalls(h)).toHaveLength(1);
  });

  it('reports a listener that fails with the kind of request and its ids', async () => {
    await sql`drop table offers`.execute(h.desk.db);
    const env = envelope(dmEvent({ user: 'UALICE', text: 'can you fix the banner?' }));
    expect((await h.sender.event(env)).status).toBe(200);
    await h.desk.settled();
    expect(h.logs.find((l) => l.msg === 'a listener failed')).toMatchObject({
      level: 'error',
      kind: 'event',
      id: 'message',
      eventId: env.event_id,
      teamId: 'T0TEAM',
      err: { message: expect.stringContaining('no such table: offers') },
    });
  });

  it('never logs the tokens or the signing secret, even from failing calls', async () => {
    h.fake.reply('chat.postMessage', { body: { ok: false, error: `invalid_auth for ${TEST_BOT_TOKEN}` } });
    await sendDm(h, 'UALICE', 'can you fix the banner?');
    await h.sender.post('{"broken', 'application/json');
    const all = JSON.stringify(h.logs);
    expect(all).not.toContain(TEST_BOT_TOKEN);
    expect(all).not.toContain(TEST_SIGNING_SECRET);
    expect(all).toContain('[redacted]');
  });
});

describe('restarts', () => {
  it('keep the numbering: tickets go on from the last number', async () => {
    expect(await fileTicketByDm(h, 'UALICE', 'can you fix the banner?')).toBe(1);
    expect(await fileTicketByDm(h, 'UBOB', 'new flyer please')).toBe(2);
    await h.restart();
    await submitForm(h, 'UCAROL', VALID_FORM);
    const numbers = await h.desk.db.selectFrom('tickets').select('number').orderBy('number').execute();
    expect(numbers.map((n) => n.number)).toEqual([1, 2, 3]);
    const received = h.fake.calls.filter((c) => c.method === 'chat.postMessage' && String(c.args.text).includes('received'));
    expect(received.map((c) => String(c.args.text).split(' ')[0])).toEqual(['#1', '#2', '#3']);
  });
});
