import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALLBACK_IDS, FORM_BLOCK_IDS } from '../../src/slack/ids.js';
import { lastOpenedView, mrkdwnTexts, submitForm, VALID_FORM } from '../support/flows.js';
import { HELPER, startHarness, TRIAGE_CHANNEL, type Harness } from '../support/harness.js';
import { messageShortcut, nextTs, slashCommand } from '../support/payloads.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

const CHANNEL = 'C0SALES';
const TEXT = "Hi team! Could someone update the logo on the partner page? The old one is from 2023 & it's blurry.";
const permalinkOf = (ts: string) => `https://acme.slack.com/archives/${CHANNEL}/p${ts.replace('.', '')}`;
const inputOf = (view: Record<string, any>, blockId: string) => view.blocks.find((b: any) => b.block_id === blockId)?.element;
const dmsTo = (user: string) => h.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === user);
const tickets = () => h.desk.db.selectFrom('tickets').selectAll().orderBy('number').execute();

/** `user` picks "Create ticket" on a message by `author` and waits for the desk. */
async function useShortcut(user: string, message: { ts: string; text: string; user?: string; bot_id?: string }, responseId = 'shortcut') {
  const res = await h.sender.interaction(messageShortcut({ user, channel: CHANNEL, message, responseUrl: h.fake.responseUrl(responseId) }));
  expect(res.status).toBe(200);
  expect(res.ackMs).toBeLessThan(3000);
  await h.desk.settled();
  return res;
}

describe('the "Create ticket" message shortcut', () => {
  it('opens the form prefilled from a requester\'s own message and files it linked to that message', async () => {
    const ts = nextTs();
    await useShortcut('UALICE', { ts, text: TEXT, user: 'UALICE' });
    const { view, call } = lastOpenedView(h);
    expect(call.args.trigger_id).toMatch(/^trigger-/);
    expect(view.callback_id).toBe(CALLBACK_IDS.ticketForm);
    expect(inputOf(view, FORM_BLOCK_IDS.title).initial_value).toBe('Could someone update the logo on the partner page?');
    expect(inputOf(view, FORM_BLOCK_IDS.details).initial_value).toBe(TEXT);
    expect(JSON.stringify(view.blocks[0])).toContain("I've filled this in from the message");

    const res = await submitForm(h, 'UALICE', VALID_FORM, view.private_metadata);
    expect(res.body).toBe('');
    expect(await tickets()).toMatchObject([
      { number: 1, requester_id: 'UALICE', filed_by_id: 'UALICE', source: 'shortcut', source_channel_id: CHANNEL, source_ts: ts, source_permalink: permalinkOf(ts) },
    ]);
    expect(dmsTo('UALICE').map((c) => c.args.text)).toEqual(['#1 received — Fix the pricing banner']);
    const [card] = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === TRIAGE_CHANNEL);
    expect(mrkdwnTexts(card!.args).join('\n')).toContain(`<${permalinkOf(ts)}|Original message>`);
  });

  it('files a helper\'s pick for the message\'s author, tells the author, and records who filed it', async () => {
    // Alice told the desk her team on an earlier ticket: the form a helper opens for her starts with it.
    await h.sender.command(slashCommand({ user: 'UALICE', text: 'new slide template' }));
    await h.desk.settled();
    await submitForm(h, 'UALICE', { ...VALID_FORM, team: 'Customer Success' }, lastOpenedView(h).view.private_metadata);

    const ts = nextTs();
    await useShortcut(HELPER, { ts, text: TEXT, user: 'UALICE' });
    const { view } = lastOpenedView(h);
    expect(JSON.stringify(view.blocks[0])).toContain("You're filing this for <@UALICE>");
    expect(inputOf(view, FORM_BLOCK_IDS.team).initial_option.value).toBe('Customer Success');
    await submitForm(h, HELPER, { ...VALID_FORM, title: 'Update the partner logo', team: 'Customer Success' }, view.private_metadata);

    const filed = (await tickets())[1]!;
    expect(filed).toMatchObject({ number: 2, requester_id: 'UALICE', filed_by_id: HELPER, source: 'shortcut', source_ts: ts });
    const [history] = await h.desk.db.selectFrom('ticket_history').select(['action', 'actor_id']).where('ticket_number', '=', 2).execute();
    expect(history).toEqual({ action: 'created', actor_id: HELPER });

    // The author hears it was filed for her, by whom; the helper gets no "#2 received" of their own.
    const told = dmsTo('UALICE').at(-1)!;
    expect(told.args.text).toBe(`<@${HELPER}> filed #2 for you from your message — Update the partner logo`);
    expect(dmsTo(HELPER)).toHaveLength(0);
    const card = h.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === TRIAGE_CHANNEL).at(-1)!;
    const cardText = mrkdwnTexts(card.args).join('\n');
    expect(cardText).toContain('<@UALICE>');
    expect(cardText).toContain(`by <@${HELPER}>`);
    expect(cardText).toContain(`<${permalinkOf(ts)}|Original message>`);
  });

  it('files a requester\'s pick of someone else\'s message for the requester, linked to it', async () => {
    const ts = nextTs();
    await useShortcut('UBOB', { ts, text: TEXT, user: 'UALICE' });
    await submitForm(h, 'UBOB', VALID_FORM, lastOpenedView(h).view.private_metadata);
    expect(await tickets()).toMatchObject([{ requester_id: 'UBOB', filed_by_id: 'UBOB', source: 'shortcut', source_ts: ts }]);
    expect(dmsTo('UALICE')).toHaveLength(0);
  });

  it('says which ticket a message already is instead of opening a second form', async () => {
    const ts = nextTs();
    await useShortcut('UALICE', { ts, text: TEXT, user: 'UALICE' });
    await submitForm(h, 'UALICE', VALID_FORM, lastOpenedView(h).view.private_metadata);

    await useShortcut(HELPER, { ts, text: TEXT, user: 'UALICE' }, 'again');
    expect(h.fake.callsTo('views.open')).toHaveLength(1);
    const [note] = await h.fake.waitFor((c) => c.method === 'response_url' && c.args.text !== undefined);
    expect(note!.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(note!.args.text)).toMatch(/already ticket #1/);
    expect(await tickets()).toHaveLength(1);
  });

  it('files one ticket when two forms for the same message are both submitted', async () => {
    const ts = nextTs();
    await useShortcut('UALICE', { ts, text: TEXT, user: 'UALICE' });
    const first = lastOpenedView(h).view.private_metadata;
    await useShortcut(HELPER, { ts, text: TEXT, user: 'UALICE' });
    const second = lastOpenedView(h).view.private_metadata;

    expect((await submitForm(h, 'UALICE', VALID_FORM, first)).body).toBe('');
    const res = await submitForm(h, HELPER, VALID_FORM, second);
    const body = JSON.parse(res.body) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(body.errors[FORM_BLOCK_IDS.title]).toMatch(/became ticket #1/);
    expect(await tickets()).toHaveLength(1);
    expect(h.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === TRIAGE_CHANNEL)).toHaveLength(1);
  });

  it('files a message posted by an app for whoever picked it', async () => {
    const ts = nextTs();
    await useShortcut(HELPER, { ts, text: 'New website form submission: please add our webinar', bot_id: 'B0FORMS' });
    expect(JSON.stringify(lastOpenedView(h).view.blocks[0])).not.toContain('filing this for');
    await submitForm(h, HELPER, VALID_FORM, lastOpenedView(h).view.private_metadata);
    expect(await tickets()).toMatchObject([{ requester_id: HELPER, filed_by_id: HELPER, source: 'shortcut' }]);
  });
});
