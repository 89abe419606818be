import { afterEach, describe, expect, it } from 'vitest';
import { setFocusUntil } from '../../src/db/helper-settings-repository.js';
import { ACTION_IDS } from '../../src/slack/ids.js';
import { accepted, allText, lastOpenedView, offerIdOf, pressOfferButton, submitForm, VALID_FORM, type PostedOffer } from '../support/flows.js';
import { HELPER, startHarness, TestClock, TRIAGE_CHANNEL, type Harness } from '../support/harness.js';
import { dmEvent, envelope, nextTs } from '../support/payloads.js';

// The helper authorised the app as themself: the fake Slack answers auth.test for this token as HELPER.
const USER_TOKEN = `xoxp-test-${HELPER}`;
const DM = 'D0ALICEHELPER';
const MINUTE = 60_000;

let h: Harness;
afterEach(async () => {
  await h?.stop();
});

async function start(env: Record<string, string> = {}, clock?: TestClock): Promise<Harness> {
  h = await startHarness({ env: { SLACK_USER_TOKEN: USER_TOKEN, ...env }, clock });
  return h;
}

/** A message event delivered for the helper's user token (Slack's `authorizations` name the helper, not the bot). */
async function inboxEvent(event: Record<string, unknown>) {
  const body = { ...envelope(event), authorizations: [{ team_id: 'T0TEAM', user_id: HELPER, is_bot: false }] };
  const res = await h.sender.event(body);
  expect(res.status).toBe(200);
  await h.desk.settled();
  return event;
}

/** A colleague's DM to the helper. */
function dmToHelper(user: string, text: string, extra: Record<string, unknown> = {}) {
  return inboxEvent(dmEvent({ user, text, channel: DM, ...extra }));
}

/** A message in a channel the helper is in. */
function channelMessage(user: string, text: string, extra: Record<string, unknown> = {}) {
  return inboxEvent({ type: 'message', channel: 'C0GENERAL', channel_type: 'channel', user, text, ts: nextTs(), team: 'T0TEAM', ...extra });
}

/** Everything our app posted in the helper's name. */
const postedAsHelper = () => h.fake.calls.filter((c) => c.method.startsWith('chat.') && c.token === USER_TOKEN && c.method !== 'chat.getPermalink');

/** The automatic reply offers (in the DM or ephemeral), as Slack accepted them. */
const inboxOffers = () => postedAsHelper().filter((c) => accepted(c) && offerIdOf(c) !== undefined);

async function offerFor(user: string, text: string): Promise<PostedOffer> {
  await dmToHelper(user, text);
  const call = inboxOffers().at(-1);
  if (!call) throw new Error('no automatic reply');
  return { call, offerId: offerIdOf(call)!, channel: DM, ts: (call.response as { ts?: string }).ts };
}

const buttonsOf = (call: { args: Record<string, unknown> }) =>
  (call.args.blocks as any[]).flatMap((b) => b.elements ?? []).filter((e: any) => e.type === 'button').map((b: any) => [b.action_id, b.text.text]);

describe('the inbox guard: a DM to the helper', () => {
  it('answers an ask for work in that DM, as the helper, marked automatic, with Create ticket, It\'s urgent and Not a request', async () => {
    await start();
    const event = await dmToHelper('UALICE', 'could you quickly make a banner for the webinar?');
    const [reply] = inboxOffers();
    expect(reply).toBeDefined();
    expect(reply!.method).toBe('chat.postMessage');
    expect(reply!.args.channel).toBe(DM);
    const text = allText(reply!.args.blocks);
    expect(text).toMatch(/Automatic reply from Request Desk on behalf of <@UHELPER1>/);
    expect(text).toMatch(/Happy to help once there's a ticket/);
    expect(buttonsOf(reply!)).toEqual([
      [ACTION_IDS.createTicketFromOffer, 'Create ticket'],
      [ACTION_IDS.urgent, "It's urgent"],
      [ACTION_IDS.notARequest, 'Not a request'],
    ]);
    const offer = await h.desk.db.selectFrom('offers').selectAll().executeTakeFirstOrThrow();
    expect(offer).toMatchObject({ user_id: 'UALICE', channel_id: DM, message_ts: event.ts, via: 'inbox', source: 'dm', outcome: 'pending' });
  });

  it("still answers the helper's own DMs to the bot when they arrive through the helper's token", async () => {
    await start();
    // The bot's DM with the helper (conversations.open at start) is one the helper is in too.
    await dmToHelper(HELPER, 'can you remind me how to file something for a colleague?', { channel: 'DHELPER1' });
    const botReplies = h.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'DHELPER1' && c.token !== USER_TOKEN);
    expect(botReplies).toHaveLength(1);
    expect(postedAsHelper()).toHaveLength(0);
  });

  it('understands German', async () => {
    await start();
    await dmToHelper('UBEN', 'Kannst du mir bitte die Präsentation vom Kundentermin schicken?');
    expect(inboxOffers()).toHaveLength(1);
  });

  it('ignores its own automatic reply coming back as an event, and anything else posted by an app in the helper\'s name', async () => {
    await start();
    await dmToHelper('UALICE', 'could you make a banner for the webinar?');
    const [reply] = inboxOffers();
    // Slack delivers the reply we posted with the user token back to us: user = the helper, app_id = ours.
    await dmToHelper(HELPER, String(reply!.args.text), { app_id: 'A0APP', ts: (reply!.response as { ts: string }).ts });
    await dmToHelper(HELPER, 'can you please send me the file?');
    await dmToHelper('UCAROL', 'can you please fix the banner?', { app_id: 'A0OTHER' });
    await dmToHelper('UCAROL', 'can you please fix the banner?', { bot_id: 'B0OTHER' });
    expect(inboxOffers()).toHaveLength(1);
  });

  it.each([
    ['lunch today?'],
    ['did you see the match yesterday?'],
    ['Hast du heute Mittag Zeit für einen Kaffee?'],
    ['thanks!'],
    ['okay!'],
  ])('stays quiet for what is not a request, stores and logs nothing of it: %s', async (text) => {
    await start();
    await dmToHelper('UALICE', text);
    expect(postedAsHelper()).toHaveLength(0);
    expect(await h.desk.db.selectFrom('offers').selectAll().execute()).toHaveLength(0);
    expect(JSON.stringify(h.logs)).not.toContain(text);
  });

  it('never answers people on INBOX_SKIP_USER_IDS', async () => {
    await start({ INBOX_SKIP_USER_IDS: 'UBOSS' });
    await dmToHelper('UBOSS', 'could you please prepare the board slides by Friday?');
    expect(postedAsHelper()).toHaveLength(0);
    await dmToHelper('UALICE', 'could you please prepare the board slides by Friday?');
    expect(inboxOffers()).toHaveLength(1);
  });

  it('never answers in a group DM', async () => {
    await start();
    await inboxEvent(dmEvent({ user: 'UALICE', text: 'could you please make a banner?', channel: 'G0GROUPDM', channel_type: 'mpim' }));
    expect(postedAsHelper()).toHaveLength(0);
  });

  it('never answers edits, deletions or joins', async () => {
    await start();
    for (const subtype of ['message_changed', 'message_deleted', 'channel_join']) {
      await dmToHelper('UALICE', 'could you please make a banner?', { subtype });
    }
    expect(postedAsHelper()).toHaveLength(0);
  });

  it('does not answer a reply inside a thread about a ticket, but does answer a new ask in another thread', async () => {
    await start();
    const offer = await offerFor('UALICE', 'could you make a banner for the webinar?');
    const asked = (await h.desk.db.selectFrom('offers').select('message_ts').executeTakeFirstOrThrow()).message_ts;
    h.clock.advance(300 * MINUTE);
    await dmToHelper('UALICE', 'can you also make it blue please?', { thread_ts: asked });
    expect(inboxOffers()).toHaveLength(1);
    await dmToHelper('UALICE', 'can you also make a flyer please?', { thread_ts: '1764100000.000001' });
    expect(inboxOffers()).toHaveLength(2);
    expect(offer.offerId).toBeDefined();
  });

  it('does not repeat itself within the cooldown, and Not a request mutes it (the reply is replaced, as the helper)', async () => {
    await start();
    const offer = await offerFor('UALICE', 'could you make a banner for the webinar?');
    h.clock.advance(30 * MINUTE);
    await dmToHelper('UALICE', 'could you also check the footer?');
    expect(inboxOffers()).toHaveLength(1);
    await pressOfferButton(h, 'UALICE', offer, ACTION_IDS.notARequest);
    const [replaced] = await h.fake.waitFor((c) => c.method === 'chat.update' && c.token === USER_TOKEN);
    expect(replaced!.args).toMatchObject({ channel: DM, ts: offer.ts });
    expect(String(replaced!.args.text)).toMatch(/no ticket needed/);
    h.clock.advance(230 * MINUTE);
    await dmToHelper('UALICE', 'could you please update the pricing page?');
    expect(inboxOffers()).toHaveLength(1);
  });

  it('Create ticket opens the form prefilled from the message and files a ticket linked to it', async () => {
    await start();
    const offer = await offerFor('UALICE', 'could you quickly make a banner for the webinar? Size 1200x628.');
    await pressOfferButton(h, 'UALICE', offer);
    const { view } = lastOpenedView(h);
    expect(JSON.stringify(view)).toContain('Size 1200x628');
    await submitForm(h, 'UALICE', VALID_FORM, view.private_metadata as string);
    const ticket = await h.desk.db.selectFrom('tickets').selectAll().executeTakeFirstOrThrow();
    const asked = (await h.desk.db.selectFrom('offers').selectAll().executeTakeFirstOrThrow()).message_ts;
    expect(ticket).toMatchObject({ number: 1, requester_id: 'UALICE', source_channel_id: DM, source_ts: asked, inbox_owner_id: HELPER });
    // The card says where the ask came from and links to it: only the helper's token can link into their DMs.
    const [card] = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === TRIAGE_CHANNEL);
    const link = h.fake.callsTo('chat.getPermalink').find((c) => c.args.channel === DM);
    expect(link).toMatchObject({ token: USER_TOKEN, args: { message_ts: asked } });
    expect(allText(card!.args.blocks)).toMatch(new RegExp(`A DM to <@${HELPER}> · <https://[^|]+\\|Original message>`));
    // The automatic reply in the helper's DM is replaced (with the helper's token: only they can edit it).
    const [filed] = await h.fake.waitFor((c) => c.method === 'chat.update' && c.token === USER_TOKEN && /#1/.test(String(c.args.text)));
    expect(String(filed!.args.text)).toMatch(/Request Desk will keep you posted in its DM/);
  });
});

describe('the inbox guard: mentions of the helper in channels', () => {
  it('answers a request that mentions the helper ephemerally, to its author only, when INBOX_WATCH_MENTIONS is on', async () => {
    await start({ INBOX_WATCH_MENTIONS: 'true' });
    await channelMessage('UALICE', `<@${HELPER}> could you please update the team page?`);
    const [reply] = inboxOffers();
    expect(reply!.method).toBe('chat.postEphemeral');
    expect(reply!.args).toMatchObject({ channel: 'C0GENERAL', user: 'UALICE' });
    expect(buttonsOf(reply!).map(([id]) => id)).toContain(ACTION_IDS.urgent);
    expect(h.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0GENERAL')).toHaveLength(0);
  });

  it('never stores or logs channel messages that do not mention the helper, not even their event IDs', async () => {
    await start({ INBOX_WATCH_MENTIONS: 'true' });
    const secret = 'could you please send the quarterly numbers to finance';
    await channelMessage('UALICE', secret);
    await channelMessage('UALICE', `<@UOTHER> ${secret}`, { channel_type: 'group', channel: 'G0PRIVATE' });
    expect(postedAsHelper()).toHaveLength(0);
    expect(await h.desk.db.selectFrom('offers').selectAll().execute()).toHaveLength(0);
    expect(await h.desk.db.selectFrom('processed_events').selectAll().execute()).toHaveLength(0);
    expect(JSON.stringify(h.logs)).not.toContain('quarterly numbers');
  });

  it('leaves mentions alone unless INBOX_WATCH_MENTIONS is on', async () => {
    await start();
    await channelMessage('UALICE', `<@${HELPER}> could you please update the team page?`);
    expect(postedAsHelper()).toHaveLength(0);
    expect(await h.desk.db.selectFrom('processed_events').selectAll().execute()).toHaveLength(0);
    expect(JSON.stringify(h.logs)).not.toContain('team page');
  });
});

describe('the inbox guard: working hours and focus', () => {
  it('says when the helper is back, out of hours', async () => {
    // Saturday 28 November 2026, 11:00 in Berlin.
    await start({ WORKING_HOURS: 'Mon-Fri 09:00-17:30' }, new TestClock(new Date('2026-11-28T10:00:00Z')));
    await dmToHelper('UALICE', 'could you make a banner for the webinar?');
    const text = allText(inboxOffers()[0]!.args.blocks);
    expect(text).toMatch(/not working right now — back <!date\^1796025600\^/);
  });

  it('says nothing about hours within them', async () => {
    await start({ WORKING_HOURS: 'Mon-Fri 09:00-17:30' });
    await dmToHelper('UALICE', 'could you make a banner for the webinar?');
    expect(allText(inboxOffers()[0]!.args.blocks)).not.toMatch(/not working right now|focus/);
  });

  it('mentions focus time, and urgent still reaches the helper', async () => {
    await start();
    await setFocusUntil(h.desk.db, HELPER, new Date('2026-11-25T13:00:00Z'), h.clock.now());
    const offer = await offerFor('UALICE', 'could you make a banner for the webinar?');
    expect(allText(offer.call.args.blocks)).toMatch(/focus time until <!date\^1795611600\^/);
    await pressOfferButton(h, 'UALICE', offer, ACTION_IDS.urgent);
    await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === HELPER);
  });
});

describe("the inbox guard: It's urgent", () => {
  it('tells the helper at once with a link to the message, and the requester that it was passed on', async () => {
    await start();
    const offer = await offerFor('UALICE', 'could you fix the broken signup form? customers are complaining');
    await pressOfferButton(h, 'UALICE', offer, ACTION_IDS.urgent);
    const [alert] = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === HELPER);
    expect(alert!.token).not.toBe(USER_TOKEN);
    const asked = (await h.desk.db.selectFrom('offers').select('message_ts').executeTakeFirstOrThrow()).message_ts;
    // Only the helper's token can link to a message in their own DMs.
    const [permalink] = h.fake.callsTo('chat.getPermalink');
    expect(permalink).toMatchObject({ token: USER_TOKEN, args: { channel: DM, message_ts: asked } });
    expect(String(alert!.args.text)).toMatch(/<@UALICE> marked a message to you as urgent: <https:\/\//);
    const answer = h.fake.calls.filter((c) => c.method === 'response_url' || c.method === 'chat.postEphemeral').at(-1);
    expect(allText(answer!.args)).toMatch(/Passed on to <@UHELPER1> right away/);
  });

  it('alerts once when pressed twice on the same message, and kindly refuses beyond URGENT_PER_DAY a day', async () => {
    await start({ URGENT_PER_DAY: '2' });
    const alerts = () => h.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === HELPER);
    const first = await offerFor('UALICE', 'could you fix the signup form please?');
    await pressOfferButton(h, 'UALICE', first, ACTION_IDS.urgent);
    await pressOfferButton(h, 'UALICE', first, ACTION_IDS.urgent);
    await h.desk.settled();
    expect(alerts()).toHaveLength(1);
    for (const text of ['could you fix the pricing table please?', 'could you update the careers page please?']) {
      h.clock.advance(300 * MINUTE);
      const next = await offerFor('UALICE', text);
      await pressOfferButton(h, 'UALICE', next, ACTION_IDS.urgent);
    }
    await h.desk.settled();
    expect(alerts()).toHaveLength(2);
    const answer = h.fake.calls.filter((c) => c.method === 'response_url' || c.method === 'chat.postEphemeral').at(-1);
    expect(allText(answer!.args)).toMatch(/already passed on 2 urgent requests from you today/);
    expect(await h.desk.db.selectFrom('urgent_escalations').selectAll().execute()).toHaveLength(2);
  });

  it('only the person the reply was for can press it', async () => {
    await start();
    const offer = await offerFor('UALICE', 'could you fix the signup form please?');
    await pressOfferButton(h, 'UMALLORY', offer, ACTION_IDS.urgent);
    await h.desk.settled();
    expect(h.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === HELPER)).toHaveLength(0);
  });
});

describe('the inbox guard: start-up and language', () => {
  it('answers in the requester\'s Slack language', async () => {
    await start();
    h.fake.setLocale('UBEN', 'de-DE');
    await dmToHelper('UBEN', 'Kannst du mir bitte das Logo als PNG schicken?');
    const text = allText(inboxOffers()[0]!.args.blocks);
    expect(text).toMatch(/Automatische Antwort/);
    expect(text).not.toMatch(/\{\w+\}/);
  });

  it('refuses to start when Slack rejects SLACK_USER_TOKEN, without printing it', async () => {
    const logs: Record<string, unknown>[] = [];
    const err = await startHarness({
      env: { SLACK_USER_TOKEN: USER_TOKEN },
      logs,
      prepare: (fake) => {
        fake.reply('auth.test', () => undefined); // the bot token's check: answered as usual
        fake.reply('auth.test', { body: { ok: false, error: 'invalid_auth' } }); // the user token's
      },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(String((err as Error).message)).toMatch(/Slack rejected SLACK_USER_TOKEN \(invalid_auth\)/);
    expect(String((err as Error).message) + JSON.stringify(logs)).not.toContain(USER_TOKEN);
  });
});

describe('without SLACK_USER_TOKEN', () => {
  it('ignores channel messages and DMs between people entirely', async () => {
    h = await startHarness();
    await channelMessage('UALICE', `<@${HELPER}> could you please update the team page?`);
    expect(h.fake.calls.filter((c) => c.method.startsWith('chat.'))).toHaveLength(0);
    expect(JSON.stringify(h.logs)).not.toContain('team page');
  });
});
