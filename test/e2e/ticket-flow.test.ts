import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALLBACK_IDS, FORM_BLOCK_IDS } from '../../src/slack/ids.js';
import {
  dmAndGetOffer,
  fileTicketByDm,
  lastOpenedView,
  mrkdwnTexts,
  offerCalls,
  offerIdOf,
  pressOfferButton,
  submitForm,
  VALID_FORM,
} from '../support/flows.js';
import { startHarness, TRIAGE_CHANNEL, type Harness } from '../support/harness.js';
import { envelope, mentionEvent, slashCommand } from '../support/payloads.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

const inputOf = (view: Record<string, any>, blockId: string) => view.blocks.find((b: any) => b.block_id === blockId)?.element;

describe('the ticket form', () => {
  it('opens from Create ticket, prefilled from the message', async () => {
    const text = "hi! can you fix the banner on the pricing page? it's been broken since Monday &amp; looks bad";
    const offer = await dmAndGetOffer(h, 'UALICE', text);
    await pressOfferButton(h, 'UALICE', offer);
    const { view, call } = lastOpenedView(h);
    expect(call.args.trigger_id).toMatch(/^trigger-/);
    expect(view.callback_id).toBe(CALLBACK_IDS.ticketForm);
    expect(inputOf(view, FORM_BLOCK_IDS.title).initial_value).toBe('Can you fix the banner on the pricing page?');
    expect(inputOf(view, FORM_BLOCK_IDS.details).initial_value).toBe(
      "hi! can you fix the banner on the pricing page? it's been broken since Monday & looks bad",
    );
    expect(inputOf(view, FORM_BLOCK_IDS.category).options.map((o: any) => o.value)).toEqual(h.config.categories);
    expect(inputOf(view, FORM_BLOCK_IDS.team).initial_option).toBeUndefined();
    expect(inputOf(view, FORM_BLOCK_IDS.urgency).initial_option.value).toBe('normal');
    expect(inputOf(view, FORM_BLOCK_IDS.dueDate).type).toBe('datepicker');
  });

  it('files the ticket: stored first, then "#1 received" to the requester and a card in the triage channel', async () => {
    const offer = await dmAndGetOffer(h, 'UALICE', 'can you fix the banner on the pricing page?');
    await pressOfferButton(h, 'UALICE', offer);
    const { view } = lastOpenedView(h);
    const res = await submitForm(h, 'UALICE', { ...VALID_FORM, dueDate: '2026-12-01', urgency: 'urgent' }, view.private_metadata);
    expect(res.status).toBe(200);
    expect(res.body).toBe('');

    const ticket = await h.desk.db.selectFrom('tickets').selectAll().executeTakeFirstOrThrow();
    expect(ticket).toMatchObject({
      number: 1,
      title: 'Fix the pricing banner',
      requester_id: 'UALICE',
      team: 'Sales',
      category: 'Website',
      urgency: 'urgent',
      due_date: '2026-12-01',
      status: 'new',
      source: 'dm',
      source_channel_id: offer.channel,
    });
    const history = await h.desk.db.selectFrom('ticket_history').selectAll().execute();
    expect(history).toMatchObject([{ ticket_number: 1, action: 'created', to_status: 'new', actor_id: 'UALICE' }]);

    const received = h.fake.calls.find((c) => c.method === 'chat.postMessage' && c.args.channel === 'UALICE');
    expect(received?.args.text).toBe('#1 received — Fix the pricing banner');
    expect(JSON.stringify(received?.args.blocks)).toMatch(/What happens next/);

    const card = h.fake.calls.find((c) => c.method === 'chat.postMessage' && c.args.channel === TRIAGE_CHANNEL);
    const cardText = JSON.stringify(card?.args.blocks);
    for (const expected of ['#1 · Fix the pricing banner', 'It is broken', '<@UALICE>', 'Sales', 'Website', 'Urgent', 'Tue 1 Dec 2026']) {
      expect(cardText).toContain(expected);
    }
    const stored = await h.desk.db.selectFrom('tickets').select(['triage_channel_id', 'triage_ts']).executeTakeFirstOrThrow();
    expect(stored).toEqual({ triage_channel_id: TRIAGE_CHANNEL, triage_ts: (card?.response as { ts: string }).ts });

    // The offer turns into "that's ticket #1" and its outcome is recorded.
    const update = h.fake.calls.find((c) => c.method === 'chat.update' && c.args.ts === offer.ts);
    expect(update?.args.text).toMatch(/ticket #1/);
    expect(await h.desk.db.selectFrom('offers').select(['outcome', 'ticket_number', 'text']).executeTakeFirst()).toEqual({
      outcome: 'ticket_filed',
      ticket_number: 1,
      text: null,
    });
  });

  it('remembers the team for the next ticket', async () => {
    await fileTicketByDm(h, 'UALICE', 'can you fix the banner?', { ...VALID_FORM, team: 'Customer Success' });
    await h.sender.command(slashCommand({ user: 'UALICE', text: 'new slide template' }));
    await h.desk.settled();
    const { view } = lastOpenedView(h);
    expect(inputOf(view, FORM_BLOCK_IDS.team).initial_option.value).toBe('Customer Success');
  });

  it.each([
    ['a due date in the past', { dueDate: '2026-11-24' }, FORM_BLOCK_IDS.dueDate, /past/],
    ['no category', { category: undefined }, FORM_BLOCK_IDS.category, /category/],
    ['an unknown team', { team: 'Pirates' }, FORM_BLOCK_IDS.team, /team/],
    ['an empty title', { title: '   ' }, FORM_BLOCK_IDS.title, /title/],
  ])('shows an inline error for %s and stores nothing', async (_label, change, blockId, message) => {
    const res = await submitForm(h, 'UALICE', { ...VALID_FORM, ...change });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body);
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors)).toEqual([blockId]);
    expect(body.errors[blockId]).toMatch(message);
    expect(await h.desk.db.selectFrom('tickets').selectAll().execute()).toHaveLength(0);
  });

  it('accepts a due date of today in the desk time zone', async () => {
    h.clock.set('2026-11-25T23:30:00Z'); // already 26 Nov in Europe/Berlin
    const res = await submitForm(h, 'UALICE', { ...VALID_FORM, dueDate: '2026-11-26' });
    expect(res.body).toBe('');
    expect(await h.desk.db.selectFrom('tickets').select('due_date').executeTakeFirst()).toEqual({ due_date: '2026-11-26' });
  });

  it('escapes user text so "<!channel> free pizza" pings nobody and links cannot be forged', async () => {
    await submitForm(h, 'UALICE', {
      ...VALID_FORM,
      title: '<!channel> free pizza',
      details: 'click <https://evil.example|your bank> & tell <!here> <@U0BOSS>',
    });
    const card = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === TRIAGE_CHANNEL);
    const received = await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === 'UALICE');
    for (const call of [...card, ...received]) {
      const texts = mrkdwnTexts(call.args);
      expect(texts.join('\n')).not.toMatch(/<!channel>|<!here>|<https:\/\/evil|<@U0BOSS>/);
      expect(texts.join('\n')).toContain('&lt;!channel&gt; free pizza');
      expect(call.args.parse).toBe('none');
    }
    expect(mrkdwnTexts(card[0]!.args)).toContain('click &lt;https://evil.example|your bank&gt; &amp; tell &lt;!here&gt; &lt;@U0BOSS&gt;');
    // The header is plain text, which Slack never parses: the title shows exactly as typed.
    expect((card[0]!.args.blocks as any[])[0]).toMatchObject({ type: 'header', text: { type: 'plain_text', text: '#1 · <!channel> free pizza' } });
  });

  it('files one ticket per offer even if the form is submitted twice', async () => {
    const offer = await dmAndGetOffer(h, 'UALICE', 'can you fix the banner?');
    await pressOfferButton(h, 'UALICE', offer);
    const { view } = lastOpenedView(h);
    await submitForm(h, 'UALICE', VALID_FORM, view.private_metadata);
    await submitForm(h, 'UALICE', VALID_FORM, view.private_metadata);
    expect(await h.desk.db.selectFrom('tickets').selectAll().execute()).toHaveLength(1);
    expect(h.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === TRIAGE_CHANNEL)).toHaveLength(1);
  });

  it('does not let someone else use another person\'s offer', async () => {
    const offer = await dmAndGetOffer(h, 'UALICE', 'can you fix the banner?');
    await pressOfferButton(h, 'UMALLORY', offer);
    expect(h.fake.callsTo('views.open')).toHaveLength(0);
    const [note] = await h.fake.waitFor((c) => c.method === 'response_url');
    expect(note!.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(note!.args.text)).toMatch(/someone else/);
    // A forged private_metadata naming Alice's offer files a plain ticket for Mallory and leaves the offer alone.
    await submitForm(h, 'UMALLORY', VALID_FORM, JSON.stringify({ v: 1, source: 'dm', offerId: Number(offer.offerId) }));
    const ticket = await h.desk.db.selectFrom('tickets').selectAll().executeTakeFirstOrThrow();
    expect(ticket).toMatchObject({ requester_id: 'UMALLORY', source: 'command', source_channel_id: null });
    expect(await h.desk.db.selectFrom('offers').select('outcome').executeTakeFirst()).toEqual({ outcome: 'pending' });
  });

  it('tells the person when the offer is already a ticket instead of opening a second form', async () => {
    await fileTicketByDm(h, 'UALICE', 'can you fix the banner?');
    await pressOfferButton(h, 'UALICE', { call: offerCalls(h)[0]!, offerId: '1', channel: 'DALICE', ts: '1764200000.999999' });
    expect(h.fake.callsTo('views.open')).toHaveLength(1);
    const notes = h.fake.callsTo('response_url');
    expect(String(notes.at(-1)?.args.text)).toMatch(/already ticket #1/);
  });

  it('tells the person when Slack fails to open the form', async () => {
    const offer = await dmAndGetOffer(h, 'UALICE', 'can you fix the banner?');
    h.fake.reply('views.open', { body: { ok: false, error: 'expired_trigger_id' } });
    await pressOfferButton(h, 'UALICE', offer);
    const [note] = await h.fake.waitFor((c) => c.method === 'response_url');
    expect(String(note!.args.text)).toMatch(/didn't open the form/);
    expect(h.logs.some((l) => l.msg === 'could not open the ticket form' && l.level === 'error')).toBe(true);
  });
});

describe('/request', () => {
  it('opens the form prefilled with the text', async () => {
    const res = await h.sender.command(slashCommand({ user: 'UALICE', text: 'New hire laptop for Sam. Starts Monday.' }));
    expect(res.status).toBe(200);
    await h.desk.settled();
    const { view } = lastOpenedView(h);
    expect(inputOf(view, FORM_BLOCK_IDS.title).initial_value).toBe('New hire laptop for Sam.');
    await submitForm(h, 'UALICE', VALID_FORM, view.private_metadata);
    expect(await h.desk.db.selectFrom('tickets').select(['source', 'number']).executeTakeFirst()).toEqual({ source: 'command', number: 1 });
  });

  it('opens an empty form without text', async () => {
    await h.sender.command(slashCommand({ user: 'UALICE' }));
    await h.desk.settled();
    expect(inputOf(lastOpenedView(h).view, FORM_BLOCK_IDS.title).initial_value).toBeUndefined();
  });

  it('explains itself with "help", only to the caller', async () => {
    const res = await h.sender.command(slashCommand({ user: 'UALICE', text: 'help' }));
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body);
    expect(body.response_type).toBe('ephemeral');
    expect(JSON.stringify(body.blocks)).toContain('/request update the pricing page banner');
    await h.desk.settled();
    expect(h.fake.callsTo('views.open')).toHaveLength(0);
  });
});

describe('an @mention of the bot', () => {
  it('gets the offer only for the writer, in the thread, and the ticket links to the message', async () => {
    const threadTs = '1764200000.000099';
    const mention = mentionEvent({ user: 'UALICE', text: '<@UBOT> can someone update the webinar landing page?', channel: 'C0SALES', thread_ts: threadTs });
    await h.sender.event(envelope(mention));
    await h.desk.settled();
    const [offer] = offerCalls(h);
    expect(offer!.method).toBe('chat.postEphemeral');
    expect(offer!.args).toMatchObject({ channel: 'C0SALES', user: 'UALICE', thread_ts: threadTs });
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);

    const responseUrl = h.fake.responseUrl('mention-click');
    await pressOfferButton(
      h,
      'UALICE',
      { call: offer!, offerId: offerIdOf(offer!)!, channel: 'C0SALES', ts: mention.ts },
      undefined,
      { ephemeral: true, responseUrl },
    );
    const { view } = lastOpenedView(h);
    expect(view.blocks.find((b: any) => b.block_id === FORM_BLOCK_IDS.title).element.initial_value).toBe(
      'Can someone update the webinar landing page?',
    );
    await submitForm(h, 'UALICE', VALID_FORM, view.private_metadata);
    const ticket = await h.desk.db.selectFrom('tickets').selectAll().executeTakeFirstOrThrow();
    expect(ticket).toMatchObject({ source: 'mention', source_channel_id: 'C0SALES', source_ts: mention.ts });
    expect(ticket.source_permalink).toBe(`https://acme.slack.com/archives/C0SALES/p${mention.ts.replace('.', '')}`);
    const card = h.fake.calls.find((c) => c.method === 'chat.postMessage' && c.args.channel === TRIAGE_CHANNEL);
    expect(JSON.stringify(card?.args.blocks)).toContain(`<${ticket.source_permalink}|Original message>`);
    // The ephemeral offer is replaced through its response_url.
    const replaced = h.fake.calls.find((c) => c.method === 'response_url' && c.args.replace_original === true);
    expect(String(replaced?.args.text)).toMatch(/ticket #1/);
  });

  it('stays quiet for "@Request Desk thanks!"', async () => {
    await h.sender.event(envelope(mentionEvent({ user: 'UALICE', text: '<@UBOT> thanks!' })));
    await h.desk.settled();
    expect(offerCalls(h)).toHaveLength(0);
  });
});
