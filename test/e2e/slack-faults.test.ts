import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dmAndGetOffer, offerCalls, pressOfferButton, sendDm } from '../support/flows.js';
import { startHarness, type Harness } from '../support/harness.js';

// Slack misbehaving: rate limits with Retry-After, calls that never answer. Per-call limits are shortened here.
let h: Harness;
beforeEach(async () => {
  h = await startHarness({ start: { slackTimeouts: { backgroundMs: 300, interactiveMs: 300 } } });
});
afterEach(async () => {
  await h.stop();
});

const outboxRows = () => h.desk.db.selectFrom('outbox').select(['status', 'attempts', 'next_attempt_at', 'last_error']).execute();

describe('when Slack rate-limits', () => {
  it('waits exactly as long as Retry-After says, then sends', async () => {
    h.fake.reply('chat.postMessage', { status: 429, headers: { 'retry-after': '7' }, body: { ok: false, error: 'ratelimited' } });
    const sentAt = h.clock.now();
    await sendDm(h, 'UALICE', 'can you fix the banner?');
    expect(await outboxRows()).toEqual([
      { status: 'pending', attempts: 1, next_attempt_at: new Date(sentAt.getTime() + 7000).toISOString(), last_error: 'chat.postMessage failed: rate_limited' },
    ]);
    h.clock.advance(6000);
    h.desk.outbox.kick();
    await h.desk.settled();
    expect(offerCalls(h)).toHaveLength(0);
    h.clock.advance(1000);
    h.desk.outbox.kick();
    await h.desk.settled();
    expect(offerCalls(h)).toHaveLength(1);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(2);
  });
});

describe('when Slack hangs', () => {
  it('gives up on the call after the per-call limit, keeps the message and sends it once Slack answers again', async () => {
    h.fake.reply('chat.postMessage', { hang: true });
    const started = performance.now();
    await sendDm(h, 'UALICE', 'can you fix the banner?');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(await outboxRows()).toMatchObject([{ status: 'pending', attempts: 1, last_error: 'chat.postMessage failed: timeout' }]);
    h.clock.advance(5000);
    h.desk.outbox.kick();
    await h.desk.settled();
    expect(offerCalls(h)).toHaveLength(1);
  });

  it('tells the person when the form cannot be opened in time, without holding the click', async () => {
    const offer = await dmAndGetOffer(h, 'UALICE', 'can you fix the banner?');
    h.fake.reply('views.open', { hang: true });
    const res = await pressOfferButton(h, 'UALICE', offer);
    expect(res.ackMs).toBeLessThan(1000);
    const [note] = await h.fake.waitFor((c) => c.method === 'response_url');
    expect(String(note!.args.text)).toMatch(/didn't open the form in time/);
    expect(h.logs.find((l) => l.msg === 'could not open the ticket form')).toMatchObject({ err: { message: 'views.open failed: timeout' } });
  });
});
