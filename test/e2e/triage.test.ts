import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALLBACK_IDS, TICKET_ACTION_IDS } from '../../src/slack/ids.js';
import type { RecordedCall } from '../support/fake-slack.js';
import { lastOpenedView, mrkdwnTexts, submitForm, VALID_FORM } from '../support/flows.js';
import { HELPER, startHarness, TRIAGE_CHANNEL, type Harness } from '../support/harness.js';
import { buttonClick, changeFormSubmission, type ChangeFormInput } from '../support/payloads.js';

const HELPER_2 = 'UHELPER2';
let h: Harness;
beforeEach(async () => {
  h = await startHarness({ env: { HELPER_USER_IDS: `${HELPER},${HELPER_2}` } });
  await submitForm(h, 'UALICE', { ...VALID_FORM, title: 'Fix the pricing banner' });
});
afterEach(async () => {
  await h.stop();
});

/** The triage card as Slack shows it now: the first post, or the latest update of it. */
function currentCard(): RecordedCall {
  const posted = h.fake.calls.find((c) => c.method === 'chat.postMessage' && c.args.channel === TRIAGE_CHANNEL)!;
  const ts = (posted.response as { ts: string }).ts;
  return h.fake.calls.filter((c) => c.method === 'chat.update' && c.args.ts === ts).at(-1) ?? posted;
}

const cardTs = () => (h.fake.calls.find((c) => c.method === 'chat.postMessage' && c.args.channel === TRIAGE_CHANNEL)!.response as { ts: string }).ts;

function cardButtons(card = currentCard()): { action_id: string; value: string; text: { text: string } }[] {
  return (card.args.blocks as any[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements);
}

/** Clicks a ticket button as `user`, with the value the card carries now (or a given stale status). */
async function click(user: string, action: keyof typeof TICKET_ACTION_IDS, seenStatus?: string, responseId = 'r') {
  const value = JSON.stringify({ n: 1, s: seenStatus ?? (await ticket()).status });
  const res = await h.sender.interaction(
    buttonClick({ user, actionId: TICKET_ACTION_IDS[action], value, channel: TRIAGE_CHANNEL, messageTs: cardTs(), responseUrl: h.fake.responseUrl(responseId) }),
  );
  expect(res.status).toBe(200);
  await h.desk.settled();
  return res;
}

async function submitChange(user: string, callbackId: string, form: ChangeFormInput, privateMetadata?: string) {
  const res = await h.sender.interaction(
    changeFormSubmission({ user, callbackId, form, privateMetadata: privateMetadata ?? lastOpenedView(h).view.private_metadata }),
  );
  await h.desk.settled();
  return res.body ? (JSON.parse(res.body) as { response_action: string; errors: Record<string, string> }) : undefined;
}

const ticket = () => h.desk.db.selectFrom('tickets').selectAll().where('number', '=', 1).executeTakeFirstOrThrow();
const history = () => h.desk.db.selectFrom('ticket_history').select(['action', 'actor_id', 'from_status', 'to_status', 'note', 'minutes_spent']).orderBy('id').execute();
const dmsTo = (user: string) => h.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === user);
const notes = () => h.fake.callsTo('response_url').map((c) => String(c.args.text));

describe('the triage card', () => {
  it('carries the actions that fit a new ticket', () => {
    expect(cardButtons().map((b) => b.text.text)).toEqual(['Start', 'Done', 'Decline', 'Redirect', 'Change due / urgency']);
    expect(JSON.parse(cardButtons()[0]!.value)).toEqual({ n: 1, s: 'new' });
  });
});

describe('Start', () => {
  it('assigns the helper, updates the card in place, tells the requester and refreshes App Home', async () => {
    await click(HELPER, 'start');
    await h.desk.settled();
    expect(await ticket()).toMatchObject({ status: 'in_progress', assignee_id: HELPER, first_response_at: h.clock.now().toISOString() });
    expect(await history()).toMatchObject([
      { action: 'created' },
      { action: 'started', actor_id: HELPER, from_status: 'new', to_status: 'in_progress' },
    ]);
    const card = currentCard();
    expect(card.method).toBe('chat.update');
    expect(card.args.channel).toBe(TRIAGE_CHANNEL);
    expect(mrkdwnTexts(card.args).join('\n')).toContain(`*In progress* · <@${HELPER}>`);
    expect(cardButtons(card).map((b) => b.text.text)).toEqual(['Done', 'Decline', 'Redirect', 'Change due / urgency']);
    const [dm] = dmsTo('UALICE').filter((c) => String(c.args.text).includes('in progress'));
    expect(mrkdwnTexts(dm!.args).join('\n')).toContain(`<@${HELPER}> started on *#1* Fix the pricing banner`);
    const published = h.fake.callsTo('views.publish').map((c) => c.args.user_id);
    expect(published).toEqual(expect.arrayContaining(['UALICE', HELPER, HELPER_2]));
  });

  it('refuses anyone but a helper, with a note only they see, and changes nothing', async () => {
    await click('UALICE', 'start');
    await h.desk.settled();
    expect(await ticket()).toMatchObject({ status: 'new', assignee_id: null });
    expect(notes()).toEqual(['Only the helpers can change tickets. You can follow your own with `/request list`.']);
    expect(h.fake.callsTo('response_url')[0]!.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(h.fake.callsTo('chat.update').filter((c) => c.args.channel === TRIAGE_CHANNEL)).toHaveLength(0);
  });

  it('changes a ticket once when two helpers (or a double click) press Start at the same time', async () => {
    await Promise.all([click(HELPER, 'start', 'new', 'a'), click(HELPER_2, 'start', 'new', 'b'), click(HELPER, 'start', 'new', 'c')]);
    await h.desk.settled();
    expect((await history()).filter((e) => e.action === 'started')).toHaveLength(1);
    expect(dmsTo('UALICE').filter((c) => String(c.args.text).includes('in progress'))).toHaveLength(1);
    expect(notes()).toHaveLength(2);
    for (const note of notes()) expect(note).toMatch(/^\*#1\* Fix the pricing banner has moved on: it is now \*In progress\* \(<@UHELPER[12]>\)/);
  });
});

describe('a stale card', () => {
  it('tells the helper the current state instead of acting or opening a form', async () => {
    await click(HELPER, 'start');
    await click(HELPER_2, 'decline', 'new');
    await h.desk.settled();
    expect(h.fake.callsTo('views.open')).toHaveLength(0);
    expect(notes()).toEqual([`*#1* Fix the pricing banner has moved on: it is now *In progress* (<@${HELPER}>). The card shows what you can do next.`]);
  });
});

describe('Done', () => {
  it('opens a form, records what was done and the time, closes the ticket and tells the requester', async () => {
    await click(HELPER, 'start');
    await click(HELPER, 'done');
    await h.desk.settled();
    const { view } = lastOpenedView(h);
    expect(view.callback_id).toBe(CALLBACK_IDS.doneForm);
    expect(JSON.parse(view.private_metadata)).toEqual({ n: 1, s: 'in_progress' });

    expect(await submitChange(HELPER, CALLBACK_IDS.doneForm, { note: 'New banner is live', minutes: 'soon' })).toEqual({
      response_action: 'errors',
      errors: { change_minutes: 'Please give the time like 45m, 1h 30m or 2h (0 is fine).' },
    });
    expect(await submitChange(HELPER, CALLBACK_IDS.doneForm, { note: 'New banner is live', minutes: '1h 30m', link: 'https://acme.com/pricing' })).toBeUndefined();

    expect(await ticket()).toMatchObject({ status: 'done', minutes_spent: 90, closed_at: h.clock.now().toISOString(), assignee_id: HELPER });
    expect((await history()).at(-1)).toEqual({
      action: 'done',
      actor_id: HELPER,
      from_status: 'in_progress',
      to_status: 'done',
      note: 'New banner is live\nhttps://acme.com/pricing',
      minutes_spent: 90,
    });
    const dm = mrkdwnTexts(dmsTo('UALICE').at(-1)!.args).join('\n');
    expect(dm).toContain('*#1* Fix the pricing banner is done');
    expect(dm).toContain('> New banner is live');
    expect(dm).toContain('<https://acme.com/pricing|See the result>');
    expect(mrkdwnTexts(currentCard().args).join('\n')).toContain(`*Done* · <@${HELPER}> · 1h 30m`);
    expect(cardButtons().map((b) => b.text.text)).toEqual(['Reopen']);
  });

  it('applies a form submitted twice only once', async () => {
    await click(HELPER, 'done');
    const metadata = lastOpenedView(h).view.private_metadata;
    await submitChange(HELPER, CALLBACK_IDS.doneForm, { note: 'Done', minutes: '10m' }, metadata);
    const second = await submitChange(HELPER, CALLBACK_IDS.doneForm, { note: 'Done', minutes: '10m' }, metadata);
    expect(second?.errors.change_note).toMatch(/has moved on: it is now \*Done\*/);
    expect(await ticket()).toMatchObject({ minutes_spent: 10 });
    expect((await history()).filter((e) => e.action === 'done')).toHaveLength(1);
  });

  it('refuses a submission from someone who is not a helper', async () => {
    const errors = await submitChange('UALICE', CALLBACK_IDS.doneForm, { note: 'x', minutes: '1m' }, JSON.stringify({ n: 1, s: 'new' }));
    expect(errors?.errors.change_note).toMatch(/Only the helpers/);
    expect(await ticket()).toMatchObject({ status: 'new' });
  });
});

describe('Decline and Redirect', () => {
  it('declines kindly, with the reason, a guide and a better person', async () => {
    await click(HELPER, 'decline');
    expect(await submitChange(HELPER, CALLBACK_IDS.declineForm, { note: '' })).toMatchObject({ errors: { change_note: expect.stringMatching(/kind reason/) } });
    await submitChange(HELPER, CALLBACK_IDS.declineForm, { note: 'The CMS lets you do this yourself.', link: 'https://wiki.acme.com/cms', person: 'U0WEBDEV' });
    expect(await ticket()).toMatchObject({ status: 'declined' });
    const dm = mrkdwnTexts(dmsTo('UALICE').at(-1)!.args).join('\n');
    expect(dm).toContain(`<@${HELPER}> can't take on *#1* Fix the pricing banner this time — sorry about that.`);
    expect(dm).toContain('> The CMS lets you do this yourself.');
    expect(dm).toContain('<https://wiki.acme.com/cms|This guide may help>');
    expect(dm).toContain('<@U0WEBDEV> may be able to help instead.');
  });

  it('redirects to a person or a team, and asks for one of them', async () => {
    await click(HELPER, 'redirect');
    expect(await submitChange(HELPER, CALLBACK_IDS.redirectForm, { note: 'hm' })).toMatchObject({ errors: { change_person: expect.stringMatching(/person or name a team/) } });
    await submitChange(HELPER, CALLBACK_IDS.redirectForm, { team: 'Sales Ops', note: 'They own the CRM.' });
    expect(await ticket()).toMatchObject({ status: 'redirected' });
    const dm = mrkdwnTexts(dmsTo('UALICE').at(-1)!.args).join('\n');
    expect(dm).toContain('is better handled elsewhere: please ask the Sales Ops team.');
    expect(dm).toContain('> They own the CRM.');
  });
});

describe('Change due / urgency and Reopen', () => {
  it('moves the due date (not into the past), tells the requester, and marks the card overdue once it passes', async () => {
    await click(HELPER, 'reschedule');
    expect(await submitChange(HELPER, CALLBACK_IDS.rescheduleForm, { dueDate: '2026-11-20', urgency: 'urgent' })).toMatchObject({
      errors: { change_due_date: 'The due date is in the past — please pick today or later.' },
    });
    await submitChange(HELPER, CALLBACK_IDS.rescheduleForm, { dueDate: '2026-11-27', urgency: 'urgent' });
    expect(await ticket()).toMatchObject({ status: 'new', due_date: '2026-11-27', urgency: 'urgent' });
    expect(mrkdwnTexts(dmsTo('UALICE').at(-1)!.args).join('\n')).toContain('is now due Fri 27 Nov 2026 (:red_circle: Urgent).');
    expect(mrkdwnTexts(currentCard().args).join('\n')).toContain('*Due*\nFri 27 Nov 2026');

    h.clock.set('2026-11-28T09:00:00Z');
    const dmsBefore = dmsTo('UALICE').length;
    await click(HELPER, 'reschedule');
    await submitChange(HELPER, CALLBACK_IDS.rescheduleForm, { dueDate: '2026-11-27', urgency: 'normal' });
    expect(dmsTo('UALICE')).toHaveLength(dmsBefore); // same due date: nothing for the requester
    expect(mrkdwnTexts(currentCard().args).join('\n')).toContain('*Due*\n:warning: Fri 27 Nov 2026 (overdue)');
  });

  it('reopens a finished ticket for the helper who reopens it', async () => {
    await click(HELPER, 'done');
    await submitChange(HELPER, CALLBACK_IDS.doneForm, { note: 'Done', minutes: '5m' });
    await click(HELPER_2, 'reopen');
    await h.desk.settled();
    expect(await ticket()).toMatchObject({ status: 'in_progress', assignee_id: HELPER_2, closed_at: null, minutes_spent: 5 });
    expect(mrkdwnTexts(dmsTo('UALICE').at(-1)!.args).join('\n')).toContain(`<@${HELPER_2}> reopened *#1* Fix the pricing banner`);
    expect((await history()).map((e) => e.action)).toEqual(['created', 'done', 'reopened']);
  });
});
