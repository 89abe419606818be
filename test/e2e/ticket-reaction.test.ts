import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lastOpenedView, mrkdwnTexts, submitForm, VALID_FORM } from '../support/flows.js';
import { HELPER, startHarness, TRIAGE_CHANNEL, type Harness } from '../support/harness.js';
import { envelope, messageShortcut, nextTs, reactionEvent } from '../support/payloads.js';

const HELPER_2 = 'UHELPER2';
let h: Harness;
beforeEach(async () => {
  h = await startHarness({ env: { HELPER_USER_IDS: `${HELPER},${HELPER_2}` } });
});
afterEach(async () => {
  await h.stop();
});

const CHANNEL = 'C0SALES';
const TEXT = 'hey! can someone add the new case study to the customers page? <https://docs.example/case|draft here>';
const tickets = () => h.desk.db.selectFrom('tickets').selectAll().orderBy('number').execute();
const dmsTo = (user: string) => h.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === user);
const cards = () => h.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === TRIAGE_CHANNEL);

/** A message by Alice in #sales that the bot can read. */
function aliceWrites(text = TEXT, extra: { thread_ts?: string; bot_id?: string; user?: string } = {}) {
  return h.fake.addMessage({ channel: CHANNEL, ts: nextTs(), text, user: 'UALICE', ...extra });
}

/** `user` adds :reaction: to a message; waits until the desk has done everything it will. */
async function react(user: string, ts: string, reaction = 'ticket') {
  const res = await h.sender.event(envelope(reactionEvent({ user, channel: CHANNEL, ts, reaction, itemUser: 'UALICE' })));
  expect(res.status).toBe(200);
  await h.desk.settled();
}

describe('a helper\'s :ticket: reaction', () => {
  it('files the message at once for its author with defaults, confirms with ✅, tells the author and posts the card', async () => {
    const message = aliceWrites();
    await react(HELPER, message.ts);

    const [history] = await h.fake.waitFor((c) => c.method === 'conversations.history');
    expect(history!.args).toMatchObject({ channel: CHANNEL, latest: message.ts, oldest: message.ts, inclusive: 'true', limit: '1' });
    expect(await tickets()).toMatchObject([
      {
        number: 1,
        title: 'Can someone add the new case study to the customers page?',
        details: 'hey! can someone add the new case study to the customers page? draft here (https://docs.example/case)',
        requester_id: 'UALICE',
        filed_by_id: HELPER,
        category: 'Other',
        team: 'Other',
        urgency: 'normal',
        due_date: null,
        status: 'new',
        source: 'reaction',
        source_channel_id: CHANNEL,
        source_ts: message.ts,
      },
    ]);
    expect(h.fake.callsTo('reactions.add').map((c) => c.args)).toEqual([{ channel: CHANNEL, timestamp: message.ts, name: 'white_check_mark' }]);

    const [told] = dmsTo('UALICE');
    expect(told!.args.text).toBe(`<@${HELPER}> filed #1 for you from your message — Can someone add the new case study to the customers page?`);
    expect(mrkdwnTexts(told!.args).join('\n')).toMatch(/add details or a due date\? Message <@UHELPER1> and mention #1/);
    const cardText = mrkdwnTexts(cards()[0]!.args).join('\n');
    expect(cardText).toContain('<@UALICE>');
    expect(cardText).toContain(`by <@${HELPER}>`);
    expect(cardText).toContain(`|Original message>`);
    // A default team is not Alice's choice: her next form is not prefilled with it.
    expect(await h.desk.db.selectFrom('requester_preferences').selectAll().execute()).toEqual([]);
  });

  it('uses the team the author chose last time', async () => {
    await submitForm(h, 'UALICE', { ...VALID_FORM, team: 'Sales' });
    const message = aliceWrites('please fix the typo in the footer');
    await react(HELPER, message.ts);
    expect((await tickets())[1]).toMatchObject({ title: 'Please fix the typo in the footer', team: 'Sales', category: 'Other' });
  });

  it('files a thread reply, read through conversations.replies', async () => {
    const parent = aliceWrites('Weekly sales sync notes');
    const reply = aliceWrites('could marketing make a one-pager for the new pricing?', { thread_ts: parent.ts });
    await react(HELPER, reply.ts);
    expect(h.fake.callsTo('conversations.replies')).toHaveLength(1);
    expect(await tickets()).toMatchObject([{ title: 'Could marketing make a one-pager for the new pricing?', source_ts: reply.ts }]);
  });

  it('files once when reacted to twice, one after the other', async () => {
    const message = aliceWrites();
    await react(HELPER, message.ts);
    await react(HELPER_2, message.ts);
    expect(await tickets()).toHaveLength(1);
    expect(cards()).toHaveLength(1);
    expect(dmsTo('UALICE')).toHaveLength(1);
    expect(h.fake.callsTo('reactions.add')).toHaveLength(1);
  });

  it('files once when two reactions arrive at the same moment', async () => {
    const message = aliceWrites();
    // Slow reads, so both deliveries are past their first check before either files.
    h.fake.reply('conversations.history', (args) => ({ delayMs: 150, body: { ok: true, messages: [{ type: 'message', ts: args.latest, user: 'UALICE', text: TEXT }] } }), 2);
    const deliveries = [HELPER, HELPER_2].map((user) =>
      h.sender.event(envelope(reactionEvent({ user, channel: CHANNEL, ts: message.ts, itemUser: 'UALICE' }))),
    );
    expect((await Promise.all(deliveries)).map((r) => r.status)).toEqual([200, 200]);
    await h.desk.settled();
    expect(h.fake.callsTo('conversations.history')).toHaveLength(2);
    expect(await tickets()).toHaveLength(1);
    expect(cards()).toHaveLength(1);
    expect(dmsTo('UALICE')).toHaveLength(1);
    expect(h.fake.callsTo('reactions.add')).toHaveLength(1);
    expect(h.logs.filter((l) => l.level === 'error').map((l) => l.msg)).toEqual([]);
    expect(h.logs.filter((l) => l.msg === 'reaction filed nothing').map((l) => l.reason)).toEqual(['already_filed']);
  });

  it('files nothing for a message that is already a ticket by the message shortcut', async () => {
    const message = aliceWrites();
    await h.sender.interaction(messageShortcut({ user: 'UALICE', channel: CHANNEL, message: { ts: message.ts, text: message.text, user: 'UALICE' } }));
    await h.desk.settled();
    await submitForm(h, 'UALICE', VALID_FORM, lastOpenedView(h).view.private_metadata);
    await react(HELPER, message.ts);
    expect(await tickets()).toMatchObject([{ number: 1, source: 'shortcut' }]);
    expect(h.fake.callsTo('conversations.history')).toHaveLength(0);
    expect(cards()).toHaveLength(1);
  });

  it('does nothing for a reaction by someone who is not a helper, or for another emoji', async () => {
    const message = aliceWrites();
    await react('UBOB', message.ts);
    await react(HELPER, message.ts, 'eyes');
    await react(HELPER, message.ts, 'admission_tickets');
    expect(await tickets()).toHaveLength(0);
    expect(h.fake.callsTo('conversations.history')).toHaveLength(0);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(h.fake.callsTo('reactions.add')).toHaveLength(0);
  });

  it('tells the helper how to invite the bot when it cannot read the channel, and files nothing', async () => {
    const message = aliceWrites();
    h.fake.reply('conversations.history', { body: { ok: false, error: 'not_in_channel' } });
    await react(HELPER, message.ts);
    expect(await tickets()).toHaveLength(0);
    expect(h.fake.callsTo('reactions.add')).toHaveLength(0);
    expect(cards()).toHaveLength(0);
    expect(dmsTo('UALICE')).toHaveLength(0);
    const [note] = dmsTo(HELPER);
    const text = mrkdwnTexts(note!.args).join('\n');
    expect(note!.args.text).toContain(`couldn't read the message you reacted to in <#${CHANNEL}>`);
    expect(text).toContain('`/invite @Request Desk`');
    expect(text).toContain('*Integrations*');
    expect(text).toContain('remove your :ticket: and add it again');
  });

  it('tells the helper when the message was posted by an app, and files nothing', async () => {
    const message = aliceWrites('Deploy finished', { bot_id: 'B0CI', user: undefined });
    await react(HELPER, message.ts);
    expect(await tickets()).toHaveLength(0);
    expect(String(dmsTo(HELPER)[0]?.args.text)).toMatch(/posted by an app/);
  });
});
