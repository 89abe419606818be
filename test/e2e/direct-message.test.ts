import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/slack/ids.js';
import { dmAndGetOffer, fileTicketByDm, offerCalls, pressOfferButton, sendDm } from '../support/flows.js';
import { HELPER, startHarness, type Harness } from '../support/harness.js';
import { dmEvent, envelope } from '../support/payloads.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

const MINUTE = 60_000;

describe('a DM to the bot', () => {
  it('gets one warm offer in the same DM with Create ticket (primary) and Not a request', async () => {
    const started = performance.now();
    const event = await sendDm(h, 'UALICE', 'can you fix the banner on the pricing page?');
    const offers = offerCalls(h);
    expect(offers).toHaveLength(1);
    const offer = offers[0]!;
    expect(performance.now() - started).toBeLessThan(1000);
    expect(offer.method).toBe('chat.postMessage');
    expect(offer.args.channel).toBe(event.channel);
    expect(offer.args.text).toMatch(/happy to help once there's a ticket/i);
    const text = JSON.stringify(offer.args.blocks);
    expect(text).toMatch(/nobody's request gets forgotten/);
    expect(text).toMatch(/20 seconds/);
    const buttons = (offer.args.blocks as any[]).flatMap((b) => b.elements ?? []).filter((e: any) => e.type === 'button');
    expect(buttons.map((b: any) => [b.action_id, b.text.text, b.style])).toEqual([
      [ACTION_IDS.createTicketFromOffer, 'Create ticket', 'primary'],
      [ACTION_IDS.notARequest, 'Not a request', undefined],
    ]);
  });

  it('records the offer as pending with the ask, and answers in the thread when the ask was in one', async () => {
    const threadTs = '1764200000.000001';
    await sendDm(h, 'UALICE', 'could you make a banner for the webinar', { thread_ts: threadTs });
    expect(offerCalls(h)[0]!.args.thread_ts).toBe(threadTs);
    const offer = await h.desk.db.selectFrom('offers').selectAll().executeTakeFirstOrThrow();
    expect(offer).toMatchObject({ user_id: 'UALICE', source: 'dm', outcome: 'pending', text: 'could you make a banner for the webinar' });
  });

  it.each(['thanks!', 'ok', '👍', ':+1:', 'hi', 'Thank you so much 🙏', 'ok cool', 'danke dir'])(
    'stays quiet for small talk: %s',
    async (text) => {
      await sendDm(h, 'UALICE', text);
      expect(h.fake.calls.filter((c) => c.method.startsWith('chat.'))).toHaveLength(0);
      expect(await h.desk.db.selectFrom('offers').selectAll().execute()).toHaveLength(0);
    },
  );

  it.each([
    ['a bot', { bot_id: 'B0OTHER', subtype: 'bot_message' }],
    ['our own bot user', { user: 'UBOT' }],
    ['an edit', { subtype: 'message_changed' }],
    ['a deletion', { subtype: 'message_deleted' }],
    ['a join', { subtype: 'channel_join' }],
    ['a bot without subtype', { bot_id: 'B0OTHER' }],
  ])('gets no reply when it is %s', async (_label, extra) => {
    await sendDm(h, 'UALICE', 'can you fix the banner please', extra);
    expect(offerCalls(h)).toHaveLength(0);
  });

  it('answers a message with a screenshot attached (file_share)', async () => {
    await sendDm(h, 'UALICE', 'can you fix this?', { subtype: 'file_share', files: [{ id: 'F1' }] });
    expect(offerCalls(h)).toHaveLength(1);
  });

  it('does not repeat the offer in the same conversation within the cooldown, but does after it', async () => {
    await sendDm(h, 'UALICE', 'can you fix the banner?');
    h.clock.advance(30 * MINUTE);
    await sendDm(h, 'UALICE', 'also the footer has a typo');
    expect(offerCalls(h)).toHaveLength(1);
    h.clock.advance(240 * MINUTE);
    await sendDm(h, 'UALICE', 'and the pricing table is wrong');
    expect(offerCalls(h)).toHaveLength(2);
  });

  it('offers each person separately', async () => {
    await sendDm(h, 'UALICE', 'can you fix the banner?');
    await sendDm(h, 'UBOB', 'can you fix the banner?');
    expect(offerCalls(h).map((c) => c.args.channel)).toEqual(['DALICE', 'DBOB']);
  });

  it('offers again when the person asks for something new after filing a ticket', async () => {
    await fileTicketByDm(h, 'UALICE', 'can you fix the banner?');
    h.clock.advance(5 * MINUTE);
    await sendDm(h, 'UALICE', 'thanks!');
    expect(offerCalls(h)).toHaveLength(1);
    await sendDm(h, 'UALICE', 'one more thing: could you update the careers page');
    expect(offerCalls(h)).toHaveLength(2);
  });

  it('"Not a request" thanks the person, forgets the message and mutes offers for the cooldown', async () => {
    const offer = await dmAndGetOffer(h, 'UALICE', 'the banner looks odd to me');
    await pressOfferButton(h, 'UALICE', offer, ACTION_IDS.notARequest);
    const [update] = await h.fake.waitFor((c) => c.method === 'chat.update');
    expect(update!.args).toMatchObject({ channel: offer.channel, ts: offer.ts });
    expect(String(update!.args.text)).toMatch(/thanks for letting me know/i);
    expect(JSON.stringify(update!.args.blocks)).not.toContain(ACTION_IDS.createTicketFromOffer);
    const row = await h.desk.db.selectFrom('offers').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ outcome: 'not_a_request', text: null });
  });

  it('"Not a request" mutes offers to that person in every conversation until the cooldown ends', async () => {
    const offer = await dmAndGetOffer(h, 'UALICE', 'the banner looks odd to me');
    h.clock.advance(300 * MINUTE);
    await pressOfferButton(h, 'UALICE', offer, ACTION_IDS.notARequest);
    h.clock.advance(60 * MINUTE);
    await sendDm(h, 'UALICE', 'can you fix the logo');
    await h.sender.event(envelope(dmEvent({ user: 'UALICE', text: 'and the footer?', channel: 'DOTHER' })));
    await h.desk.settled();
    expect(offerCalls(h)).toHaveLength(1);
    h.clock.advance(181 * MINUTE);
    await sendDm(h, 'UALICE', 'can you fix the logo now');
    expect(offerCalls(h)).toHaveLength(2);
  });

  it('gives helpers the tools without the sermon', async () => {
    await sendDm(h, HELPER, 'new banner for the Q1 campaign');
    const [offer] = offerCalls(h);
    expect(offer!.args.text).toMatch(/want this as a ticket/i);
    expect(JSON.stringify(offer!.args.blocks)).not.toMatch(/forgotten|20 seconds/);
    expect(JSON.stringify(offer!.args.blocks)).toContain(ACTION_IDS.createTicketFromOffer);
  });
});
