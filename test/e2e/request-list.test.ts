import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lastOpenedView, mrkdwnTexts, submitForm, VALID_FORM } from '../support/flows.js';
import { HELPER, startHarness, type Harness } from '../support/harness.js';
import { slashCommand } from '../support/payloads.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

type Reply = { response_type: string; text: string; blocks: { type: string; text?: { text: string } }[] };

/** Runs `/request <text>` as `user`; returns the answer in the ack (only the caller sees it). */
async function request(user: string, text: string): Promise<Reply> {
  const res = await h.sender.command(slashCommand({ user, text }));
  expect(res.status).toBe(200);
  expect(res.ackMs).toBeLessThan(3000);
  await h.desk.settled();
  return JSON.parse(res.body) as Reply;
}

/** Files a ticket for `user` through `/request` and the form. */
async function file(user: string, title: string): Promise<void> {
  await h.sender.command(slashCommand({ user, text: title }));
  await h.desk.settled();
  await submitForm(h, user, { ...VALID_FORM, title }, lastOpenedView(h).view.private_metadata);
}

const shown = (reply: Reply) => mrkdwnTexts(reply as unknown as Record<string, unknown>).join('\n');

describe('/request list', () => {
  it('shows the caller their tickets, open ones first, and nobody else\'s', async () => {
    await file('UALICE', 'Fix the pricing banner');
    await file('UBOB', 'Bob needs a new laptop');
    await file('UALICE', 'Webinar landing page');
    await file('UALICE', 'Old newsletter template');
    await h.desk.db.updateTable('tickets').set({ status: 'done', closed_at: h.clock.now().toISOString() }).where('number', '=', 4).execute();

    const reply = await request('UALICE', 'list');
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toBe('Your tickets: 2 open');
    const text = shown(reply);
    expect(text).not.toContain('Bob needs a new laptop');
    const order = ['*#3* Webinar landing page', '*#1* Fix the pricing banner', 'Recently finished', '*#4* Old newsletter template'].map((s) => text.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(h.fake.callsTo('views.open')).toHaveLength(4);
  });

  it('tells someone without tickets how to ask', async () => {
    const reply = await request('UALICE', 'LIST');
    expect(reply.response_type).toBe('ephemeral');
    expect(shown(reply)).toMatch(/haven't asked for anything yet.*`\/request`/);
    expect(h.fake.callsTo('views.open')).toHaveLength(0);
  });
});

describe('/request #N', () => {
  beforeEach(async () => {
    await file('UALICE', 'Fix the pricing banner');
  });

  it('shows its requester the ticket with its status and history, without helper buttons', async () => {
    const reply = await request('UALICE', '#1');
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toBe('#1 Fix the pricing banner — New');
    expect(reply.blocks[0]).toMatchObject({ type: 'header', text: { text: '#1 · Fix the pricing banner' } });
    const text = shown(reply);
    expect(text).toContain('*Status*\n*New*');
    expect(text).toContain('*History*');
    expect(text).toMatch(/<@UALICE> filed it/);
    expect(reply.blocks.some((b) => b.type === 'actions')).toBe(false);
  });

  it('shows a helper any ticket, with the buttons that fit its state', async () => {
    const reply = await request(HELPER, '1');
    expect(reply.text).toBe('#1 Fix the pricing banner — New');
    const buttons = reply.blocks.filter((b) => b.type === 'actions').flatMap((b: any) => b.elements.map((e: any) => e.text.text));
    expect(buttons).toContain('Start');
  });

  it('does not show a ticket to anyone else', async () => {
    const reply = await request('UMALLORY', '#1');
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toMatch(/ticket #1 isn't yours to see/);
    expect(JSON.stringify(reply)).not.toContain('pricing banner');
  });

  it('says so for a number that does not exist', async () => {
    const reply = await request('UALICE', '#99');
    expect(reply.text).toMatch(/There's no ticket #99/);
    expect(h.fake.callsTo('views.open')).toHaveLength(1);
  });
});

describe('/request help', () => {
  it('mentions list, #N and the message shortcut', async () => {
    const text = shown(await request('UALICE', 'help'));
    expect(text).toContain('`/request list`');
    expect(text).toContain('`/request #12`');
    expect(text).toContain('*Create ticket*');
  });
});
